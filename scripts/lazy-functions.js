// Build step for Excel's start-up script (issue 18; src/functions/startup.ts). The metadata
// plugin (custom-functions-metadata-plugin) appends `CustomFunctions.associate(id, fn)` to every
// function file; in Excel's build those files are the chunk fetched after start-up, so this
// plugin takes that step off them and instead appends one `register([[id, exportName], …])` to
// the start-up module, from the same generated metadata: every function is associated once, at
// start-up, with a wrapper that calls its code when it has arrived. The WPS build keeps the
// metadata plugin's own step (WPS calls functions synchronously: src/wps/functions.ts).
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { NormalModule } = require("webpack");

const NAME = "LazyFunctionsPlugin";
const METADATA_LOADER = require.resolve("custom-functions-metadata-plugin/lib/loader.js");
const REGISTER_LOADER = require.resolve("./lazy-functions-loader.js");

class LazyFunctionsPlugin {
  /**
   * @param {{ input: string[], startup: string }} options `input`: the metadata plugin's own
   *   `input` (the same array: its results are kept under it); `startup`: the start-up module.
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const sources = this.options.input.map((f) => path.resolve(f));
    const startup = path.resolve(this.options.startup);
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      // After the metadata plugin's own tap (registered before this plugin in the config).
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(
        { name: NAME, stage: 100 },
        (_, module) => {
          const file = module.resource && module.resource.split("?")[0];
          if (sources.includes(file)) {
            module.loaders = module.loaders.filter((l) => l.loader !== METADATA_LOADER);
          } else if (file === startup) {
            const result = CustomFunctionsMetadataPlugin.generateResults[this.options.input];
            // No result: the metadata plugin reported its errors; the build fails on them.
            const table = result ? result.associate.map((a) => [a.id, a.functionName]) : [];
            module.loaders.push({
              loader: REGISTER_LOADER,
              // the function files as dependencies: in watch mode a new or renamed function
              // rebuilds the start-up module with it
              options: { table, files: sources },
              ident: null,
              type: null,
            });
          }
        }
      );
    });
  }
}

module.exports = { LazyFunctionsPlugin };
