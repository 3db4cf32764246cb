import { readFile } from 'node:fs/promises';
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISABLED_FEATURES } from '../../scripts/lms/chromium-switches.js';
import { launchBrowser } from './helpers/browser.js';

// The Chromium that verify and the tests launch: what its command line really says, and what it
// runs besides the pages it is given.
let browser: Browser;
let cdp: CDPSession;

beforeAll(async () => {
  browser = await launchBrowser();
  cdp = await browser.newBrowserCDPSession();
});

afterAll(async () => {
  await browser?.close();
});

/** The browser process's own command line (Linux: /proc), as Chromium parsed it. */
async function browserCommandLine(): Promise<string[]> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const main = processInfo.find((process) => process.type === 'browser');
  if (main === undefined) throw new Error('Chromium lists no browser process');
  return (await readFile(`/proc/${main.id}/cmdline`, 'utf8')).split('\0');
}

describe('the Chromium coursemark launches', () => {
  it("keeps every feature Playwright disables: Chromium obeys only the last --disable-features, which is coursemark's", async () => {
    const lists = (await browserCommandLine()).filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','));
    expect(lists.length).toBeGreaterThan(1);
    const effective = lists.at(-1) ?? [];
    expect(effective).toEqual([...DISABLED_FEATURES]);
    // Playwright's list comes first; a feature it adds in a later version must be added to chromium-switches.ts.
    for (const list of lists.slice(0, -1)) expect(list.filter((feature) => !effective.includes(feature))).toEqual([]);
  });

  it('runs no hidden browser UI page (the omnibox popup) beside the page it opens', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<h1>A page</h1>');
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    await context.close();
    expect(targetInfos.filter((target) => target.type !== 'page').map((target) => `${target.type} ${target.url}`)).toEqual([]);
  });
});
