import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../scripts/lms/browser.js';
import { startPreview } from '../scripts/preview/preview-server.js';

export interface PreviewUpdates {
  /** From `coursemark preview` starting until the page shows in the frame (not a budget). */
  readonly startMs: number;
  /** For each edit: from writing the file until the preview frame shows the added sentence. */
  readonly updatesMs: readonly number[];
}

/**
 * The preview update as an author feels it: the preview of `courseDir` is open in headless Chromium
 * on the page of `section`; each edit adds a sentence to that page's text (the most common edit),
 * and the time runs from the write until the frame shows it (the server notices the change, checks
 * and renders the course, the frame swaps the page in and the player paints it). The file is
 * restored afterwards. Edits to titles, headings or questions relaunch the frame instead, as they
 * change the outline or the course data; they take longer and are not what this measures.
 */
export async function measurePreviewUpdates(courseDir: string, section: string, edits: number): Promise<PreviewUpdates> {
  const path = join(courseDir, section);
  const original = await readFile(path, 'utf8');
  const title = /^title: (.*)$/m.exec(original)?.[1];
  if (title === undefined) throw new Error(`${section} has no title line`);
  const pageId = section.replace(/^.*\//, '').replace(/\.md$/, '').replace(/^\d+[-_. ]*/, '');
  const started = performance.now();
  const preview = await startPreview(courseDir, { report: (text) => process.stderr.write(text) });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const heading = (text: string) => page.frameLocator('#course').locator('article h1', { hasText: text }).first();
    await page.goto(`${preview.url}?target=web#/${pageId}`);
    await heading(title).waitFor({ timeout: 60_000 });
    const startMs = performance.now() - started;
    const updatesMs: number[] = [];
    for (let index = 1; index <= edits; index += 1) {
      const sentence = `A sentence added by edit ${index}.`;
      const written = performance.now();
      await writeFile(path, original.replace(/^## .*$/m, (line) => `${line}\n\n${sentence}`));
      await page.frameLocator('#course').locator('article p', { hasText: sentence }).first().waitFor({ timeout: 30_000 });
      updatesMs.push(performance.now() - written);
      // Let the watcher settle, so that one edit's events do not run into the next one's.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { startMs, updatesMs };
  } finally {
    await writeFile(path, original);
    await browser.close();
    await preview.close();
  }
}
