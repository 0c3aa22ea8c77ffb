/**
 * The page bench/findings-list.bench.ts drives: the Review pane's findings list
 * (src/taskpane/review/FindingsList) with N findings, or — the baseline — a plain DOM list of
 * the same findings (every finding an element, filtered by hiding). `?n=30000&mode=list|plain`.
 * The findings are the sample workbook's real findings (messages, evidence, citations), repeated
 * with their rows moved down, so the text a search looks through is what a reviewer sees.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingsList } from "../src/taskpane/review/FindingsList";
import { reviewWorkbook } from "../src/core/review";
import type { Finding } from "../src/core/review/types";
import { sampleSheets } from "../src/workbook/review/memory";
import { serialFromYmd } from "../src/core/dates";
import { citationLabel } from "../src/core/rules/citation";

const params = new URLSearchParams(window.location.search);
const n = Number(params.get("n") ?? 300);
const mode = params.get("mode") === "plain" ? "plain" : "list";

function findings(count: number): Finding[] {
  const inputs = sampleSheets().map((s) => ({
    name: s.name,
    values: s.values,
    origin: { row: 1, column: 1 },
    merges: s.merges,
  }));
  const base = reviewWorkbook(inputs, { asOf: serialFromYmd(2025, 9, 1) }).findings;
  const out: Finding[] = [];
  for (let i = 0; out.length < count; i++) {
    const f = base[i % base.length];
    const shift = Math.floor(i / base.length) * 100;
    const row = f.row === null ? null : f.row + shift;
    const cell = f.cell && row !== null ? f.cell.replace(/\d+$/, String(row)) : f.cell;
    out.push({ ...f, row, cell, evidence: `${f.evidence} #${i}` });
  }
  return out;
}

const list = findings(n);
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function PlainList({ items }: { items: Finding[] }) {
  return (
    <div>
      <input aria-label="search" data-testid="plain-search" />
      <div data-testid="findings" style={{ height: 600, overflowY: "auto" }}>
        <ul>
          {items.map((f, i) => (
            <li
              key={i}
              data-hay={`${f.message.zh}\n${f.evidence}\n${f.sheet}!${f.cell ?? ""}`.toLowerCase()}
            >
              <b>{f.kind}</b> {f.severity} {f.sheet}!{f.cell}
              <div>{f.message.zh}</div>
              <div>{f.evidence}</div>
              <div>{f.citation ? citationLabel(f.citation) : ""}</div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** What the bench calls, each returning milliseconds measured in the page. */
const api = {
  async mount(): Promise<number> {
    const t0 = performance.now();
    createRoot(document.getElementById("root") as HTMLElement).render(
      <FluentProvider theme={webLightTheme}>
        <div style={{ width: 400 }}>
          {mode === "plain" ? (
            <PlainList items={list} />
          ) : (
            <FindingsList findings={list} onSelect={() => undefined} />
          )}
        </div>
      </FluentProvider>
    );
    while (!document.querySelector('[data-testid="findings"]')) await frame();
    await frame();
    return performance.now() - t0;
  },
  /** Scrolls the list from top to bottom in `steps` jumps; ms per jump until painted. */
  async scroll(steps: number): Promise<number> {
    const el = document.querySelector('[data-testid="findings"]') as HTMLElement;
    const t0 = performance.now();
    for (let i = 1; i <= steps; i++) {
      el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
      el.dispatchEvent(new Event("scroll"));
      await frame();
    }
    return (performance.now() - t0) / steps;
  },
  /**
   * Types one character into the search box: ms until the list shows the filtered result
   * (for the pane's list this includes its designed pause after typing, `pause`).
   */
  async search(ch: string): Promise<{ ms: number; typed: number; shown: number }> {
    const input = (
      mode === "plain"
        ? document.querySelector('[data-testid="plain-search"]')
        : document.querySelector('input[type="search"], input[aria-label^="搜索"]')
    ) as HTMLInputElement;
    const before = document.querySelector('[data-testid="shown"]')?.textContent ?? "";
    const t0 = performance.now();
    if (mode === "plain") {
      input.value = ch;
      const q = ch.toLowerCase();
      let shown = 0;
      document.querySelectorAll<HTMLElement>("li[data-hay]").forEach((li) => {
        const hit = (li.dataset.hay as string).includes(q);
        li.style.display = hit ? "" : "none";
        if (hit) shown++;
      });
      await frame();
      const ms = performance.now() - t0;
      return { ms, typed: ms, shown };
    }
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(input, ch);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await frame();
    // the keystroke shown in the box: what typing feels like
    const typed = performance.now() - t0;
    for (;;) {
      const now = document.querySelector('[data-testid="shown"]')?.textContent ?? "";
      if (now !== before) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    await frame();
    const shownText = document.querySelector('[data-testid="shown"]')?.textContent ?? "";
    return { ms: performance.now() - t0, typed, shown: Number(/\d+/.exec(shownText)?.[0] ?? -1) };
  },
};
(window as unknown as { bench: typeof api }).bench = api;
