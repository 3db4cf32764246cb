import { BrowserNotFoundError, findBrowser } from '../../../scripts/lms/find-browser.js';

/**
 * Vitest global setup of the browser tests: finds the browser once, before any test file starts, so
 * that a machine without one gets one clear message instead of every file failing on its own.
 */
export default function requireBrowser(): void {
  try {
    const path = findBrowser();
    process.env['CHROMIUM_PATH'] = path;
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    throw new Error(`The browser tests need a browser. ${error.message} (README.md, "Part 2: for contributors").`);
  }
}
