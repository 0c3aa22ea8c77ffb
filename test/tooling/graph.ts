/** The import graph of src/ (files → the files they import), and its cycles. */
import { importsOf, read, resolveLocal, sourceFiles } from "./imports";

export type Graph = Map<string, string[]>;

/** Every file under `dirs` with the repository files it imports (type-only imports included). */
export function importGraph(dirs: string[]): Graph {
  const g: Graph = new Map();
  for (const f of dirs.flatMap(sourceFiles)) {
    const to = importsOf(read(f))
      .map((r) => resolveLocal(f, r.specifier))
      .filter((t): t is string => t !== null && !t.endsWith(".json"));
    g.set(f, [...new Set(to)]);
  }
  return g;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(g: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}
