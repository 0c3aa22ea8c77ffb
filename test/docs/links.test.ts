/**
 * The docs fit and point only at what is in the repository: README.md stays within 10,000
 * characters, and every relative link or file reference in README.md, docs/**\/*.md and the
 * comments of src, test, bench, scripts (and the root config files) names a file or folder that
 * exists. Policy texts are cited by document and clause, never by a file outside the checkout.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const README_LIMIT = 10_000;

/** Top-level folders of the repository: a reference starting with one is read from the root. */
const TOP = ["src", "test", "docs", "bench", "scripts", "bin", "examples", "assets", ".ci"];
/** What the build or a run writes (not committed): a reference to it names an output, not a file. */
const GENERATED = /\.review\.xlsx$|^(?:dist|dist-wps|lib|coverage)\//;
const FILE_EXT = "md|ts|tsx|js|mjs|cjs|json|xml|html|css|tsv|txt|xlsx|csv|ya?ml";

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".git")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out;
}

/** Whether a repository path exists; a glob (`src/core/rules/*`) counts when the part before `*` does. */
function exists(abs: string): boolean {
  const star = abs.indexOf("*");
  const probe = star === -1 ? abs : path.dirname(abs.slice(0, star + 1));
  return fs.existsSync(probe);
}

/** A comment may name a module without its extension ("./packs"). */
function existsAsModule(abs: string): boolean {
  return exists(abs) || [".ts", ".tsx", ".js", "/index.ts"].some((ext) => fs.existsSync(abs + ext));
}

export interface Problem {
  ref: string;
  why: string;
}

/**
 * The references in a piece of text (a markdown file or a comment) that do not resolve.
 * `dir` is the folder of the file the text is in (relative links resolve from there).
 */
export function brokenReferences(text: string, dir: string, markdown: boolean): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const report = (ref: string, why: string) => {
    if (seen.has(ref)) return;
    seen.add(ref);
    problems.push({ ref, why });
  };

  // 1. Markdown links [text](target), relative targets only.
  if (markdown) {
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target)) continue;
      const file = decodeURI(target.split("#")[0]);
      if (!exists(path.resolve(dir, file))) report(target, "link target does not exist");
    }
  }

  // 2. The team's folder outside the repository, in any spelling.
  for (const m of text.matchAll(
    /(?:\.\.\/)+shared\b[\w./-]*|\bshared\/(?:seeds|domain)\b[\w./-]*/g
  )) {
    report(m[0].replace(/[.,;:]+$/, ""), "a folder outside the repository");
  }

  // 3. Paths: from the root (src/…, docs/…), relative (./x, ../x), or a bare *.md name.
  const token = new RegExp(String.raw`(?<![\w/.\\-])((?:\.{1,2}/)*[\w.*-]+(?:/[\w.*-]+)*/?)`, "g");
  for (const m of text.matchAll(token)) {
    const ref = m[1].replace(/[.,;:]+$/, "");
    if (seen.has(ref) || /^https?:/.test(ref) || GENERATED.test(ref)) continue;
    const first = ref.split("/")[0];
    if (ref.startsWith("./") || ref.startsWith("../")) {
      if (!existsAsModule(path.resolve(dir, ref))) report(ref, "relative path does not exist");
    } else if (TOP.includes(first) && ref.includes("/")) {
      if (!existsAsModule(path.join(ROOT, ref)))
        report(ref, "path does not exist in the repository");
    } else if (!ref.includes("/") && new RegExp(String.raw`\.md$`).test(ref)) {
      const here = [path.resolve(dir, ref), path.join(ROOT, ref), path.join(ROOT, "docs", ref)];
      if (!here.some((p) => fs.existsSync(p))) report(ref, "no such page in the repository");
    } else if (
      ref.includes("/") &&
      new RegExp(String.raw`\.(?:${FILE_EXT})$`).test(ref) &&
      /^\.{0,2}\//.test(ref)
    ) {
      report(ref, "path does not exist");
    }
  }
  return problems;
}

/** The comments of a JS/TS file, each with its text (found through the compiler, not a regex). */
function comments(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const kind = /\.tsx$/.test(file)
    ? ts.ScriptKind.TSX
    : /\.[cm]?js$/.test(file)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set<number>();
  const out: string[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      out.push(text.slice(r.pos, r.end));
    }
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(text, node.getFullStart()));
    take(ts.getTrailingCommentRanges(text, node.getEnd()));
    ts.forEachChild(node, visit);
  };
  take(ts.getLeadingCommentRanges(text, 0));
  visit(sf);
  take(ts.getLeadingCommentRanges(text, sf.endOfFileToken.getFullStart()));
  return out;
}

const rel = (p: string) => path.relative(ROOT, p);

describe("README fits", () => {
  test(`README.md has at most ${README_LIMIT} characters`, () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect([...readme].length).toBeLessThanOrEqual(README_LIMIT);
  });

  test("README.md's quick start runs the command from this copy, never through npx", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("node bin/fund-compliance.js review examples/county-ledger.xlsx");
    expect(readme).not.toMatch(/^\s*npx /m);
  });
});

describe("one line per function", () => {
  /** Every `@customfunction NAME` in src/functions: what Excel registers as FUND.NAME. */
  const names = walk(path.join(ROOT, "src", "functions"), (f) => f.endsWith(".ts")).flatMap((f) =>
    [...fs.readFileSync(f, "utf8").matchAll(/@customfunction\s+([A-Z][A-Z0-9.]*)/g)].map(
      (m) => `FUND.${m[1]}`
    )
  );

  test("the functions are found", () => {
    expect(names.length).toBeGreaterThanOrEqual(21);
  });

  test.each(["README.md", "docs/functions.md"])("%s names every function", (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    expect(
      names.filter((n) => !new RegExp("`=?" + n.replace(/\./g, "\\.") + "[`(]").test(text))
    ).toEqual([]);
  });
});

describe("references resolve inside the repository", () => {
  const docs = [
    path.join(ROOT, "README.md"),
    ...walk(path.join(ROOT, "docs"), (f) => f.endsWith(".md")),
  ];

  test.each(docs.map((f) => [rel(f), f]))("%s", (_name, file) => {
    const text = fs.readFileSync(file, "utf8");
    expect(brokenReferences(text, path.dirname(file), true)).toEqual([]);
  });

  // This file is skipped: its comments and examples spell out the patterns it rejects.
  const code = [
    ...["src", "test", "bench", "scripts"].flatMap((d) =>
      walk(path.join(ROOT, d), (f) => /\.(?:ts|tsx|js|mjs|cjs)$/.test(f) && f !== __filename)
    ),
    ...fs
      .readdirSync(ROOT)
      .filter((f) => /\.(?:js|mjs|cjs)$/.test(f))
      .map((f) => path.join(ROOT, f)),
  ];

  test(`comments in ${code.length} source files`, () => {
    const problems: string[] = [];
    for (const file of code) {
      for (const c of comments(file)) {
        for (const p of brokenReferences(c, path.dirname(file), false)) {
          problems.push(`${rel(file)}: ${p.ref} — ${p.why}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("comment lines of the .tsv fixtures", () => {
    const problems: string[] = [];
    for (const file of walk(path.join(ROOT, "test"), (f) => f.endsWith(".tsv"))) {
      const lines = fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("#"));
      for (const p of brokenReferences(lines.join("\n"), path.dirname(file), false)) {
        problems.push(`${rel(file)}: ${p.ref} — ${p.why}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the checker itself", () => {
  const dir = path.join(ROOT, "docs");

  test("finds what is missing", () => {
    const text = [
      "See [the rules](rules.md), [gone](nowhere.md) and [web](https://example.com/x.md).",
      "Traps in toolchain.md and design.md; the seeds under ../shared/seeds and shared/domain/rules.md.",
      "Code in `src/core/money/index.ts` and `src/core/no-such-module.ts`; quotes in `src/core/rules/*`.",
    ].join("\n");
    expect(brokenReferences(text, dir, true).map((p) => p.ref)).toEqual([
      "nowhere.md",
      "../shared/seeds",
      "shared/domain/rules.md",
      "toolchain.md",
      "design.md",
      "src/core/no-such-module.ts",
    ]);
  });

  test("reads comments, not strings", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "links-"));
    const file = path.join(tmp, "x.ts");
    fs.writeFileSync(
      file,
      'const a = "// not a comment toolchain.md";\n/** see design.md */\nexport {};\n'
    );
    try {
      expect(
        comments(file)
          .flatMap((c) => brokenReferences(c, tmp, false))
          .map((p) => p.ref)
      ).toEqual(["design.md"]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
