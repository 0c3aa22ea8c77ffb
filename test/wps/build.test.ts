/**
 * `npm run build:wps`: the folder a WPS 表格 add-in needs, checked against what WPS's documentation
 * and Kingsoft's own toolkit specify (open.wps.cn 加载项开发说明 / 加载项自定义函数; the wpsjs 2.2.3
 * et template and its functionsScanner):
 * - ribbon.xml is CustomUI in the 2006/01 namespace, customUI > ribbon > tabs > tab > group >
 *   button, with onLoad / onAction / getImage naming callbacks index.html defines, and the same
 *   buttons (ids, labels, commands) as manifest.xml's ribbon;
 * - manifest.xml is <JsPlugin> with ApiVersion, Name and <Functions><Uri/><Namespace/>, the Uri
 *   naming the built functions.json and the namespace FUND;
 * - functions.json has every FUND.* function of the Excel build, each with its Chinese and English
 *   help, parameters typed as WPS's scanner types them;
 * - the pages load only our own scripts (no office.js, nothing remote), and the deployment files
 *   name the add-in folder as WPS expects.
 */

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { BUTTON_PANES } from "../../src/wps/ribbon";

const { parseStringPromise } = require("xml2js") as {
  parseStringPromise: (s: string) => Promise<any>;
};

const { functionSources } = require("../../scripts/function-sources");

const root = path.resolve(__dirname, "../..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-wps-build-"));
const URL = "http://intranet.example/fund/";

beforeAll(async () => {
  process.env.WPS_ADDIN_URL = URL;

  const configure = require(path.join(root, "webpack.wps.config.js"));
  const config = configure({}, { mode: "production" });
  config.context = root;
  config.output.path = out;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s)))
  );
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  expect(info.errors).toEqual([]);
}, 300000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");
type Xml = any;

async function manifestButtons(): Promise<{ id: string; label: string; fn: string }[]> {
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const doc: Xml = await parseStringPromise(xml);
  const strings = new Map<string, string>();
  const res = doc.OfficeApp.VersionOverrides[0].Resources[0];
  for (const group of ["bt:ShortStrings", "bt:LongStrings"]) {
    for (const s of res[group][0]["bt:String"]) strings.set(s.$.id, s.$.DefaultValue);
  }
  const host = doc.OfficeApp.VersionOverrides[0].Hosts[0].Host[0];
  const surface = host.DesktopFormFactor[0].ExtensionPoint.find(
    (e: Xml) => e.$["xsi:type"] === "PrimaryCommandSurface"
  );
  const controls = surface.CustomTab[0].Group[0].Control;
  return controls.map((c: Xml) => ({
    id: c.$.id,
    label: strings.get(c.Label[0].$.resid) as string,
    fn: c.Action[0].FunctionName[0],
  }));
}

test("ribbon.xml: CustomUI in its namespace, the manifest's buttons, callbacks the add-in defines", async () => {
  const xml = read("ribbon.xml");
  const doc: Xml = await parseStringPromise(xml);
  expect(Object.keys(doc)).toEqual(["customUI"]);
  const ui = doc.customUI;
  expect(ui.$.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
  expect(ui.$.onLoad).toBe("OnAddinLoad");
  const tabs = ui.ribbon[0].tabs[0].tab;
  expect(tabs).toHaveLength(1);
  expect(tabs[0].$).toMatchObject({ id: "FundCompliance.Tab", label: "资金合规" });
  const buttons = tabs[0].group[0].button;
  const expected = await manifestButtons();
  expect(expected.length).toBe(3);
  expect(buttons.map((b: Xml) => ({ id: b.$.id, label: b.$.label, fn: b.$.tag }))).toEqual(
    expected
  );
  for (const b of buttons) {
    expect(b.$.onAction).toBe("OnAction");
    expect(b.$.getImage).toBe("GetImage");
    expect(b.$.supertip).toMatch(/[\u4e00-\u9fff].* [A-Z]/); // Chinese, then English
    // every button opens a pane through src/wps/ribbon.ts
    expect(BUTTON_PANES[b.$.id]).toBeDefined();
  }
  // Element names only from the CustomUI schema.
  const names = [...xml.matchAll(/<([a-zA-Z]+)[\s>/]/g)].map((m) => m[1]);
  expect(new Set(names)).toEqual(new Set(["customUI", "ribbon", "tabs", "tab", "group", "button"]));
  // the callbacks ribbon.xml names are defined by the bundle index.html loads
  const html = read("index.html");
  expect(html).toMatch(/<script[^>]*src="?ribbon\.js/);
  const ribbonJs = read("ribbon.js");
  for (const cb of ["OnAddinLoad", "OnAction", "GetImage"]) expect(ribbonJs).toContain(cb);
});

test("manifest.xml: a JsPlugin naming functions.json and the FUND namespace", async () => {
  const doc: Xml = await parseStringPromise(read("manifest.xml"));
  expect(Object.keys(doc)).toEqual(["JsPlugin"]);
  const p = doc.JsPlugin;
  expect(p.ApiVersion).toEqual(["1.0.0"]);
  expect(p.Name[0]).toBe("fund-compliance");
  expect(p.Description[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(p.Functions[0].Namespace).toEqual(["FUND"]);
  const uri = p.Functions[0].Uri[0];
  expect(uri).toBe("/functions.json");
  expect(fs.existsSync(path.join(out, uri))).toBe(true);
});

test("functions.json: every FUND.* function of the Excel build, with Chinese and English help", async () => {
  const meta = await generateCustomFunctionsMetadata(
    functionSources.map((f: string) => path.resolve(root, f))
  );
  const excel: {
    id: string;
    parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  }[] = JSON.parse(meta.metadataJson).functions;
  const wps = JSON.parse(read("functions.json"));
  expect(Object.keys(wps)).toEqual(["functions"]);
  const fns: {
    name: string;
    description: string;
    parameters: { name: string; description: string; type: string }[];
    result: { type: string };
  }[] = wps.functions;
  expect(fns.map((f) => f.name)).toEqual(excel.map((f) => f.id));
  expect(fns.length).toBeGreaterThanOrEqual(12);
  const TYPE = /^(number|string|bool|any)(\[\]\[\])?\??$/;
  for (const f of fns) {
    const e = excel.find((x) => x.id === f.name)!;
    expect(Object.keys(f).sort()).toEqual(["description", "name", "parameters", "result"]);
    expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    expect(f.description).toMatch(/[A-Za-z]{3,}/);
    expect(f.result.type).toMatch(TYPE);
    expect(f.parameters.map((p) => p.name)).toEqual(e.parameters.map((p) => p.name));
    f.parameters.forEach((p, i) => {
      expect({
        fn: f.name,
        p: p.name,
        zh: /[\u4e00-\u9fff]/.test(p.description),
        en: /[A-Za-z]{3,}/.test(p.description),
      }).toEqual({
        fn: f.name,
        p: p.name,
        zh: true,
        en: true,
      });
      expect(p.type).toMatch(TYPE);
      expect(p.type.endsWith("?")).toBe(Boolean(e.parameters[i].optional));
      expect(p.type.includes("[][]")).toBe(e.parameters[i].dimensionality === "matrix");
    });
  }
  // the intermediate Excel metadata is not shipped
  expect(fs.existsSync(path.join(out, "functions.zh.json"))).toBe(false);
  expect(fs.existsSync(path.join(out, "functions.en-us.json"))).toBe(false);
});

test("pages: our own scripts only, no office.js, a CSP first; the task pane and its bundle are there", () => {
  for (const page of ["index.html", "taskpane.html"]) {
    const html = read(page);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]);
    for (const s of scripts) expect(fs.existsSync(path.join(out, s))).toBe(true);
  }
  expect(read("taskpane.html")).toMatch(/src="?taskpane\.js/);
  expect(read("index.html")).toMatch(/src="?functions\.js/);
  expect(read("taskpane.js")).not.toMatch(/\beval\(/);
  expect(fs.existsSync(path.join(out, "assets/icon-32.png"))).toBe(true);
  expect(fs.existsSync(path.join(out, "help/functions.html"))).toBe(true);
});

test("deployment files: online jsplugins.xml at the published URL; local folder and 7z modes", async () => {
  const online: Xml = await parseStringPromise(read("jsplugins.xml"));
  expect(online.jsplugins.jspluginonline[0].$).toEqual({
    name: "fund-compliance",
    type: "et",
    url: URL,
  });
  const offline: Xml = await parseStringPromise(read("deploy/jsplugins-offline.xml"));

  const { version } = require("../../package.json");
  expect(offline.jsplugins.jsplugin[0].$).toEqual({
    name: "fund-compliance",
    type: "et",
    url: `${URL}fund-compliance.7z`,
    version,
  });
  const local: Xml = await parseStringPromise(read("deploy/publish.xml"));
  expect(local.jsplugins.jsplugin[0].$).toMatchObject({
    name: "fund-compliance",
    type: "et",
    url: `fund-compliance_${version}`,
    version,
  });
});
