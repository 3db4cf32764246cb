import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { READY_PAGE_HEADING } from '../../../scripts/verify/learner.js';
import { launchBrowser } from './browser.js';
import { buildFixture, type FixtureCourse } from './build.js';
import { serveDirectory, type ServeOptions, type StaticServer } from './server.js';

export const STORAGE_KEY = 'coursemark:https://example.org/courses/fixture@1.0.0';

/** One built fixture, its server and a browser, shared by the tests of one file. */
export interface Harness {
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly url: string;
  close(): Promise<void>;
}

export async function startHarness(course: FixtureCourse = 'course.ts', serve: ServeOptions = {}): Promise<Harness> {
  const dir = await buildFixture(course);
  const server = await serveDirectory(dir, serve);
  const browser = await launchBrowser();
  return {
    browser,
    server,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const ERRORS = new WeakMap<Page, Error[]>();

/** Uncaught errors the page has thrown so far; tests assert there are none. */
export function pageErrors(page: Page): readonly Error[] {
  return ERRORS.get(page) ?? [];
}

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly hash?: string;
  readonly colorScheme?: 'light' | 'dark';
  readonly context?: BrowserContext;
}

/** Opens the player in a fresh context (fresh localStorage) and waits for the first page. */
export async function openPlayer(harness: Harness, options: OpenOptions = {}): Promise<Page> {
  const context =
    options.context ??
    (await harness.browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
    }));
  const page = await context.newPage();
  const errors: Error[] = [];
  ERRORS.set(page, errors);
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(harness.url + (options.hash ?? ''));
  await page.locator(`${READY_PAGE_HEADING}, cm-results h1, cm-glossary h1`).first().waitFor();
  // The contents come once the first view is on screen: tests that read them find them there.
  await page.locator('cm-toc nav').waitFor();
  return page;
}

export interface ActiveElement {
  readonly tag: string;
  readonly id: string;
  readonly text: string;
  readonly type: string;
  readonly value: string;
  /** Id of the question or activity the element belongs to, if any. */
  readonly owner: string;
}

/** The focused element, looking through shadow roots, described for assertions. */
export function activeElement(page: Page): Promise<ActiveElement> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    let owner = '';
    while (element?.shadowRoot?.activeElement) {
      const host = element as Element & { question?: { id: string }; activity?: { id: string } };
      if (host.question !== undefined) owner = host.question.id;
      if (host.activity !== undefined) owner = host.activity.id;
      element = element.shadowRoot.activeElement;
    }
    const input = element as HTMLInputElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: (element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      type: input?.type ?? '',
      value: typeof input?.value === 'string' ? input.value : '',
      owner,
    };
  });
}

/**
 * Presses Tab (then, if needed, Shift+Tab) until the focused element matches; keyboard only.
 * Fails after a bounded number of presses, so a focus trap cannot hang the test.
 */
export async function tabTo(page: Page, matches: (active: ActiveElement) => boolean, label: string): Promise<ActiveElement> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press(key);
      const active = await activeElement(page);
      if (matches(active)) return active;
    }
  }
  throw new Error(`Could not reach ${label} with the keyboard`);
}

export async function readProgress(page: Page, key = STORAGE_KEY): Promise<Record<string, unknown> | null> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
}
