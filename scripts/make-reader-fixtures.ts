/**
 * Writes the reader's fixtures in test/fixtures/readers/ (run: `npx tsx scripts/make-reader-fixtures.ts`).
 * The files are committed; tests never need LibreOffice.
 *
 *   county-ledger.excel-order.xlsx   examples/county-ledger.xlsx repacked in the part order Excel
 *                                    writes: worksheets before styles.xml and sharedStrings.xml
 *   county-ledger.{xls,ods}          the example converted by LibreOffice (BIFF8, OpenDocument)
 *   county-ledger.csv                its first sheet as CSV, written by LibreOffice (UTF-8)
 *   county-ledger.gb18030.csv        the same, re-encoded to GB18030 by iconv
 *   townships.xlsx                   seven sheets, one a township, saved by LibreOffice
 *   encrypted.xlsx                   an OLE container holding EncryptionInfo/EncryptedPackage
 *                                    streams, the way Excel stores a password-protected .xlsx
 *   no-shared-strings.xlsx           the example without xl/sharedStrings.xml
 *   encrypted.xls                    the example saved by LibreOffice as .xls with an opening
 *                                    password (BIFF8 FILEPASS): scripts/save-with-password.py
 *
 * LibreOffice: `apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno`
 * (the password is set through LibreOffice's UNO bridge, with the system /usr/bin/python3).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test", "fixtures", "readers");
const EXAMPLE = path.join(ROOT, "examples", "county-ledger.xlsx");
const FIXED = new Date(Date.UTC(2026, 10, 1));

/** Excel's order: package parts, the workbook, its sheets, then theme, styles, shared strings. */
function excelRank(name: string): number {
  if (name === "[Content_Types].xml") return 0;
  if (name.startsWith("_rels/")) return 1;
  if (name.startsWith("docProps/")) return 2;
  if (name === "xl/workbook.xml") return 3;
  if (name === "xl/_rels/workbook.xml.rels") return 4;
  if (name.startsWith("xl/worksheets/")) return 5;
  if (name.startsWith("xl/theme/")) return 6;
  if (name === "xl/styles.xml") return 7;
  if (name === "xl/sharedStrings.xml") return 8;
  return 9;
}

export async function repack(
  src: Buffer,
  order: (names: string[]) => string[],
  drop: (name: string) => boolean = () => false
): Promise<Buffer> {
  const zin = await JSZip.loadAsync(src);
  const names = Object.keys(zin.files).filter((n) => !zin.files[n].dir && !drop(n));
  const zout = new JSZip();
  for (const n of order(names)) {
    zout.file(n, await zin.files[n].async("nodebuffer"), { date: FIXED, createFolders: false });
  }
  return zout.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export const excelOrder = (names: string[]) =>
  [...names].sort((a, b) => excelRank(a) - excelRank(b) || a.localeCompare(b));

function soffice(input: string, to: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fc-lo-"));
  try {
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        to,
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const base = path.basename(input).replace(/\.[^.]+$/, "");
  return path.join(outDir, `${base}.${to.split(":")[0]}`);
}

async function townships(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const towns = ["城关镇", "河口镇", "石桥乡", "柳林乡", "双河镇", "青山乡", "汇总"];
  towns.forEach((t, i) => {
    const ws = wb.addWorksheet(t);
    ws.addRow([`${t}衔接资金项目台账`]);
    ws.addRow(["序号", "项目名称", "金额（万元）"]);
    for (let r = 1; r <= 5; r++) ws.addRow([r, `${t}项目${r}`, (i + 1) * 10 + r]);
  });
  await wb.xlsx.writeFile(file);
}

/** A password-protected .xlsx is an OLE compound file (MS-OFFCRYPTO §2.3.4), not a zip. */
function encrypted(): Buffer {
  // SheetJS's CFB writer, used here only to build a container (never to parse input)

  const { CFB } = require("xlsx") as { CFB: any };
  const cfb = CFB.utils.cfb_new();
  const info = Buffer.alloc(64);
  info.writeUInt16LE(4, 0); // version 4.4: agile encryption
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
  CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 0x5a));
  return Buffer.from(CFB.write(cfb, { type: "buffer", fileType: "cfb" }));
}

export async function makeReaderFixtures(out = OUT): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const src = fs.readFileSync(EXAMPLE);
  fs.writeFileSync(path.join(out, "county-ledger.excel-order.xlsx"), await repack(src, excelOrder));
  fs.writeFileSync(
    path.join(out, "no-shared-strings.xlsx"),
    await repack(src, excelOrder, (n) => n === "xl/sharedStrings.xml")
  );
  fs.writeFileSync(path.join(out, "encrypted.xlsx"), encrypted());

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "fc-fixtures-"));
  try {
    const ledger = path.join(work, "county-ledger.xlsx");
    fs.copyFileSync(EXAMPLE, ledger);
    for (const to of ["xls", "ods", "csv:Text - txt - csv (StarCalc):44,34,76,1"]) {
      const made = soffice(ledger, to, work);
      fs.copyFileSync(made, path.join(out, path.basename(made)));
    }
    const utf8 = fs.readFileSync(path.join(out, "county-ledger.csv"));
    fs.writeFileSync(
      path.join(out, "county-ledger.gb18030.csv"),
      execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: utf8 })
    );
    execFileSync(
      "/usr/bin/python3",
      [
        path.join(__dirname, "save-with-password.py"),
        ledger,
        path.join(out, "encrypted.xls"),
        "fc-fixture",
      ],
      { stdio: "pipe", timeout: 180_000 }
    );
    const towns = path.join(work, "townships-exceljs.xlsx");
    await townships(towns);
    const made = soffice(towns, "xlsx", path.join(work, "lo"));
    fs.copyFileSync(made, path.join(out, "townships.xlsx"));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  makeReaderFixtures().then(
    () => console.log(`fixtures written to ${path.relative(ROOT, OUT)}`),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    }
  );
}
