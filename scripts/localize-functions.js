// Build step: the metadata generated from JSDoc is English (functions.en-us.json). Excel does not
// localise it, so this plugin writes the Chinese default (functions.json) from the per-area help
// files src/functions/help/*.zh.json, fails the build when any function or parameter lacks its
// Chinese text, and writes the help page every function's helpUrl points at.
const fs = require("fs");
const path = require("path");
const { Compilation, sources, WebpackError } = require("webpack");

const HELP_DIR = path.resolve(__dirname, "../src/functions/help");
const DEV_URL = "https://localhost:3000/";

function loadChineseHelp() {
  const merged = {};
  for (const f of fs
    .readdirSync(HELP_DIR)
    .filter((n) => n.endsWith(".zh.json"))
    .sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(HELP_DIR, f), "utf8"));
    for (const [id, entry] of Object.entries(data)) {
      if (merged[id]) throw new Error(`${f}: ${id} is described twice`);
      merged[id] = { ...entry, file: f };
    }
  }
  return merged;
}

/** Returns [zhMetadata, problems]. */
function localize(english, zh) {
  const problems = [];
  const functions = english.functions.map((fn) => {
    const help = zh[fn.id];
    if (!help || !help.description) {
      problems.push(`${fn.id}: no Chinese description in src/functions/help/*.zh.json`);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const d = help.parameters && help.parameters[p.name];
      if (!d) problems.push(`${fn.id}(${p.name}): no Chinese parameter description`);
      return { ...p, description: d || p.description };
    });
    return { ...fn, description: help.description, parameters };
  });
  for (const id of Object.keys(zh)) {
    if (!english.functions.some((fn) => fn.id === id))
      problems.push(`${id}: Chinese help for a function that does not exist`);
  }
  return [{ ...english, functions }, problems];
}

const esc = (s) =>
  String(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The help page: every function, its arguments (中文 / English) and worked examples. */
function helpPage(english, zh) {
  const rows = english.functions.map((fn) => {
    const h = zh[fn.id] || {};
    const sig = `=FUND.${fn.name}(${(fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const params = (fn.parameters || [])
      .map(
        (p) =>
          `<tr><td data-label="参数 Argument"><code>${esc(p.name)}</code>${p.optional ? " <small>可选 optional</small>" : ""}</td><td data-label="说明">${esc((h.parameters || {})[p.name] || "")}</td><td data-label="Description">${esc(p.description || "")}</td></tr>`
      )
      .join("");
    const examples = (h.examples || [])
      .map(
        (e) =>
          `<tr><td data-label="公式 Formula"><code>${esc(e.formula)}</code></td><td data-label="结果 Result"><code>${esc(e.result)}</code></td><td data-label="说明 Note">${esc(e.note || "")}</td></tr>`
      )
      .join("");
    return `<section id="FUND.${esc(fn.id)}">
<h2><code>FUND.${esc(fn.name)}</code></h2>
<p class="sig"><code>${esc(sig)}</code></p>
<p>${esc(h.description || "")}</p><p lang="en">${esc(fn.description || "")}</p>
${h.notes ? `<p>${esc(h.notes)}</p>` : ""}
<table><thead><tr><th>参数 Argument</th><th>说明</th><th>Description</th></tr></thead><tbody>${params}</tbody></table>
${examples ? `<h3>示例 Examples</h3><table><thead><tr><th>公式 Formula</th><th>结果 Result</th><th>说明 Note</th></tr></thead><tbody>${examples}</tbody></table>` : ""}
</section>`;
  });
  const toc = english.functions
    .map(
      (fn) =>
        `<li><a href="#FUND.${esc(fn.id)}">FUND.${esc(fn.name)}</a> — ${esc((zh[fn.id] || {}).description || "")}</li>`
    )
    .join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>资金合规 函数帮助 · Fund Compliance function help</title>
<link rel="stylesheet" href="help.css"></head>
<body><p><a href="index.html">← 帮助首页 Help home</a></p>
<h1>资金合规 函数帮助 <small>Fund Compliance — function help</small></h1>
<p>所有函数都不是易失函数：需要“今天”的函数请引用一个“审查日期”单元格（例如 <code>$B$1</code>），不要用 TODAY()。出错时返回 Excel 错误值，并附中文说明。<br>
<span lang="en">No function is volatile: where a function needs "today", reference one review-date cell (e.g. <code>$B$1</code>) rather than TODAY(). Bad input returns an Excel error with a message.</span></p>
<ul>${toc}</ul>
${rows.join("\n")}
</body></html>`;
}

class LocalizeFunctionsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.options.english);
          if (!asset) return; // the metadata plugin reported its own error
          const rebase = (s) => s.split(DEV_URL).join(this.options.baseUrl);
          const text = asset.source.source().toString();
          const english = text.trim() ? JSON.parse(rebase(text)) : { functions: [] };
          let zh;
          try {
            zh = loadChineseHelp();
          } catch (e) {
            compilation.errors.push(new WebpackError(String(e.message || e)));
            return;
          }
          const [zhMeta, problems] = localize(english, zh);
          for (const p of problems)
            compilation.errors.push(new WebpackError(`Function help: ${p}`));
          compilation.updateAsset(
            this.options.english,
            new sources.RawSource(JSON.stringify(english, null, 2))
          );
          compilation.emitAsset(
            this.options.output,
            new sources.RawSource(JSON.stringify(zhMeta, null, 2))
          );
          compilation.emitAsset(this.options.help, new sources.RawSource(helpPage(english, zh)));
        }
      );
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localize, loadChineseHelp };
