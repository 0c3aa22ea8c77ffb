/** Records every file the code under test opens for writing or creates; call the result to stop. */
// the module object itself (an `import * as` copy has fixed properties): code importing fs sees the wrap

const fsm = require("fs") as Record<string, unknown>;

const WATCHED: [string, string][] = [
  ["openSync", "open"],
  ["open", "open"],
  ["createWriteStream", "write"],
  ["writeFileSync", "write"],
  ["writeFile", "write"],
  ["mkdtempSync", "mkdtemp"],
  ["mkdtemp", "mkdtemp"],
];

export function spyOnWrites(): () => string[] {
  const seen: string[] = [];
  const saved = WATCHED.map(([name]) => [name, fsm[name]] as const);
  for (const [name, what] of WATCHED) {
    const orig = fsm[name] as (...a: unknown[]) => unknown;
    fsm[name] = (...a: unknown[]) => {
      if (what !== "open" || /[wa+]/.test(String(a[1] ?? ""))) seen.push(`${what} ${String(a[0])}`);
      return orig(...a);
    };
  }
  return () => {
    for (const [name, f] of saved) fsm[name] = f;
    return seen;
  };
}
