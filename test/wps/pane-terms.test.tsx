/** @jest-environment jsdom */
/**
 * Workbook-kept lists work the same way in WPS: the Review pane, unchanged, over the WPS adapter
 * and the WPS fake, reads an office's own negative-list terms from the sheet of the same name
 * (本单位负面清单) and they change the findings — as test/taskpane/review.test.tsx shows for Excel.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReviewPane, TERMS_SHEET } from "../../src/taskpane/review/ReviewPane";
import { sampleSheets } from "../../src/workbook/review/memory";
import { WpsReviewWorkbook } from "../../src/wps/review";
import type { EtApplication } from "../../src/wps/api";
import { FakeEtApplication } from "./fake-et";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

async function reviewWith(terms: unknown[][] | null): Promise<string[]> {
  const app = new FakeEtApplication();
  const book = app.book!;
  for (const s of sampleSheets())
    book.addSheet(
      s.name,
      s.values.map((r) => [...r])
    );
  if (terms) book.addSheet(TERMS_SHEET, terms);
  book.active = book.sheet("资金拨付台账")!;
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane
        workbook={new WpsReviewWorkbook(app as unknown as EtApplication)}
        today={() => new Date(2025, 8, 1)}
      />
    </FluentProvider>
  );
  await waitFor(() => expect(screen.getByTestId("recognition")).toBeTruthy());
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "运行审查" }));
  });
  await waitFor(() => expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0));
  // Each finding's place is the title of its "where" element (FindingsList).
  const cells = screen
    .queryAllByTestId("where")
    .map((e) => e.getAttribute("title") ?? "")
    .filter((w) => /^资金拨付台账!C\d+$/.test(w));
  view.unmount();
  return cells;
}

test("an office's own terms in the 本单位负面清单 sheet change the findings in WPS too", async () => {
  const before = await reviewWith(null);
  const after = await reviewWith([
    ["类别", "词语", "类型"],
    ["UNRELATED", "冷库", "禁止"],
  ]);
  expect(before).not.toContain("资金拨付台账!C10");
  expect(after).toContain("资金拨付台账!C10");
});
