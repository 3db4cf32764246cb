import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { scanDom, type DomFindings } from './dom-scan.js';
import { serveHostile, STRICT_CSP, type HostileServer } from './hostile-server.js';
import { READY_PAGE_HEADING } from '../../../scripts/verify/learner.js';

// S1-S4, S12, S13, R17: a course whose every author field carries script payloads, built by the
// real CLI, served by a hostile host and walked in Chromium. The payloads set window.__pwned.
const repo = join(import.meta.dirname, '../../..');
const fixture = join(repo, 'test/fixtures/hardening/xss-course');
let out: string;
let web: string;
let browser: Browser;
let strict: HostileServer;
let open: HostileServer;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coursemark-xss-'));
  // Built as an author's shell would, without the test runner's NODE_ENV=test: under any NODE_ENV
  // but production, Vite resolves Lit's development build (and its litIssuedWarnings global).
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'));
  await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', fixture, '--out', out, '--target', 'web'], { env });
  web = join(out, 'web');
  strict = await serveHostile(web, STRICT_CSP);
  open = await serveHostile(web, undefined);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await strict?.close();
  await open?.close();
  await rm(out, { recursive: true, force: true });
});

interface Walk {
  readonly findings: DomFindings;
  readonly pwned: unknown;
  readonly violations: string[];
  readonly errors: string[];
  readonly addedGlobals: string[];
}

/** Opens every page, answers every question, opens every term, dialog and feedback, then scans. */
async function walk(server: HostileServer): Promise<Walk> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  const blank = await context.newPage();
  // The same origin as the course (secure-context APIs differ), answered by the browser itself.
  await blank.route(`${server.url}blank.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await blank.goto(`${server.url}blank.html`);
  const baseline = await blank.evaluate(() => Object.getOwnPropertyNames(window));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.locator(READY_PAGE_HEADING).first().waitFor();
  const findings: DomFindings[] = [];
  for (const id of ['text', 'questions']) {
    await page.goto(`${server.url}#/${id}`);
    await page.locator(READY_PAGE_HEADING).first().waitFor();
    await interact(page);
    findings.push(await page.evaluate(scanDom));
  }
  const added = await page.evaluate((known) => Object.getOwnPropertyNames(window).filter((name) => !known.includes(name)), baseline);
  const result: Walk = {
    findings: { unsafe: findings.flatMap((f) => f.unsafe), text: findings.map((f) => f.text).join('\n') },
    pwned: await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    violations: await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations),
    errors,
    addedGlobals: added,
  };
  await context.close();
  return result;
}

async function interact(page: Page): Promise<void> {
  const quick = { timeout: 2_000 };
  for (const button of await page.locator('cm-term button').all()) await button.click(quick);
  for (const question of await page.locator('cm-question').all()) {
    const choice = question.locator('input[type=radio], input[type=checkbox]').first();
    if ((await choice.count()) > 0) await choice.check(quick);
    for (const input of await question.locator('input[type=text], input:not([type])').all()) await input.fill('x onerror', quick);
    for (const input of await question.locator('input[type=number], input[inputmode=decimal]').all()) await input.fill('3', quick);
    for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 }, quick);
    await question.locator('button[part=submit]').click(quick);
    await question.locator('.feedback').first().waitFor(quick);
  }
  for (const summary of await page.locator('article details > summary').all()) await summary.click(quick);
  const dialogButton = page.locator('header button[aria-haspopup=dialog]');
  if ((await dialogButton.count()) > 0) {
    await dialogButton.first().click(quick);
    await page.locator('cm-support-dialog dialog[open]').waitFor(quick);
    await page.keyboard.press('Escape');
  }
}

describe('hostile content and a hostile host', () => {
  it('runs no payload and puts no script URL in the DOM under a strict CSP with Trusted Types', async () => {
    const result = await walk(strict);
    expect(result.violations).toEqual([]);
    expect(result.pwned).toBeUndefined();
    expect(result.findings.unsafe).toEqual([]);
    expect(result.errors).toEqual([]);
    // The payloads did reach the page, as text.
    expect(result.findings.text).toContain('<img src=x onerror=window.__pwned=1>');
    expect(result.findings.text).toContain('"><svg onload=window.__pwned=1>');
    // S12: no debug helpers; only Lit's own bookkeeping may appear on window.
    expect(result.addedGlobals.filter((name) => !/^(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata|cspViolations)$/.test(name))).toEqual([]);
  });

  it('the DOM scan itself finds event handlers, script URLs and payload elements, in shadow roots too', async () => {
    const page = await browser.newPage();
    await page.setContent('<a href=" JaVa&#x09;script:x">a</a><div id=host></div>');
    await page.evaluate(() => {
      const root = document.getElementById('host')?.attachShadow({ mode: 'open' });
      root?.append(Object.assign(document.createElement('img'), { src: 'x' }));
      root?.firstElementChild?.setAttribute('onerror', 'void 0');
    });
    const { unsafe } = await page.evaluate(scanDom);
    expect(unsafe).toEqual(expect.arrayContaining(['a[href=JaVascript:x]', 'a.href=javascript:x', 'img[onerror]', '<img> from a payload']));
    await page.close();
  });

  it('runs no payload without any CSP either (escaping, not the policy, stops them)', async () => {
    const result = await walk(open);
    expect(result.pwned).toBeUndefined();
    expect(result.findings.unsafe).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('boots from a host that serves .json as text and unknown types as octet-stream, fetching no .json/.mjs/.wasm/.map (R17)', () => {
    // The browser asks for /favicon.ico on its own; the course never does.
    const fetched = [...strict.requests, ...open.requests].filter((path) => path !== '/favicon.ico');
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((path) => !/(\/|\.html|\.js|\.css|\.svg|\.png|\.jpe?g|\.webp|\.gif|\.woff2?)$/i.test(path))).toEqual([]);
  });

  it('ships no inline script, no style or event attribute, and no local path (S4, S13)', async () => {
    const files = await readdir(web, { recursive: true, withFileTypes: true });
    const html: string[] = [];
    const local = [repo, homedir(), out, tmpdir(), `/${userInfo().username}/`].filter((path) => path.length > 1);
    for (const entry of files.filter((file) => file.isFile())) {
      const path = join(entry.parentPath, entry.name);
      const text = await readFile(path, 'utf8');
      for (const prefix of local) expect(text.includes(prefix), `${entry.name} contains ${prefix}`).toBe(false);
      if (entry.name.endsWith('.html')) html.push(text);
    }
    // Parsed by the browser's own HTML parser: a regular expression would trip over escaped payload text.
    const page = await browser.newPage();
    for (const text of html) {
      const found = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'text/html');
        return Array.from(doc.querySelectorAll('*')).flatMap((element) => [
          ...(element.localName === 'script' && !element.hasAttribute('src') ? ['inline script'] : []),
          ...Array.from(element.attributes)
            .filter((attribute) => attribute.name === 'style' || attribute.name.startsWith('on'))
            .map((attribute) => `${element.localName}[${attribute.name}]`),
        ]);
      }, text);
      expect(found).toEqual([]);
    }
    await page.close();
  });
});
