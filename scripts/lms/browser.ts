import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_SWITCHES } from './chromium-switches.js';
import { findBrowser } from './find-browser.js';

/** Whether Chromium runs with its sandbox, and why not when it does not. */
export type SandboxState = { readonly on: true } | { readonly on: false; readonly reason: string };

const sandboxes = new WeakMap<Browser, SandboxState>();

/**
 * Launches an installed Chromium, Chrome or Edge (find-browser.ts; `CHROMIUM_PATH` chooses one). playwright-core
 * is loaded only here, so the build and check commands never need it. Chromium's sandbox is on
 * where the machine allows it: it refuses to run sandboxed as root, and it needs user namespaces
 * (or its setuid helper); when the sandboxed launch fails, it is launched without and
 * `sandboxOf` says why.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const launch = (sandbox: boolean): Promise<Browser> =>
    chromium.launch({ executablePath: findBrowser(), chromiumSandbox: sandbox, args: [...CHROMIUM_SWITCHES, ...(sandbox ? [] : ['--no-sandbox'])] });
  if (process.getuid?.() === 0) {
    const browser = await launch(false);
    sandboxes.set(browser, { on: false, reason: 'coursemark runs as root, and Chromium refuses its sandbox to root; run verify as an ordinary user to have it' });
    return browser;
  }
  try {
    const browser = await launch(true);
    sandboxes.set(browser, { on: true });
    return browser;
  } catch (error) {
    const browser = await launch(false);
    const reason = (error instanceof Error ? error.message : String(error)).split('\n').find((line) => /sandbox|namespace/i.test(line)) ?? 'the sandboxed launch failed';
    sandboxes.set(browser, { on: false, reason: `this machine does not let Chromium start its sandbox (${reason.trim()})` });
    return browser;
  }
}

/** How `launchBrowser` started this browser (unknown for a browser launched elsewhere). */
export function sandboxOf(browser: Browser): SandboxState | undefined {
  return sandboxes.get(browser);
}

/**
 * Closes a browser context without waiting forever: Chromium now and then never answers the
 * request to dispose a context whose page has just navigated away (here, to the LMS's return page
 * after cmi5 "terminated"), or whose page is stuck in a script. After `ms` the run goes on and the
 * context goes with the browser.
 */
export async function closeBrowserContext(context: BrowserContext, ms = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([context.close().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the context of a finished launch (see closeBrowserContext). */
export const closeContext = (page: Page, ms = 5_000): Promise<void> => closeBrowserContext(page.context(), ms);
