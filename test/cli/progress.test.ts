import { Progress } from "../../src/cli/progress";

function fakeTerminal() {
  const out: string[] = [];
  const stream = {
    columns: 100,
    write: (s: string) => out.push(s),
  } as unknown as NodeJS.WriteStream;
  return { out, stream };
}

test("on a terminal: one redrawn line with the share done and the file", () => {
  const t = fakeTerminal();
  const p = new Progress(["甲县.xlsx", "乙县.xlsx"], t.stream);
  p.update(0, 0.5, 12000);
  p.done(0);
  p.done(1);
  p.clear();
  expect(t.out[0]).toMatch(
    /^\r审查 Reviewing \[#{6}-{18}\] 25% 0\/2 · 12,000 行 rows · 甲县\.xlsx/
  );
  expect(t.out).toContainEqual(
    expect.stringMatching(/\[#{24}\] 100% 2\/2 · 12,000 行 rows · 乙县\.xlsx/)
  );
  expect(t.out[t.out.length - 1]).toBe("\r\x1b[K");
});

test("not a terminal: nothing is written", () => {
  const p = new Progress(["a.xlsx"], null);
  expect(() => {
    p.update(0, 0.5, 12000);
    p.done(0);
    p.clear();
  }).not.toThrow();
  const t = fakeTerminal();
  const original = process.stderr.isTTY;
  Object.defineProperty(process.stderr, "isTTY", { value: false, configurable: true });
  try {
    const q = Progress.forStderr(["a.xlsx"]);
    const spy = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    q.update(0, 0.5);
    q.done(0);
    q.clear();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  } finally {
    Object.defineProperty(process.stderr, "isTTY", { value: original, configurable: true });
  }
  expect(t.out).toEqual([]);
});
