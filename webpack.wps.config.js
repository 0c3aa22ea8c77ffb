// Build of the WPS 表格 add-in (npm run build:wps) from the same sources, into dist-wps/: the folder
// an office publishes on its intranet or copies to desktops (docs/deploy.md). It holds
//   index.html   the add-in's entry page (WPS loads it hidden): ribbon callbacks + custom functions
//   ribbon.xml   the same commands as manifest.xml's ribbon          (scripts/wps-addin.js)
//   manifest.xml WPS's <JsPlugin> manifest naming functions.json and the FUND namespace
//   functions.json  the FUND.* help, Chinese with English beside it
//   taskpane.html   the three panes, opened by Application.CreateTaskPane
//   help/, assets/, jsplugins.xml and deploy/ (online, local folder and 7z modes)
// `npm run build` (webpack.config.js, dist/) is untouched by this file.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions");
const { functionSources } = require("./scripts/function-sources");
const { WpsAddinPlugin } = require("./scripts/wps-addin");
const { version } = require("./package.json");

// Where the folder is published (online mode); the URL must end with "/". Override with WPS_ADDIN_URL.
const wpsUrl = process.env.WPS_ADDIN_URL || "http://fund-compliance.intranet.example/wps/";

/** Our own scripts only: nothing remote, no eval (the intranet may have no internet at all). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Fluent UI (Griffel) inserts its styles at run time
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

module.exports = (env, options = {}) => ({
  mode: options.mode || "production",
  // Source maps only in a development build: never in the dist-wps/ folder an office publishes.
  devtool: (options.mode || "production") === "production" ? false : "source-map",
  entry: {
    ribbon: "./src/wps/ribbon.ts",
    functions: "./src/wps/functions.ts",
    taskpane: "./src/wps/taskpane.tsx",
  },
  output: { path: path.resolve(__dirname, "dist-wps"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  performance: { hints: false },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
        },
      },
      // chinese-days ships ESM under "type": "commonjs".
      { test: /chinese-days[\\/]dist[\\/]index\.es\.js$/, type: "javascript/auto" },
    ],
  },
  plugins: [
    // The same metadata as the Excel build (and the `associate` calls src/wps/custom-functions.ts turns into
    // wps.AddCustomFunction); WpsAddinPlugin rewrites it into WPS's functions.json.
    new CustomFunctionsMetadataPlugin({ output: "functions.en-us.json", input: functionSources }),
    new LocalizeFunctionsPlugin({
      english: "functions.en-us.json",
      output: "functions.zh.json",
      help: "help/functions.html",
      baseUrl: wpsUrl,
    }),
    new WpsAddinPlugin({
      manifest: path.resolve(__dirname, "manifest.xml"),
      zh: "functions.zh.json",
      en: "functions.en-us.json",
      url: wpsUrl,
      version,
    }),
    new HtmlWebpackPlugin({
      filename: "index.html",
      template: "./src/wps/index.html",
      chunks: ["functions", "ribbon"],
      chunksSortMode: "manual",
      scriptLoading: "blocking",
      csp: CSP,
    }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/wps/taskpane.html",
      chunks: ["taskpane"],
      csp: CSP,
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        // functions.html is generated (LocalizeFunctionsPlugin); src/help keeps a copy for its links.
        {
          from: "src/help/*",
          to: "help/[name][ext]",
          noErrorOnMissing: true,
          globOptions: { ignore: ["**/functions.html"] },
        },
      ],
    }),
  ],
});
