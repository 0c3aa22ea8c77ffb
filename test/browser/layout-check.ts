/**
 * Layout checks run inside the page (page.evaluate): horizontal overflow of the page, elements
 * reaching past the viewport's right edge, and clipped text — a select or input whose value is
 * wider than its box, or an element that hides overflowing text. Text that is truncated on purpose
 * carries its full value in a title attribute (a long sheet name) and is not a problem.
 */
import type { Page } from "playwright-core";

export interface LayoutProblem {
  what: string;
  element: string;
}

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { what: string; element: string }[] = [];
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : "";
      const label = el.getAttribute("aria-label") ?? "";
      const txt = (el as HTMLElement).innerText ?? "";
      return `${el.tagName.toLowerCase()}${id} ${label ? `[${label}] ` : ""}"${txt.slice(0, 60)}"`;
    };
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) {
      problems.push({
        what: `page scrolls sideways: ${document.documentElement.scrollWidth}px in ${vw}px`,
        element: "html",
      });
    }
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d")!;
    const textWidth = (el: Element, s: string) => {
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(s).width;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && cs.display !== "none";
    };
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === "auto" || ox === "scroll") return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers only.
      if (r.width <= 1 && r.height <= 1) continue;
      if (r.right > vw + 1 && !insideScroller(el)) {
        problems.push({
          what: `reaches ${Math.round(r.right)}px past ${vw}px`,
          element: describe(el),
        });
        continue;
      }
      if (el instanceof HTMLSelectElement) {
        const shown = el.selectedOptions[0]?.text ?? "";
        const cs = getComputedStyle(el);
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (shown && textWidth(el, shown) > room + 1 && el.title !== shown.trim()) {
          problems.push({
            what: `select shows "${shown}" (${Math.round(textWidth(el, shown))}px) in ${Math.round(room)}px`,
            element: describe(el),
          });
        }
        continue;
      }
      if (el instanceof HTMLInputElement && el.type !== "checkbox" && el.type !== "radio") {
        const cs = getComputedStyle(el);
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (el.type !== "date" && el.value && textWidth(el, el.value) > room + 1) {
          problems.push({ what: `input value "${el.value}" clipped`, element: describe(el) });
        }
        continue;
      }
      const cs = getComputedStyle(el);
      const clips =
        cs.overflowX === "hidden" || cs.overflowX === "clip" || cs.textOverflow === "ellipsis";
      const hasText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== ""
      );
      if (clips && hasText && el.scrollWidth > el.clientWidth + 1) {
        const full = (el.textContent ?? "").trim();
        const titled = (el.getAttribute("title") ?? "").trim() === full;
        if (!titled) problems.push({ what: "text clipped", element: describe(el) });
      }
      // Text forced onto more lines than a label should take (a badge squashed to two lines).
      if (
        el.getAttribute("data-one-line") !== null &&
        el.clientHeight > parseFloat(cs.lineHeight) * 1.6
      ) {
        problems.push({ what: "wrapped onto two lines", element: describe(el) });
      }
    }
    return problems;
  });
}
