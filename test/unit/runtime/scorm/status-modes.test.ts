import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scorm12StatusMode } from '../../../../components/course-data.js';
import { lessonStatus } from '../../../../components/runtime/scorm/scorm12-model.js';
import { playCourse, readingCourse, sampleCourse, WRONG } from './fixtures.js';
import { launch, realErrors } from './harness.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 9, 30) });
});
afterEach(() => {
  vi.useRealTimers();
});

const MODES: readonly Scorm12StatusMode[] = ['completed-incomplete', 'completed-failed', 'passed-incomplete', 'passed-failed'];

/** What each mode reports in cmi.core.lesson_status for a learner who passes and one who fails, and cmi.core.exit. */
const EXPECTED: Readonly<Record<Scorm12StatusMode, { pass: string; fail: string; failExit: string }>> = {
  'completed-incomplete': { pass: 'completed', fail: 'incomplete', failExit: 'suspend' },
  'completed-failed': { pass: 'completed', fail: 'failed', failExit: '' },
  'passed-incomplete': { pass: 'passed', fail: 'incomplete', failExit: 'suspend' },
  'passed-failed': { pass: 'passed', fail: 'failed', failExit: '' },
};

describe.each(MODES)('SCORM 1.2 status mode %s', (mode) => {
  const course = sampleCourse({ scorm12Status: mode });

  it('reports the mode\'s status for a pass, with the score, and ends the attempt', async () => {
    const { lms, adapter } = launch('1.2', { course });
    const session = await playCourse(course, adapter);
    session.leave();
    expect(realErrors(lms)).toEqual([]);
    const final = lms.commits.at(-1);
    expect(final?.get('cmi.core.lesson_status')).toBe(EXPECTED[mode].pass);
    expect(final?.get('cmi.core.score.raw')).toBe('100');
    expect(final?.get('cmi.core.score.max')).toBe('100');
    expect(final?.get('cmi.core.exit')).toBe('');
  });

  it('reports the mode\'s status for a fail; an "incomplete" attempt stays suspended so the learner can resume and retry', async () => {
    const { lms, adapter } = launch('1.2', { course });
    const session = await playCourse(course, adapter, { responses: WRONG });
    session.leave();
    const final = lms.commits.at(-1);
    expect(final?.get('cmi.core.lesson_status')).toBe(EXPECTED[mode].fail);
    expect(final?.get('cmi.core.score.raw')).toBe('0');
    expect(final?.get('cmi.core.exit')).toBe(EXPECTED[mode].failExit);
  });

  it('reports nothing but incomplete before the score is final', async () => {
    const { lms, adapter } = launch('1.2', { course });
    const session = await playCourse(course, adapter, { stopAfterPage: 1 });
    session.leave();
    const values = lms.commits.at(-1);
    expect(values?.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(values?.has('cmi.core.score.raw')).toBe(false);
    expect(values?.get('cmi.core.exit')).toBe('suspend');
  });

  it('reports completed for a course without questions once its pages are seen', async () => {
    const reading = { ...readingCourse(), scorm12Status: mode };
    const { lms, adapter } = launch('1.2', { course: reading });
    const session = await playCourse(reading, adapter);
    session.leave();
    expect(lms.commits.at(-1)?.get('cmi.core.lesson_status')).toBe('completed');
  });
});

describe('lessonStatus', () => {
  it('waits for the completion rule before "completed", never before "passed"', () => {
    expect(lessonStatus('completed-incomplete', { completed: false, scored: true, passed: true })).toBe('incomplete');
    expect(lessonStatus('completed-failed', { completed: false, scored: true, passed: true })).toBe('incomplete');
    expect(lessonStatus('passed-incomplete', { completed: false, scored: true, passed: true })).toBe('passed');
    expect(lessonStatus('completed-failed', { completed: false, scored: true, passed: false })).toBe('failed');
  });

  it('never lowers a status the LMS already holds: a passed attempt retried and failed stays passed', async () => {
    const course = sampleCourse({ scorm12Status: 'passed-failed' });
    const { lms, adapter } = launch('1.2', { course, initial: { 'cmi.core.lesson_status': 'passed', 'cmi.core.entry': 'resume' } });
    const session = await playCourse(course, adapter, { responses: WRONG });
    session.leave();
    expect(lms.commits.at(-1)?.get('cmi.core.lesson_status')).toBe('passed');
  });
});
