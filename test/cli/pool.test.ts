import { PARALLEL_BYTES, canStart } from "../../src/cli/pool";

test("files run side by side only while their sizes together fit the memory budget", () => {
  const MiB = 2 ** 20;
  expect(canStart(5 * MiB, 0, 0, PARALLEL_BYTES)).toBe(true);
  expect(canStart(5 * MiB, 1, 5 * MiB, PARALLEL_BYTES)).toBe(true);
  // a 1,000,000-row ledger (76 MiB) waits for the others, then runs alone
  expect(canStart(76 * MiB, 1, 5 * MiB, PARALLEL_BYTES)).toBe(false);
  expect(canStart(76 * MiB, 0, 0, PARALLEL_BYTES)).toBe(true);
  expect(canStart(1 * MiB, 1, 76 * MiB, PARALLEL_BYTES)).toBe(false);
});
