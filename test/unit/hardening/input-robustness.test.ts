import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toJsonMessages } from '../../../scripts/cli/format-messages.js';
import { firstInvalidUtf8 } from '../../../scripts/load/decode-text.js';
import { readCourseFolder } from '../../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from '../helpers/course-from-strings.js';

// B1-B3, B7, B10 from the reliability plan: hostile author input is reported, never crashes or hangs.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coursemark-input-'));
  await writeFile(join(dir, 'course.yaml'), baseConfig);
  await mkdir(join(dir, 'sections'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const page = (body: string) => `---\ntitle: A page\n---\n\n${body}\n`;
const messagesOf = async (folder = dir) => toJsonMessages(checkCourse(await readCourseFolder(folder)).files, folder);
const fromText = (body: string) => {
  const result = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': body }));
  return toJsonMessages(result.files, '/virtual/course');
};

describe('malformed frontmatter (B1): one message each, placed in the file', () => {
  const cases: [string, string, number, number, string][] = [
    ['missing colon', '---\ntitle A page\n---\n', 2, 1, 'frontmatter-invalid'],
    ['unclosed quote', '---\ntitle: "A page\n---\n', 2, 15, 'yaml-syntax'],
    ['tab indentation', '---\ntitle: A page\nobjectives:\n\t- one\n---\n', 4, 1, 'yaml-syntax'],
    ['duplicate key', '---\ntitle: A page\ntitle: Again\n---\n', 3, 1, 'yaml-syntax'],
    ['wrong type', '---\ntitle: [1, 2]\n---\n', 2, 8, 'frontmatter-invalid'],
    ['BOM before the fence', '\ufeff---\ntitle: [1, 2]\n---\n', 2, 8, 'frontmatter-invalid'],
    ['a list instead of keys', '---\n- a\n- b\n---\n', 2, 1, 'frontmatter-invalid'],
    ['empty', '---\n---\n', 1, 1, 'frontmatter-invalid'],
    ['an unresolved alias', '---\ntitle: *x\n---\n', 2, 8, 'yaml-syntax'],
    ['an alias bomb', `---\na: &a [x,x,x,x]\nb: &b [*a,*a,*a,*a]\nc: [*b,*b,*b,*b]\ntitle: x\n---\n`, 3, 8, 'yaml-syntax'],
    ['unclosed fence', '---\ntitle: A page\n', 1, 1, 'frontmatter-missing'],
  ];
  for (const [name, frontmatter, line, column, ruleId] of cases) {
    it(name, () => {
      const messages = fromText(`${frontmatter}\nText.\n`);
      expect(messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[line, column, ruleId]]);
    });
  }
});

it('names a key written twice and the line where it first is', () => {
  const [message] = fromText('---\ntitle: A page\n# the summary\nobjectives:\n  - one\ntitle: Again\n---\n\nText.\n');
  expect(message).toMatchObject({ line: 6, column: 1, ruleId: 'yaml-syntax' });
  expect(message?.message).toBe('"title" is written twice in this file (first on line 2). Keep one of them: change the first, or remove it.');
});

it('keeps a YAML tag as plain text (nothing is ever evaluated)', () => {
  expect(fromText('---\ntitle: !!js/function "function(){}"\n---\n\nText.\n')).toEqual([]);
});

describe('encodings (B3)', () => {
  it('drops a UTF-8 BOM without shifting positions', async () => {
    await writeFile(join(dir, 'sections/01-a.md'), `\ufeff${page('<br>')}`);
    expect((await messagesOf()).map((m) => [m.line, m.column, m.ruleId])).toEqual([[5, 1, 'raw-html']]);
  });

  it('places invalid UTF-8 at the first bad byte: Latin-1, a lone surrogate, an overlong form, a cut sequence', async () => {
    const encode = (text: string) => Buffer.from(text, 'utf8');
    await writeFile(join(dir, 'sections/01-latin1.md'), Buffer.concat([encode('---\ntitle: A page\n---\n\nStraße ok.\nCaf'), Buffer.from([0xe9]), encode('\n')]));
    await writeFile(join(dir, 'sections/02-surrogate.md'), Buffer.concat([encode('---\ntitle: A page\n---\n\nab'), Buffer.from([0xed, 0xa0, 0x80])]));
    await writeFile(join(dir, 'sections/03-overlong.md'), Buffer.concat([encode('---\nti'), Buffer.from([0xc0, 0xaf])]));
    await writeFile(join(dir, 'sections/04-cut.md'), Buffer.concat([encode(page('€')), Buffer.from([0xe2, 0x82])]));
    const messages = (await messagesOf()).filter((m) => m.ruleId === 'file-encoding');
    expect(messages.map((m) => [m.file, m.line, m.column, m.ruleId])).toEqual([
      ['sections/01-latin1.md', 6, 4, 'file-encoding'],
      ['sections/02-surrogate.md', 5, 3, 'file-encoding'],
      ['sections/03-overlong.md', 2, 3, 'file-encoding'],
      ['sections/04-cut.md', 6, 1, 'file-encoding'],
    ]);
  });

  it('calls NUL bytes and a PNG renamed .md "not a text file", and UTF-16 by its name', async () => {
    await writeFile(join(dir, 'sections/01-png.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await writeFile(join(dir, 'sections/02-utf16.md'), Buffer.from(`\ufeff${page('x')}`, 'utf16le'));
    const messages = (await messagesOf()).filter((m) => m.ruleId === 'file-encoding');
    expect(messages.map((m) => m.file)).toEqual(['sections/01-png.md', 'sections/02-utf16.md']);
    expect(messages[0]?.message).toContain('not a text file');
    expect(messages[1]?.message).toContain('UTF-16');
  });

  it('finds the first invalid byte exactly', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf0, 0x9f, 0x98, 0x80, 0xf5]))).toBe(5);
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('ok ✓ 😀'))).toBe(11);
  });
});

describe('file names (B7)', () => {
  it('warns about Windows-reserved names, forbidden characters, case-only and NFC/NFD twins', async () => {
    for (const name of ['CON.md', 'a:b.md', 'Intro.md', 'intro.md', 'Caf\u00e9.md', 'Cafe\u0301.md', 'x\u202egnp.md']) {
      await writeFile(join(dir, 'sections', name), page('Text.'));
    }
    const warnings = (await messagesOf()).filter((m) => m.ruleId === 'file-name');
    expect(warnings.every((m) => m.severity === 'warning')).toBe(true);
    expect(warnings.map((m) => m.file).sort()).toEqual(
      ['sections/CON.md', 'sections/a:b.md', 'sections/Intro.md', 'sections/intro.md', 'sections/Caf\u00e9.md', 'sections/Cafe\u0301.md', 'sections/x\u202egnp.md'].sort(),
    );
    // A bidi control never reaches the terminal as is.
    expect(warnings.find((m) => m.file.includes('gnp'))?.message).toContain('\\u202e');
  });
});

describe('pathological Markdown (B2): a clear limit, never a hang or a stack overflow', () => {
  // The time bound is a safety net only; scaling figures belong to the benchmark.
  const limited: [string, string][] = [
    ['10,000 nested block quotes', `${'>'.repeat(10_000)} x`],
    ['1,000 nested lists by indentation', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')],
    ['10,000 list markers on one line', `${'- '.repeat(10_000)}x`],
    ['1,000 nested directives', `${':::note\n'.repeat(1000)}x\n${':::\n'.repeat(1000)}`],
    ['a 600 KB page', 'Some *text* with [a link](https://example.org).\n\n'.repeat(13_000)],
    // The parser's time grows with the square of these (minutes for the first two, measured).
    ['"*a_ " repeated over 195 KB', '*a_ '.repeat(50_000)],
    ['"[ (](" repeated over 391 KB', '[ (]('.repeat(80_000)],
    ['20,000 unclosed links', '[a]('.repeat(20_000)],
    ['"~a " repeated over 500 KB', '~a '.repeat(170_000)],
  ];
  for (const [name, body] of limited) {
    it(`${name}: input-limit error`, { timeout: 10_000 }, () => {
      const messages = fromText(page(body));
      expect(messages.map((m) => m.ruleId)).toEqual(['input-limit']);
      expect(messages[0]?.line).toBeGreaterThanOrEqual(1);
    });
  }
  const fine: [string, string][] = [
    ['50,000 opening brackets', '['.repeat(50_000)],
    ['10,000 "*a"', '*a'.repeat(10_000)],
    ['5,000 headings', Array.from({ length: 5_000 }, (_, i) => `## H ${i}`).join('\n\n')],
    ['nesting at the limit', Array.from({ length: 16 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')],
  ];
  for (const [name, body] of fine) {
    it(`${name}: builds`, { timeout: 30_000 }, () => {
      expect(fromText(page(body)).filter((m) => m.severity === 'error')).toEqual([]);
    });
  }
});

describe('scale of errors (B10)', () => {
  // How long a check takes is measured by `npm run bench` (check scaling), not here: on a busy
  // machine a time limit fails for reasons that are not the check's.
  it('reports all of 1,000 broken files in one run', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 1000; i++) await writeFile(join(dir, 'sections', `${String(i).padStart(4, '0')}.md`), `---\ntitle: [${i}\n---\n\nText.\n`);
    const messages = await messagesOf();
    expect(new Set(messages.map((m) => m.file)).size).toBe(1000);
    expect(messages.every((m) => m.ruleId === 'yaml-syntax' && m.line === 2)).toBe(true);
  });
});

describe('symbolic links (S8)', () => {
  it('refuses links to outside the folder, dangling links and loops, each by name', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'coursemark-outside-'));
    await writeFile(join(outside, 'secret.md'), page('Secret.'));
    await writeFile(join(dir, 'sections/01-a.md'), page('Text.'));
    await symlink(join(outside, 'secret.md'), join(dir, 'sections/02-secret.md'));
    await symlink(outside, join(dir, 'linked-dir'));
    await symlink('loop-b', join(dir, 'loop-a'));
    await symlink('loop-a', join(dir, 'loop-b'));
    await symlink('.', join(dir, 'sections/self'));
    await mkdir(join(dir, 'inside'));
    await writeFile(join(dir, 'inside/ok.svg'), '<svg/>');
    await symlink(join(dir, 'inside'), join(dir, 'alias'));
    const source = await readCourseFolder(dir);
    const messages = toJsonMessages(checkCourse(source).files, dir);
    expect(messages.map((m) => [m.file, m.ruleId])).toEqual([
      ['linked-dir', 'file-link'],
      ['loop-a', 'file-link'],
      ['loop-b', 'file-link'],
      ['sections/02-secret.md', 'file-link'],
      ['sections/self', 'file-link'],
    ]);
    expect(source.sections.map((file) => file.path)).toEqual(['sections/01-a.md']);
    // A link that stays inside the folder is followed.
    expect(source.files.has('alias/ok.svg')).toBe(true);
    await rm(outside, { recursive: true, force: true });
  });
});
