/** Command-line entry: `fund-compliance <command> …`. Its issue fills in the commands. */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`fund-compliance: no command yet (${argv.join(" ")})\n`);
  return 2;
}
