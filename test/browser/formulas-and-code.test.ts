import type { Page } from 'playwright-core';
import { serveBuiltCourse, type BuiltCourse } from './helpers/built-course.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

// A chemistry page with formulas and a highlighted code block, built with the CLI as an author would.
const COURSE = {
  'course.yaml': 'id: https://example.org/courses/dilution\ntitle: Dilution\nlanguage: en\nversion: "1.0.0"\n',
  'sections/01-dilution.md': `---
title: Dilution
---

Diluting keeps the amount of substance: $C_1 V_1 = C_2 V_2$, so the new volume is

$$
V_2 = \\frac{C_1 V_1}{C_2}
$$

The same in Python:

\`\`\`python
def diluted_volume(c1: float, v1: float, c2: float) -> float:
    # The amount of substance does not change.
    return c1 * v1 / c2  # litres
print(diluted_volume(2.0, 0.5, 0.25), "L")
\`\`\`
`,
};

let built: BuiltCourse;
let server: BuiltCourse['server'];
let browser: BuiltCourse['browser'];

beforeAll(async () => {
  built = await serveBuiltCourse(COURSE, { args: ['--target', 'web'] });
  ({ server, browser } = built);
}, 120_000);

afterAll(async () => {
  await built?.close();
});

async function open(colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator(READY_PAGE_HEADING).waitFor();
  await page.locator('article math').first().waitFor();
  return page;
}

describe('formulas and code, rendered at build time', () => {
  it('draws MathML with the expected structure, inline and displayed, and runs no maths script', async () => {
    const page = await open('light');
    const maths = await page.locator('article math').evaluateAll((elements) =>
      elements.map((math) => ({
        namespace: math.namespaceURI,
        display: math.getAttribute('display'),
        shown: getComputedStyle(math).display,
        structure: [...(math.querySelector('semantics > mrow, semantics > *:first-child')?.children ?? [])].map((child) => child.localName),
        tex: math.querySelector('annotation[encoding="application/x-tex"]')?.textContent,
        height: math.getBoundingClientRect().height,
      })),
    );
    expect(maths).toHaveLength(2);
    expect(maths[0]).toMatchObject({ namespace: 'http://www.w3.org/1998/Math/MathML', display: null, shown: 'math', structure: ['msub', 'msub', 'mo', 'msub', 'msub'], tex: 'C_1 V_1 = C_2 V_2' });
    expect(maths[1]).toMatchObject({ namespace: 'http://www.w3.org/1998/Math/MathML', display: 'block', shown: 'block math', structure: ['msub', 'mo', 'mfrac'], tex: 'V_2 = \\frac{C_1 V_1}{C_2}' });
    // Drawn as maths: the fraction stacks, so the displayed formula is taller than a line of text.
    expect(maths[1]?.height ?? 0).toBeGreaterThan(maths[0]?.height ?? 0);
    const fraction = await page.locator('article mfrac').evaluate((mfrac) => [...mfrac.children].map((part) => part.getBoundingClientRect().top));
    expect(fraction[1] ?? 0).toBeGreaterThan((fraction[0] ?? 0) + 5);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /katex|temml|mathjax|highlight|lowlight/i.test(name)));
    expect(scripts).toEqual([]);
    await page.context().close();
  });

  it('copies a code block with its button, and selects it where the clipboard is refused', async () => {
    const page = await open('light');
    const expected = await page.locator('article pre').evaluate((pre) => pre.textContent);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const button = page.locator('article cm-code [data-action="copy-code"]');
    await expect(button.textContent()).resolves.toContain('Copy code');
    // From the keyboard, as any button.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await expect(page.locator('article cm-code [role="status"]').textContent()).resolves.toBe('Copied');
    await page.context().close();
    // An LMS frame without clipboard-write: the Clipboard API refuses, the code is selected instead.
    const refused = await open('light');
    await refused.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });
    });
    await refused.locator('article cm-code [data-action="copy-code"]').click();
    await expect.poll(() => refused.locator('article cm-code [role="status"]').textContent()).toContain('The code is selected');
    // The selection is the block's text (a selection does not end in the block's last line break).
    expect(await refused.evaluate(() => getSelection()?.toString())).toBe(expected?.replace(/\n$/, ''));
    await refused.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`colours code tokens with at least 4.5:1 contrast in ${scheme} mode, and axe finds nothing serious`, async () => {
      const page = await open(scheme);
      const tokens = await page.locator('article pre').evaluate((pre) => {
        const rgb = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
          const [R = 0, G = 0, B = 0] = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
          return 0.2126 * R + 0.7152 * G + 0.0722 * B;
        };
        const background = luminance(rgb(getComputedStyle(pre).backgroundColor));
        return [...pre.querySelectorAll('[class^="hljs-"]')].map((span) => {
          const color = getComputedStyle(span).color;
          const fg = luminance(rgb(color));
          return { token: span.className, text: span.textContent, color, contrast: (Math.max(fg, background) + 0.05) / (Math.min(fg, background) + 0.05) };
        });
      });
      const kinds = new Set(tokens.map((token) => token.token));
      // Keywords, a function title, strings, numbers and a comment are each coloured apart.
      expect([...kinds]).toEqual(expect.arrayContaining(['hljs-keyword', 'hljs-title function_', 'hljs-string', 'hljs-number', 'hljs-comment']));
      expect(new Set(tokens.map((token) => token.color)).size).toBeGreaterThanOrEqual(5);
      for (const token of tokens) expect(token.contrast, `${token.token} "${token.text}" ${token.color}`).toBeGreaterThanOrEqual(4.5);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
