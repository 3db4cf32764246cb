/** Layout shifts as Chromium records them (the LayoutShift entries of its traces), from a page's start. */
import type { Page } from 'playwright-core';

export interface RecordedShift {
  readonly value: number;
  /** The node names of what moved ("(gone)" once the node has left the document). */
  readonly sources: readonly string[];
}

/** Starts recording on every document the page opens from now on. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    Object.defineProperty(window, 'recordedShifts', { value: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node | null }[] })[]) {
        shifts.push({ value: entry.value, sources: entry.sources.map((source) => source.node?.nodeName ?? '(gone)') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded so far, after two more frames (a shift is reported after the frame that made it). */
export async function layoutShifts(page: Page): Promise<readonly RecordedShift[]> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => Reflect.get(window, 'recordedShifts') as RecordedShift[]);
}
