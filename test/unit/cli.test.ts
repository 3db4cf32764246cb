import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonMessage } from '../../scripts/cli/format-messages.js';
import { runCli } from './helpers/run-cli.js';

const fixtures = join(import.meta.dirname, '../fixtures');

const run = runCli;

describe('coursemark check', () => {
  it('reports every mistake of a broken course with its line, in one run, and exits 1', async () => {
    const { code, out } = await run('check', join(fixtures, 'check/broken-course'), '--format', 'json');
    expect(code).toBe(1);
    const messages = JSON.parse(out) as JsonMessage[];
    const found = messages.map((m) => `${m.file.split('/').slice(-2).join('/')}:${m.line} ${m.ruleId}`);
    expect(found).toEqual([
      'sections/01-bad-yaml.md:3 yaml-syntax',
      'sections/02-missing-title.md:2 frontmatter-invalid',
      'sections/03-content.md:7 unknown-directive',
      'sections/03-content.md:11 question-no-correct',
      'sections/03-content.md:18 figure-alt',
      'sections/03-content.md:20 missing-asset',
      'sections/03-content.md:22 path-escape',
      'sections/03-content.md:24 raw-html',
      'sections/03-content.md:26 unsafe-url',
      'sections/03-content.md:28 duplicate-id',
      'sections/04-duplicate-page.md:3 duplicate-id',
    ]);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity']);
    }
  });

  it('prints path:line:column, severity, message and rule id with a code frame in text mode', async () => {
    const { code, err } = await run('check', join(fixtures, 'rules/raw-html'));
    expect(code).toBe(1);
    expect(err).toMatch(/sections\/01-a\.md:9:8 {2}error {2}Raw HTML is not allowed[^\n]* {2}raw-html\n/);
    expect(err).toContain('>  9 | Inline <span>html</span> too.\n     |        ^^^^^^');
    expect(err).toMatch(/3 errors, 0 warnings in 1 file\nRun "coursemark explain <rule-id>" for an example and the fix, e.g. "coursemark explain raw-html"; the authoring guide is \S+docs\/authoring\.md\.\n$/);
  });

  it('names an error\'s rule in the explain hint when warnings come first', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'coursemark-hint-'));
    try {
      await cp(join(fixtures, 'rules/heading-level'), folder, { recursive: true });
      await writeFile(join(folder, 'sections', '02-b.md'), '---\ntitle: B\n---\n\nInline <span>html</span>.\n');
      const { code, err } = await run('check', folder);
      expect(code).toBe(1);
      expect(err.indexOf('heading-level')).toBeLessThan(err.indexOf('raw-html'));
      expect(err).toContain('e.g. "coursemark explain raw-html"');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('exits 0 when there are only warnings', async () => {
    const { code, err } = await run('check', join(fixtures, 'rules/heading-level'));
    expect(code).toBe(0);
    expect(err).toContain('heading-level');
  });

  it('exits 2 for usage mistakes and missing folders, without a stack trace', async () => {
    for (const args of [['frobnicate'], ['check', '--format', 'xml'], ['build', '--target', 'scorm99'], ['check', join(fixtures, 'nowhere')], ['check', '--bogus'], ['build', '--no-cache', '--cache-dir', 'x'], ['check', '--cache-dir', '']]) {
      const { code, err } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toMatch(/^coursemark: /);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('coursemark build refuses unsafe or invalid configuration', () => {
  it('fails with positioned messages for a non-IRI course id, an out-of-range mastery and LRS credentials, and writes no output', async () => {
    const out = await mkdtemp(join(tmpdir(), 'coursemark-refused-'));
    const invalid = await run('build', join(fixtures, 'rules/config-invalid'), '--out', out, '--format', 'json');
    expect(invalid.code).toBe(1);
    const messages = JSON.parse(invalid.out) as JsonMessage[];
    expect(messages.find((m) => m.message.startsWith('"id"'))).toMatchObject({ file: expect.stringMatching(/course\.yaml$/), line: 1, column: 5 });
    expect(messages.find((m) => m.message.startsWith('"mastery"'))).toMatchObject({ line: 5, column: 10, ruleId: 'config-invalid' });
    const secret = await run('build', join(fixtures, 'rules/lrs-credentials'), '--out', out);
    expect(secret.code).toBe(1);
    expect(secret.err).toMatch(/course\.yaml:5:1 {2}error {2}"lrs" looks like LRS or LMS credentials/);
    expect(secret.out).toBe('');
    // Only the cache of parsed sections may be there: no package, no web folder.
    expect(await readdir(out)).toEqual(['.coursemark-cache']);
    await rm(out, { recursive: true, force: true });
  });
});

