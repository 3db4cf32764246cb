import type { Browser, Page } from 'playwright-core';
import { findBrowser } from './find-browser.js';

/**
 * Launches an installed Chromium, Chrome or Edge (find-browser.ts; `CHROMIUM_PATH` chooses one). playwright-core
 * is loaded only here, so the build and check commands never need it.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: findBrowser(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Closes the context of a finished launch without waiting forever: Chromium now and then never
 * answers the request to dispose a context whose page has just navigated away (here, to the LMS's
 * return page after cmi5 "terminated"). The learner's session is over by then, so after `ms` the run
 * goes on and the context goes with the browser.
 */
export async function closeContext(page: Page, ms = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([page.context().close(), late]);
  } finally {
    clearTimeout(timer);
  }
}
