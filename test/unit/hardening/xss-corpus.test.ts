import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonMessages } from '../../../scripts/cli/format-messages.js';
import { readCourseFolder } from '../../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../../scripts/pipeline.js';

// S1, S2: the two halves of the XSS corpus. Payloads that are only text build without a message (the
// browser test in test/browser/security proves they stay text); script-capable addresses are refused.
const fixtures = join(import.meta.dirname, '../../fixtures/hardening');

describe('the XSS corpus', () => {
  it('accepts payloads that are just text, in every author field', async () => {
    const result = checkCourse(await readCourseFolder(join(fixtures, 'xss-course')));
    expect(toJsonMessages(result.files, fixtures)).toEqual([]);
    expect(result.model?.data.pages.map((page) => page.id)).toEqual(['text', 'questions']);
  });

  it('refuses every javascript:, vbscript:, data: and protocol-relative address, each at its line', async () => {
    const folder = join(fixtures, 'xss-urls');
    const messages = toJsonMessages(checkCourse(await readCourseFolder(folder)).files, folder);
    const lines = (await readFile(join(folder, 'sections/01-urls.md'), 'utf8')).split('\n');
    // Every line with an address in it is reported, and nothing is reported elsewhere.
    const withAddress = lines.flatMap((line, index) => (/\]\(|^\[ref\]:|src="|^script:/.test(line) && !/^\[a\]\[ref\]/.test(line) && !/^script:/.test(line) ? [index + 1] : []));
    expect(messages.map((message) => message.line)).toEqual(withAddress);
    expect(messages.every((message) => message.severity === 'error')).toBe(true);
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(new Set(['unsafe-url', 'raw-html', 'missing-asset']));
    expect(messages.length).toBe(19);
  });
});
