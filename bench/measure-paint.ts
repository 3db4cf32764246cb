import type { Browser, Frame, Page } from 'playwright-core';

export interface Paint {
  readonly fcpMs: number;
  readonly lcpMs: number;
}

/** First and largest contentful paint of a document, from its own performance timeline. */
async function paintOf(scope: Page | Frame): Promise<Paint> {
  // The first page, or the cover page a course may open on.
  await scope.locator('article h1, cm-cover h1').first().waitFor();
  return scope.evaluate(
    () =>
      new Promise<{ fcpMs: number; lcpMs: number }>((resolve) => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
        let lcp = Number.NaN;
        new PerformanceObserver((list) => {
          lcp = list.getEntries().at(-1)?.startTime ?? lcp;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        // LCP entries are delivered asynchronously; give the observer a moment after the first paint.
        setTimeout(() => resolve({ fcpMs: fcp, lcpMs: lcp }), 300);
      }),
  );
}

/** The course opened as a top-level page, in a fresh context (empty cache). */
export async function paintTopLevel(browser: Browser, url: string): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await paintOf(page);
  } finally {
    await context.close();
  }
}

/** The course inside an LMS page's iframe; `open` loads the LMS page in the given fresh page. */
export async function paintInFrame(page: Page): Promise<Paint> {
  const frame = await new Promise<Frame>((resolve) => {
    const found = page.frames().find((candidate) => candidate !== page.mainFrame());
    if (found) resolve(found);
    else page.once('frameattached', resolve);
  });
  return paintOf(frame);
}
