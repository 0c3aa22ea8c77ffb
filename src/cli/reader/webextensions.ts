/**
 * The add-in's web-extension parts (xl/webextensions/webextensionN.xml), where Excel saves an
 * add-in's document settings — among them the Review pane's trail. Read as text before the
 * sheets, within the file's budget; parsed by src/workbook/review/trail-part (pure).
 */
import { WEB_EXTENSION_PART } from "../../workbook/review/trail-part";
import type { ZipArchive } from "./zip";

/** More add-ins than any workbook carries; the rest are not read. */
const MAX_PARTS = 20;

export async function readWebExtensionParts(zip: ZipArchive): Promise<string[]> {
  const names = zip
    .names()
    .filter((n) => WEB_EXTENSION_PART.test(n))
    .sort()
    .slice(0, MAX_PARTS);
  const out: string[] = [];
  for (const n of names) out.push(await zip.text(n));
  return out;
}
