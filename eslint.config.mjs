// Lint with Microsoft's Office add-in rules, over src, test, bench, scripts and bin (`npm run lint`),
// plus the layer rule (docs/development.md): each folder of src may import only the layers below it.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettier from "eslint-plugin-prettier";

/** Node's globals, for the plain JavaScript files (build config, scripts, bin, test fixtures). */
const NODE_GLOBALS = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "process",
    "console",
    "Buffer",
    "__dirname",
    "__filename",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "setImmediate",
    "URL",
  ].map((g) => [g, "readonly"])
);

/** `no-restricted-imports` patterns that stop an import of the named src folders. */
const forbid = (folders, why) =>
  folders.map((f) => ({
    group: [`**/${f}`, `**/${f}/**`, `!**/node_modules/**`],
    message: why,
  }));

const PURE = "src/core is pure: it imports nothing of ours outside core (docs/development.md).";
const NOT_TASKPANE = "excel/, wps/ and cli/ never import the pane (src/taskpane).";
const CLI = "The command line runs on Node alone: no Office adapter, no WPS, no React.";
const WORKBOOK = "src/workbook imports only src/core.";
const ADAPTER = "Each host adapter (excel/, wps/) stands alone over src/workbook and src/core.";
const FUNCTIONS = "The custom functions are thin wrappers over src/core.";

/** The layer rule, one block per folder (a later block for the same file replaces the option). */
const layers = [
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: forbid(
            ["workbook", "functions", "excel", "wps", "taskpane", "cli", "commands", "help"],
            PURE
          ),
          paths: [
            ...[
              "react",
              "react-dom",
              "@fluentui/react-components",
              "exceljs",
              "xlsx",
              "yauzl",
              "saxes",
            ].map((name) => ({ name, message: PURE })),
            ...[
              "fs",
              "path",
              "os",
              "child_process",
              "util",
              "stream",
              "worker_threads",
              "zlib",
              "crypto",
            ].flatMap((name) => [
              { name, message: PURE },
              { name: `node:${name}`, message: PURE },
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: forbid(["functions", "excel", "wps", "taskpane", "cli", "commands"], WORKBOOK),
          paths: ["react", "react-dom", "@fluentui/react-components"].map((name) => ({
            name,
            message: WORKBOOK,
          })),
        },
      ],
    },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...forbid(["taskpane"], NOT_TASKPANE), ...forbid(["wps", "cli"], ADAPTER)] },
      ],
    },
  },
  {
    files: ["src/wps/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...forbid(["taskpane"], NOT_TASKPANE), ...forbid(["excel", "cli"], ADAPTER)] },
      ],
    },
  },
  {
    // WPS's pane page is where the shared panes meet the WPS host (as src/taskpane/mount.tsx is
    // for Excel): it mounts the pane's App and imports nothing else of the pane.
    files: ["src/wps/mount.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**", "!**/taskpane/App"],
              message: "src/wps/mount.tsx mounts the pane's App; nothing else of src/taskpane.",
            },
            ...forbid(["excel", "cli"], ADAPTER),
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: forbid(["taskpane", "excel", "wps", "cli"], FUNCTIONS) },
      ],
    },
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...forbid(["taskpane"], NOT_TASKPANE),
            ...forbid(["excel", "wps", "functions", "commands"], CLI),
          ],
          paths: ["react", "react-dom", "@fluentui/react-components"].map((name) => ({
            name,
            message: CLI,
          })),
        },
      ],
    },
  },
];

export default [
  {
    ignores: [
      "dist/**",
      "dist-wps/**",
      "lib/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin, prettier },
    languageOptions: { parser: tsParser },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "react/react-in-jsx-scope": "off",
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
  {
    // Plain JavaScript run by Node: CommonJS, today's syntax, Node's globals.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: NODE_GLOBALS },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: NODE_GLOBALS },
  },
  ...layers,
];
