import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonMessages } from '../../scripts/cli/format-messages.js';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../scripts/pipeline.js';

// One course per mistake that authors make with text pasted from real editors (curly quotes, a
// missing ":::", answers indented or split into two lists, media put in as images, reference-style
// links, "./page.md" links, misspelled names...). expected.json holds every message the check must
// give, text included: each mistake is reported once, where it is, with its cause and fix, and
// nothing that merely follows from it. UPDATE_FIXTURES=1 rewrites expected.json (review the diff).
const root = join(import.meta.dirname, '../fixtures/mistakes');

describe('mistake fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(`${name}: exactly the expected messages, at exact positions`, async () => {
      const folder = join(root, name);
      const result = checkCourse(await readCourseFolder(folder));
      const actual = toJsonMessages(result.files, folder).map(({ file, line, column, ruleId, severity, message }) => ({ file, line, column, ruleId, severity, message }));
      const expectedPath = join(folder, 'expected.json');
      if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
