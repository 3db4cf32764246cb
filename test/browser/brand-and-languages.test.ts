import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './helpers/axe.js';
import { launchBrowser } from './helpers/browser.js';
import { buildWithCli, LAB_COURSE, writeCourse } from './helpers/generated-course.js';
import { layoutShifts, recordLayoutShifts } from './helpers/layout-shifts.js';
import { serveDirectory, type StaticServer } from './helpers/server.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

// A branded course (test/fixtures/brand-course): a logo with a dark-mode version, a brand yellow
// that needs darker shades for text, a dark header surface, Open Sans shipped as WOFF2, a cover
// page, a page in French and a Welsh passage. Then the lab course in French and in Welsh.
const BRAND = join(import.meta.dirname, '../fixtures/brand-course');

let work: string;
let browser: Browser;
const servers = new Map<string, StaticServer>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-brand-'));
  await cp(BRAND, join(work, 'brand'), { recursive: true });
  const courses: Record<string, string> = { brand: join(work, 'brand') };
  for (const language of ['fr', 'cy']) {
    const folder = join(work, `lab-${language}`);
    await writeCourse(folder, { ...LAB_COURSE, 'course.yaml': `${(LAB_COURSE['course.yaml'] ?? '').replace('language: en', `language: ${language}`)}cover: true\n` });
    courses[language] = folder;
  }
  for (const [name, folder] of Object.entries(courses)) {
    await buildWithCli(folder, join(work, `out-${name}`), '--target', 'web');
    servers.set(name, await serveDirectory(join(work, `out-${name}`, 'web')));
  }
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
  await rm(work, { recursive: true, force: true });
});

interface Open {
  readonly course?: string;
  readonly hash?: string;
  readonly width?: number;
  readonly colorScheme?: 'light' | 'dark';
}

/** Opens a course in a fresh context and waits for the cover or the first page. */
async function open({ course = 'brand', hash = '', width = 1280, colorScheme = 'light' }: Open = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(`${servers.get(course)?.url ?? ''}index.html${hash}`);
  await page.locator(`cm-cover h1, ${READY_PAGE_HEADING}`).first().waitFor();
  return page;
}

const start = (page: Page) => page.locator('[data-action="start"]');

describe('a branded course with a cover page', () => {
  test.each(['light', 'dark'] as const)('the cover and a question page are axe-clean in the %s scheme', async (colorScheme) => {
    const page = await open({ colorScheme });
    await expect(page.locator('cm-cover h1').textContent()).resolves.toBe('Working safely online');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(page.url().replace(/#.*$/, '') + '#/check');
    await page.locator('cm-question').first().waitFor();
    await page.locator('cm-question').first().locator('input[value="b"]').check();
    await page.locator('cm-question').first().locator('[data-action="check"]').click();
    await page.locator('cm-question').first().locator('.feedback').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('the logo is in the header and on the cover, its dark version in dark mode', async () => {
    const page = await open({ colorScheme: 'dark' });
    const header = page.locator('cm-player header img');
    await expect(header.getAttribute('alt')).resolves.toBe('Northfield University');
    await expect(header.evaluate((img) => (img as HTMLImageElement).currentSrc)).resolves.toMatch(/logo-dark\.svg$/);
    await expect(page.locator('cm-cover img.logo').getAttribute('alt')).resolves.toBe('Northfield University');
    await page.context().close();
  });

  test('the logo and the cover image arrive late without moving anything (CLS 0)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await recordLayoutShifts(page);
    // The shipped font is kept out: text set in the fallback font reflows when the font swaps in
    // (font-display: swap's trade, whenever it arrives). The images arrive a second after the player.
    await page.route(/\.woff2$/, (route) => route.abort());
    await page.route(/\/media\/.*\.(svg|png|jpe?g|webp|avif)$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(`${servers.get('brand')?.url ?? ''}index.html`);
    await page.locator('cm-cover h1').waitFor();
    const images = page.locator('cm-player header img, cm-cover img');
    await expect.poll(() => images.evaluateAll((list) => list.every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0)), { timeout: 10_000 }).toBe(true);
    expect(await layoutShifts(page)).toEqual([]);
    await context.close();
  });

  test('brand colours are used as given for fills, with a darker shade for links and focus, and the shipped font is used', async () => {
    const page = await open();
    const button = await start(page).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(button).toBe('rgb(255, 221, 0)');
    const header = await page.locator('cm-player header').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(header).toBe('rgb(11, 37, 69)');
    // On the brand surface, the help button's text is the colour chosen for that surface, not the accent's shade.
    const help = await page.locator('cm-player header button.secondary').evaluate((element) => getComputedStyle(element).color);
    expect(help).toBe('rgb(255, 255, 255)');
    const link = await page.locator('cm-player').evaluate((element) => getComputedStyle(element).getPropertyValue('--cm-accent-text').trim());
    expect(link).not.toBe('#ffdd00');
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Open Sans"') && [...document.fonts].some((face) => face.family.includes('Open Sans') && face.status === 'loaded'))).toBe(true);
    await expect(page.locator('cm-cover h1').evaluate((element) => getComputedStyle(element).fontFamily)).resolves.toMatch(/^"Open Sans"/);
    await expect(page.locator('link[rel="preload"][as="font"]').getAttribute('href')).resolves.toMatch(/open-sans-regular\.woff2$/);
    await page.context().close();
  });

  test('the cover says how long the course is and what the learner will do; Start opens the first page, and a return offers to continue', async () => {
    const page = await open();
    const cover = page.locator('cm-cover');
    await expect(cover.locator('.meta').textContent()).resolves.toBe('3 pages · About 20 minutes');
    await expect(cover.locator('.outcomes li').count()).resolves.toBe(3);
    await expect(start(page).textContent()).resolves.toContain('Start');
    // No page is viewed before the learner starts.
    const firstStatus = page.locator('cm-toc li .status').first();
    await expect(firstStatus.textContent()).resolves.toBe('Not started');
    await start(page).click();
    await expect.poll(() => firstStatus.textContent()).not.toBe('Not started');
    await expect(page.locator('article h1').textContent()).resolves.toBe('Welcome');
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot !== null)).toBe(true);
    await page.locator('[data-action="next"]').click();
    await page.locator('article h1', { hasText: 'Check your understanding' }).waitFor();
    await page.goto(page.url().replace(/#.*$/, ''));
    await start(page).waitFor();
    await expect(start(page).textContent()).resolves.toMatch(/Continue where you left off\s*Check your understanding/);
    await start(page).click();
    await expect(page.locator('article h1').textContent()).resolves.toBe('Check your understanding');
    await page.context().close();
  });

  test.each(['', '#/check'])('reflows at 320 px without horizontal scrolling (%s)', async (hash) => {
    const page = await open({ hash, width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  test('a page in another language and a passage say so, with the player\'s words in the course language', async () => {
    const page = await open({ hash: '#/resume' });
    const article = page.locator('article');
    await expect(article.getAttribute('lang')).resolves.toBe('fr');
    await expect(page.locator('article .meta').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('cm-toc .title[lang="fr"]').textContent()).resolves.toBe('Résumé en français');
    await page.goto(page.url().replace(/#.*$/, '') + '#/welcome');
    await expect(page.locator('article span[lang="cy"]').textContent()).resolves.toBe('Bore da');
    await page.context().close();
  });
});

describe.each([
  { language: 'fr', start: 'Commencer', pages: '4 pages', next: 'Suivant', check: 'Vérifier la réponse', progress: /^0\s%\s*terminé$/ },
  { language: 'cy', start: 'Dechrau', pages: '4 tudalen', next: 'Nesaf', check: 'Gwirio’r ateb', progress: /^0%\s*wedi’i gwblhau$/ },
])('a course in $language', (expected) => {
  test('shows the player\'s words in its language', async () => {
    const page = await open({ course: expected.language });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(expected.language);
    await expect(start(page).textContent()).resolves.toContain(expected.start);
    await expect(page.locator('cm-cover .meta').textContent()).resolves.toBe(expected.pages);
    await expect(page.locator('cm-player #progress-text').textContent()).resolves.toMatch(expected.progress);
    await start(page).click();
    await expect(page.locator('[data-action="next"]').textContent()).resolves.toContain(expected.next);
    await page.locator('[data-action="next"]').click();
    await page.locator('[data-action="next"]').click();
    await expect(page.locator('cm-question [data-action="check"]').first().textContent()).resolves.toContain(expected.check);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
