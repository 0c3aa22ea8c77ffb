// Appends the start-up module's `register(...)` call with the functions' ids and export names
// (scripts/lazy-functions.js): the one place they are associated with Excel in its build.
module.exports = function registerFunctions(source) {
  const { table, files } = this.getOptions();
  for (const f of files || []) this.addDependency(f);
  if (!Array.isArray(table) || table.length === 0) {
    this.emitError(new Error("no custom functions to register (functions metadata missing)"));
  }
  return `${source}\nregister(${JSON.stringify(table)});\n`;
};
