import { parseAsOf, parseReviewArgs, todaySerial } from "../../src/cli/args";

const PACKS = ["GX34", "NEGATIVE", "XJ76", "DATA"];
const parse = (argv: string[], now?: Date) => parseReviewArgs(argv, PACKS, now);

describe("review arguments", () => {
  test("all options", () => {
    const p = parse([
      "a.xlsx",
      "--as-of",
      "2026-11-23",
      "--packs=GX34,DATA",
      "--strict",
      "--out",
      "reports",
      "--json",
      "-",
      "--lang",
      "en",
      "dir",
    ]);
    expect(p).toEqual({
      kind: "options",
      options: {
        inputs: ["a.xlsx", "dir"],
        asOf: 46349,
        asOfText: "2026-11-23",
        packs: ["GX34", "DATA"],
        strict: true,
        out: "reports",
        json: "-",
        lang: "en",
        jobs: undefined,
        noReport: false,
        terms: undefined,
        overwrite: false,
        timeoutMs: 300000,
        maxBytes: 512 * 2 ** 20,
      },
    });
  });

  test("defaults: today on the local calendar, all packs, Chinese, reports beside inputs", () => {
    const now = new Date(2026, 10, 23, 23, 59); // local time, late evening
    const p = parse(["a.xlsx"], now);
    expect(p.kind === "options" && p.options).toMatchObject({
      asOf: 46349,
      asOfText: "2026-11-23",
      packs: undefined,
      strict: false,
      out: undefined,
      json: undefined,
      lang: "zh",
    });
    expect(todaySerial(new Date(2026, 0, 1, 0, 0)).text).toBe("2026-01-01");
  });

  test.each([
    [["--as-of", "2026-11-23"], /文件或文件夹/],
    [["a.xlsx", "--as-of", "2026-02-30"], /--as-of.*YYYY-MM-DD/],
    [["a.xlsx", "--as-of", "23/11/2026"], /--as-of/],
    [["a.xlsx", "--as-of"], /needs a value/],
    [["a.xlsx", "--packs", "GX34,NOPE"], /NOPE.*GX34,NEGATIVE,XJ76,DATA/],
    [["a.xlsx", "--lang", "fr"], /zh or en/],
    [["a.xlsx", "--frobnicate"], /unknown option --frobnicate/],
    [["a.xlsx", "--lang", "en", "--lang", "zh"], /given twice/],
    [["a.xlsx", "--jobs", "0"], /--jobs/],
    [["a.xlsx", "--strict=yes"], /--strict takes no value/],
    // a value option followed by another option: refused, never a file named "--json"
    [
      ["a.xlsx", "--out", "--json", "-"],
      /--out needs a value \(it is followed by the option --json\)/,
    ],
    [["a.xlsx", "--out="], /--out needs a value/],
    [["a.xlsx", "-x"], /unknown option -x/],
    [["a.xlsx", "--jobs", "2.5"], /--jobs must be a whole number/],
    [["a.xlsx", "--timeout", "0"], /--timeout must be a whole number from 1/],
    [["a.xlsx", "--max-size", "lots"], /--max-size/],
    [["a.xlsx", "--overwrite", "--overwrite"], /--overwrite given twice/],
  ])("%j is refused with a clear message", (argv, message) => {
    const p = parse(argv as string[]);
    expect(p.kind).toBe("error");
    expect(p.kind === "error" && p.message).toMatch(message);
  });

  test("every option, in both spellings; '-' is stdout; '--' ends the options", () => {
    const p = parse([
      "--as-of=2026-11-23",
      "--terms",
      "t.json",
      "--jobs=3",
      "--timeout",
      "20",
      "--max-size=2",
      "--overwrite",
      "--no-report",
      "--out=-reports",
      "--json",
      "-",
      "--",
      "--odd name.xlsx",
      "-",
    ]);
    expect(p.kind === "options" && p.options).toMatchObject({
      inputs: ["--odd name.xlsx", "-"],
      terms: "t.json",
      jobs: 3,
      timeoutMs: 20000,
      maxBytes: 2 * 2 ** 20,
      overwrite: true,
      noReport: true,
      out: "-reports",
      json: "-",
    });
  });

  test("help and version", () => {
    expect(parse(["--help"]).kind).toBe("help");
    expect(parse(["-h", "x"]).kind).toBe("help");
    expect(parse(["--version"]).kind).toBe("version");
    expect(parse(["-hv"]).kind).toBe("help");
  });

  test("parseAsOf accepts only real dates", () => {
    expect(parseAsOf("2024-02-29")).toBe(45351);
    expect(parseAsOf("2023-02-29")).toBeNull();
    expect(parseAsOf("2024-2-9")).toBeNull();
  });
});
