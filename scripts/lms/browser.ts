import type { Browser } from 'playwright-core';

/**
 * Launches the system Chromium (Debian's package; `CHROMIUM_PATH` points elsewhere). playwright-core
 * is loaded only here, so the build and check commands never need it.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
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
