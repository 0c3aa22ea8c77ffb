/**
 * The manifest's structure, checked here because `office-addin-manifest validate` needs the
 * internet: well-formed XML, ids, every resource reference resolves, string length limits,
 * the FUND namespace, ReadWriteDocument at most, commands that commands.ts registers.
 */
import * as fs from "fs";
import * as path from "path";

const { parseStringPromise } = require("xml2js") as {
  parseStringPromise: (s: string) => Promise<Record<string, unknown>>;
};

const root = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** Every element anywhere with its attributes, depth-first. */
function walk(
  node: unknown,
  visit: (name: string, value: Record<string, unknown>) => void,
  name = ""
) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, name));
  if (node && typeof node === "object") {
    visit(name, node as Record<string, unknown>);
    for (const [k, v] of Object.entries(node)) if (k !== "$") walk(v, visit, k);
  }
}

let doc: Record<string, unknown>;
beforeAll(async () => {
  doc = await parseStringPromise(xml);
});

const attr = (n: Record<string, unknown>, a: string) =>
  (n.$ as Record<string, string> | undefined)?.[a];

test("well-formed, a task pane add-in with a GUID id and a four-part version", () => {
  const app = doc.OfficeApp as Record<string, unknown>;
  expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
  expect((app.Id as string[])[0]).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
  );
  expect((app.Version as string[])[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect((app.DefaultLocale as string[])[0]).toBe("zh-CN");
  expect((app.Permissions as string[])[0]).toBe("ReadWriteDocument");
});

test("every resid resolves to a resource of the right kind, and every resource is used", () => {
  const defined = new Map<string, string>();
  const used: string[] = [];
  walk(doc, (name, node) => {
    const id = attr(node, "id");
    if (id && ["bt:Image", "bt:Url", "bt:String"].includes(name)) {
      expect(defined.has(id)).toBe(false);
      defined.set(id, name);
    }
    const resid = attr(node, "resid");
    if (resid) used.push(resid);
  });
  for (const r of used)
    expect({ resid: r, defined: defined.has(r) }).toEqual({ resid: r, defined: true });
  for (const id of defined.keys())
    expect({ id, used: used.includes(id) }).toEqual({ id, used: true });
});

test("string length limits: short strings ≤ 125, long strings ≤ 250, in every locale", () => {
  walk(doc, (name, node) => {
    if (
      (name === "bt:String" || name === "DisplayName" || name === "Description") &&
      attr(node, "DefaultValue") !== undefined
    ) {
      const values = [
        attr(node, "DefaultValue"),
        ...((node["bt:Override"] || node.Override || []) as Record<string, unknown>[]).map((o) =>
          attr(o, "Value")
        ),
      ];
      const id = attr(node, "id") ?? name;
      const long = id === "Description" || name === "Description" || /Tooltip|Description/.test(id);
      for (const v of values)
        expect({ id, ok: (v ?? "").length > 0 && (v ?? "").length <= (long ? 250 : 125) }).toEqual({
          id,
          ok: true,
        });
    }
  });
});

test("shared runtime: functions, pane and commands on one page; namespace FUND", () => {
  expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
  expect(xml).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
  expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="FUND"\/>/);
  expect(xml).toMatch(
    /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions.en-us.json"\/>/
  );
});

test("every ribbon button runs a function that commands.ts registers", () => {
  const names = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
  expect(names).toEqual(["showAllocate", "showReview", "showFiling"]);
  const commands = fs.readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
  for (const n of names) expect(commands).toContain(`Office.actions.associate("${n}"`);
});

test("all URLs are https on the dev server (the build rewrites them for production)", () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
});
