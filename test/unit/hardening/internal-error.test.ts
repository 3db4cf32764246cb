import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

// B9: an unexpected failure is not blamed on the author: exit code 3 and a request for a bug report.
// The failure is injected by replacing the pipeline with one that throws.
vi.mock('../../../scripts/pipeline.js', () => ({
  checkCourse: () => {
    throw new TypeError('injected failure');
  },
  checkCourseAsync: () => Promise.reject(new TypeError('injected failure')),
}));

it('an internal failure exits 3 and asks for a bug report', async () => {
  const { main } = await import('../../../scripts/cli/main.js');
  const { EXIT } = await import('../../../scripts/cli/usage.js');
  let err = '';
  const code = await main(['check', join(import.meta.dirname, '../../../course')], { out: () => undefined, err: (text) => (err += text), color: false });
  expect(code).toBe(EXIT.internal);
  expect(EXIT.internal).toBe(3);
  expect(err).toContain('This is a bug in coursemark, not in your course');
  expect(err).toContain('Please report it');
  expect(err).toContain('injected failure');
  // The stack (with local paths) is printed only when asked for with COURSEMARK_DEBUG.
  expect(err).not.toMatch(/\n\s+at /);
  expect(err).toContain('COURSEMARK_DEBUG=1');
});
