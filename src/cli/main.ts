/** Command-line entry: `fund-compliance <command> …` (bin/fund-compliance.js calls `main`). */
import * as fs from "fs";
import * as path from "path";
import { USAGE } from "./args";
import { coreEngine } from "./core-engine";
import { processIo, reviewCommand } from "./review-command";
import { templateCommand } from "./template";

export function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "0.0.0";
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "review":
      return reviewCommand(rest, coreEngine, processIo(version()));
    case "template":
      return templateCommand(rest);
    case "-h":
    case "--help":
    case "help":
      process.stdout.write(USAGE);
      return 0;
    case "-v":
    case "--version":
      process.stdout.write(`fund-compliance ${version()}\n`);
      return 0;
    default:
      process.stderr.write(
        (command === undefined
          ? "fund-compliance: 请给出命令 (give a command)\n"
          : `fund-compliance: 未知命令 ${command} (unknown command ${command})\n`) +
          "\n" +
          USAGE
      );
      return 2;
  }
}
