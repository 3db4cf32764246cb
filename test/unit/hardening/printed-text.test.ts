import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.js';
import { printable, printableJson, printableLines } from '../../../scripts/diagnostics/printable.js';
import { formatReport } from '../../../scripts/verify/format-report.js';
import type { VerifyReport } from '../../../scripts/verify/verify-report.js';
import { baseConfig } from '../helpers/course-from-strings.js';

// Text from a course folder or a package reaches the terminal with every control character escaped:
// no escape sequence (a forged "Result: OK" line, a title change, a screen clear), no C1 CSI, no
// text-direction override. What the terminal would act on: C0 but \n, DEL, C1, bidi controls.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = '\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eevil';
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coursemark-printed-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => (out += text), err: (text) => (err += text), color: false });
  return { code, out, err };
}

describe('printable text', () => {
  it('escapes control, C1 and text-direction characters as \\uXXXX, and keeps line breaks only where asked', () => {
    expect(printable(`a${HOSTILE}\nb`)).toBe('a\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202eevil\\u000ab');
    expect(printableLines(`a\u001b\nb\tc`)).toBe('a\\u001b\nb\\u0009c');
    expect(printable('café – ok ✓')).toBe('café – ok ✓');
    const json = printableJson(JSON.stringify({ name: HOSTILE }));
    expect(JSON.parse(json)).toEqual({ name: HOSTILE });
    expect(json).not.toMatch(ACTIVE);
  });

  it('check: file names, link addresses and source lines in the report', async () => {
    const course = join(folder, 'check');
    await mkdir(join(course, 'sections'), { recursive: true });
    await writeFile(join(course, 'course.yaml'), baseConfig);
    await writeFile(join(course, 'sections', `01-page${'\u001b[31m'}.md`), `---\ntitle: Page\n---\n\n[x](<javascript:alert(1)${HOSTILE}>) [y](<missing${HOSTILE}.md>)\n`);
    const text = await cli('check', course);
    expect(text.code).toBe(1);
    expect(text.err).toContain('\\u001b[31m');
    expect(text.err).toContain('\\u001b]0;owned\\u0007');
    expect(text.err).not.toMatch(ACTIVE);
    const json = await cli('check', course, '--format', 'json');
    expect(json.out).not.toMatch(ACTIVE);
    expect((JSON.parse(json.out) as { file: string }[])[0]?.file).toContain('\u001b[31m');
  });

  it('build: the report of what was written, and errors about the folder', async () => {
    const missing = await cli('check', join(folder, `no-such${HOSTILE}`));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('\\u001b[2J');
    expect(missing.err).not.toMatch(ACTIVE);
    const unknown = await cli(`bu${HOSTILE}ild`);
    expect(unknown.err).not.toMatch(ACTIVE);
  });

  it('verify: titles, statements and findings from the package', () => {
    const report: VerifyReport = {
      package: `course${HOSTILE}.zip`,
      kind: 'scorm12',
      answers: 'correct',
      manifest: [`path-invalid: ${HOSTILE}`],
      walked: { pages: 2, questions: 0, optional: [`further reading${HOSTILE}`] },
      recorded: { completion: `passed${HOSTILE}`, success: 'passed', score: undefined, interactions: { count: 0, results: {} }, suspendData: undefined, sessionTime: undefined, statements: [`verb${HOSTILE}`] },
      resume: { leftOn: HOSTILE, landedOn: `\nResult: OK. The LMS will record this package as shown above.` },
      findings: [],
      sandbox: 'on',
    };
    const text = formatReport(report);
    expect(text).not.toMatch(ACTIVE);
    expect(text.split('\n').filter((line) => line.startsWith('Result:'))).toEqual(['Result: 1 problem(s). Fix them before uploading.']);
  });
});
