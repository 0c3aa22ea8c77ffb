/** `fund-compliance template <kind> --out FILE` (issue 7 fills this in). */
export async function templateCommand(_argv: string[]): Promise<number> {
  process.stderr.write("fund-compliance template: not available yet\n");
  return 2;
}
