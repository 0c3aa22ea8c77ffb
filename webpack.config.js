// Build of the add-in (Microsoft's shared-runtime custom-functions template is the model):
// one page, taskpane.html, hosts the task pane, the custom functions and the ribbon commands.
const path = require("path");
const fs = require("fs");
const os = require("os");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions");
const { functionSources } = require("./scripts/function-sources");
const { LazyFunctionsPlugin } = require("./scripts/lazy-functions");
const { productionUrl } = require("./scripts/addin-url");

const devUrl = "https://localhost:3000/";

/** Content-Security-Policy for every page: our own scripts, Office's script, no eval, no remote code. */
function csp(dev) {
  const office = "https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src 'self' ${office}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws://localhost:3000 wss://localhost:3000" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** HTTPS options for the dev server: Office's dev certificates, or their files, or plain http on Linux. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
    if (files.every((f) => fs.existsSync(f))) {
      return {
        key: fs.readFileSync(files[0]),
        cert: fs.readFileSync(files[1]),
        ca: fs.readFileSync(files[2]),
      };
    }
    console.warn(
      "[fund-compliance] No Office dev certificates here; serving plain http (fine for browser tests, not for Excel)."
    );
    return null;
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  // Where IT publishes dist/ (ADDIN_URL, checked), or `--env local`; a production build stops without it.
  const prodUrl = dev ? devUrl : productionUrl(env);
  const harness = Boolean(env.harness);
  const https =
    options.mode === "development" && process.argv.includes("serve") ? await httpsOptions() : null;
  const entry = {
    // Only what associating the functions needs (a wrapper each) and the webpack runtime; their
    // code is two chunks, fund-functions.js and the core, fund-core.js, fetched right after
    // (issue 18; src/functions/startup.ts, bench/startup.bench.ts). The ribbon commands and the
    // pane's entry build on it: one runtime for the page, in functions.js.
    functions: "./src/functions/startup.ts",
    commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
    taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      // The functions first: the hidden runtime needs only them. A shown pane fetches its UI
      // (pane.js) and the core (fund-core.js) alongside (the preload links in taskpane.html).
      chunks: ["functions", "commands", "taskpane"],
      chunksSortMode: "manual",
      csp: csp(dev),
    }),
  ];
  if (harness) {
    // A test page: the same panes over an in-memory workbook, for the browser tests. Never in production.
    entry.harness = "./src/taskpane/harness.tsx";
    pages.push(
      new HtmlWebpackPlugin({
        filename: "harness.html",
        template: "./src/taskpane/harness.html",
        chunks: ["harness"],
        csp: csp(true),
      })
    );
  }
  return {
    // No eval-based source maps (the pages' CSP forbids eval); none at all in the production
    // build, so that the folder IT publishes holds no source maps.
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The pane UI (src/taskpane/mount.tsx) is its own chunk, fetched when the pane is shown.
      chunkFilename: "[name].js",
      // Relative, as the page's preload links are: the chunk a script tag asks for is then the
      // one already fetched (fund-core.js, pane.js), not a second download.
      publicPath: "",
      clean: true,
    },
    // One page runs functions, commands and the pane: one webpack runtime (so modules are shared,
    // not instantiated twice; in functions.js, which the other entries depend on). The code the
    // functions and the pane have in common (core, decimal.js, chinese-days, OpenCC) is one chunk,
    // fund-core.js, loaded with either (never a copy in pane.js or fund-functions.js).
    optimization: {
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
          default: false,
          core: {
            name: "fund-core",
            chunks: (chunk) => ["fund-functions", "pane"].includes(chunk.name ?? ""),
            minChunks: 2,
            enforce: true,
            priority: 10,
          },
          shared: {
            name: "shared",
            // Only what the ribbon commands share with the pane (never the functions' code).
            chunks: (chunk) =>
              !["harness", "taskpane", "functions", "fund-functions"].includes(chunk.name ?? ""),
            minChunks: 2,
            enforce: true,
          },
        },
      },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
          },
        },
        // chinese-days ships ESM under "type": "commonjs"; parse it as javascript/auto.
        { test: /chinese-days[\\/]dist[\\/]index\.es\.js$/, type: "javascript/auto" },
      ],
    },
    plugins: [
      // English metadata straight from the JSDoc; the localize plugin derives the Chinese default.
      new CustomFunctionsMetadataPlugin({ output: "functions.en-us.json", input: functionSources }),
      // …and every function associated once, at start-up, from that metadata (not in the chunk).
      new LazyFunctionsPlugin({ input: functionSources, startup: "./src/functions/startup.ts" }),
      new LocalizeFunctionsPlugin({
        english: "functions.en-us.json",
        output: "functions.json",
        help: "help/functions.html",
        baseUrl: dev ? devUrl : prodUrl,
      }),
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // functions.html is generated (LocalizeFunctionsPlugin); src/help keeps a copy so its links work in the source too.
          {
            from: "src/help/*",
            to: "help/[name][ext]",
            noErrorOnMissing: true,
            globOptions: { ignore: ["**/functions.html"] },
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(devUrl, "g"), prodUrl);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: { overlay: false },
    },
  };
};
