import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.js';
import { defaultLimits, limitsFromOptions, withinLimits } from '../../../scripts/limits/input-limits.js';

// B2: the limits are configurable from the CLI, and only real Markdown nesting counts towards them.
const depthOf = (text: string, maxNesting = 3) => {
  const file = new VFile({ path: 'sections/01-a.md', value: text });
  return { ok: withinLimits(file, { ...defaultLimits, maxNesting }), messages: file.messages.map((m) => [m.line, m.column, m.ruleId]) };
};

describe('input limits', () => {
  it('counts quotes, list markers, indentation and directives, and places the error on the first line too deep', () => {
    expect(depthOf('---\ntitle: x\n---\n\n> > > ok\n> > > > too deep\n')).toEqual({ ok: false, messages: [[6, 1, 'input-limit']] });
    expect(depthOf('- a\n  - b\n    - c\n      - d\n')).toEqual({ ok: false, messages: [[4, 1, 'input-limit']] });
    expect(depthOf(':::note\n:::note\n:::note\n- x\n:::\n:::\n:::\n')).toEqual({ ok: false, messages: [[4, 1, 'input-limit']] });
    expect(depthOf(':::note\n:::\n:::note\n:::\n:::note\n:::\n:::note\n:::\n').ok).toBe(true);
  });

  it('refuses a paragraph the parser would need minutes for, at the line where it starts, and leaves matched marks alone', () => {
    const text = `---\ntitle: x\n---\n\nAn *ordinary* paragraph.\n\n- a list\n\n${'*a_ '.repeat(5_000)}\n\nAfter.\n`;
    expect(depthOf(text, 32)).toEqual({ ok: false, messages: [[9, 1, 'input-limit']] });
    const links = `---\ntitle: x\n---\n\n${'[ (]('.repeat(10_000)}\n`;
    expect(depthOf(links, 32)).toEqual({ ok: false, messages: [[5, 1, 'input-limit']] });
    // The same number of marks that match each other, and escaped ones, cost nothing.
    expect(depthOf(`${'*a* _b_ ~c~ [d](e) '.repeat(5_000)}\n`, 32).ok).toBe(true);
    expect(depthOf(`${'\\*a\\_ '.repeat(5_000)}\n`, 32).ok).toBe(true);
    // Paragraphs that are each fine but add up to minutes are refused at the costliest one.
    const many = Array.from({ length: 12 }, (_, index) => '*a_ '.repeat(index === 7 ? 1_200 : 1_000)).join('\n\n');
    expect(depthOf(`${many}\n`, 32)).toEqual({ ok: false, messages: [[15, 1, 'input-limit']] });
  });

  it('ignores frontmatter and fenced code', () => {
    expect(depthOf('---\nobjectives:\n        - deep yaml\n---\n\ntext\n').ok).toBe(true);
    expect(depthOf('```\n> > > > > > code\n```\n~~~~\n- - - - - -\n~~~~\n').ok).toBe(true);
    expect(depthOf('> > > > > > first line\n').ok).toBe(false);
  });

  it('reads --max-page-kb and --max-nesting, refusing anything but a positive whole number', () => {
    expect(limitsFromOptions(undefined, undefined)).toEqual(defaultLimits);
    expect(limitsFromOptions('2048', '8')).toEqual({ maxPageSize: 2048 * 1024, maxNesting: 8 });
    expect(limitsFromOptions('0', undefined)).toContain('--max-page-kb');
    expect(limitsFromOptions(undefined, '1.5')).toContain('--max-nesting');
  });

  it('applies them from the command line: exit 1 over a limit, 2 for a bad value', async () => {
    let out = '';
    const streams = { out: (text: string) => (out += text), err: () => undefined, color: false };
    const course = join(import.meta.dirname, '../../../course');
    expect(await main(['check', course, '--max-page-kb', '1', '--format', 'json'], streams)).toBe(1);
    expect((JSON.parse(out) as { ruleId: string }[]).every((m) => m.ruleId === 'input-limit')).toBe(true);
    expect(await main(['check', course, '--max-nesting', 'deep'], streams)).toBe(2);
    expect(await main(['check', course], streams)).toBe(0);
  });
});
