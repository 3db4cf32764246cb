import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonMessages } from '../../scripts/cli/format-messages.js';
import { rules } from '../../scripts/diagnostics/rules.js';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import { checkCourse, type CheckOptions } from '../../scripts/pipeline.js';
import { loadRenderersFor } from '../../scripts/validate/formula-and-code-renderers.js';

// One fixture course per rule id, each with the exact messages it must produce (expected.json).
// Run with UPDATE_FIXTURES=1 to rewrite expected.json after an intended change, then review the diff.
// A fixture's .fifos lists named pipes to create for the run (git cannot hold them); its
// check-options.json, the check's options (a target's own checks, such as cc).
const root = join(import.meta.dirname, '../fixtures/rules');
const folders = readdirSync(root).sort();

describe('rule fixtures', () => {
  it('cover every rule in the catalogue', () => {
    expect(folders).toEqual(Object.keys(rules).sort());
  });

  for (const rule of folders) {
    it(`${rule}: reports the expected messages at exact positions`, async () => {
      const folder = join(root, rule);
      const fifos = existsSync(join(folder, '.fifos')) ? readFileSync(join(folder, '.fifos'), 'utf8').split('\n').filter(Boolean) : [];
      for (const fifo of fifos) {
        mkdirSync(dirname(join(folder, fifo)), { recursive: true });
        rmSync(join(folder, fifo), { force: true });
        execFileSync('mkfifo', [join(folder, fifo)]);
      }
      let result;
      try {
        const options = existsSync(join(folder, 'check-options.json')) ? (JSON.parse(readFileSync(join(folder, 'check-options.json'), 'utf8')) as CheckOptions) : {};
        const source = await readCourseFolder(folder);
        await loadRenderersFor(source.sections.map((file) => String(file.value)));
        result = checkCourse(source, options);
      } finally {
        for (const fifo of fifos) rmSync(join(folder, fifo), { force: true });
      }
      const actual = toJsonMessages(result.files, folder).map(({ file, line, column, ruleId, severity }) => ({ file, line, column, ruleId, severity }));
      const expectedPath = join(folder, 'expected.json');
      if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      }
      const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
      expect(actual).toEqual(expected);
      expect(actual.some((message) => message.ruleId === rule)).toBe(true);
    });
  }
});
