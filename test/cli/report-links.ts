/** The hyperlinks of a report's sheet as its XML has them (exceljs's reader ignores `location`). */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";

export interface SheetLinks {
  /** Cell → in-workbook location, from `<hyperlink ref location>`. */
  locations: Map<string, string>;
  /** Every `<hyperlink>` element, as written. */
  elements: string[];
  /** Hyperlink relationships of the sheet (links to outside targets). */
  external: string[];
  /** Names of the workbook's sheets. */
  sheetNames: string[];
}

export async function sheetLinks(file: string, sheet: string): Promise<SheetLinks> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const esc = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "(?:'|&apos;)");
  const rid = new RegExp(`name="${esc}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const part = path.posix.join("xl", target.replace(/^\/?xl\//, ""));
  const xml = await zip.file(part)!.async("string");
  const elements = [...xml.matchAll(/<hyperlink [^>]*\/>/g)].map((m) => m[0]);
  const locations = new Map<string, string>();
  for (const e of elements) {
    const ref = /ref="([^"]+)"/.exec(e)?.[1];
    const loc = /location="([^"]+)"/.exec(e)?.[1];
    if (ref && loc) locations.set(ref, loc.replace(/&apos;/g, "'").replace(/&amp;/g, "&"));
  }
  const relsPart = zip.file(part.replace("worksheets/", "worksheets/_rels/") + ".rels");
  const sheetRels = relsPart ? await relsPart.async("string") : "";
  const external = [...sheetRels.matchAll(/<Relationship [^>]*hyperlink[^>]*\/>/g)].map(
    (m) => m[0]
  );
  const sheetNames = [...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) =>
    m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&")
  );
  return { locations, elements, external, sheetNames };
}
