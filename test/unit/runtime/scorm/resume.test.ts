import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeProgress } from '../../../../components/runtime/resume/progress-codec.js';
import type { ProgressState } from '../../../../components/tracker.js';
import { playCourse, sampleCourse, WRONG } from './fixtures.js';
import { el, launch, realErrors, VERSIONS } from './harness.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 9, 30) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(VERSIONS)('SCORM %s: resume', (version) => {
  const e = el(version);

  /** A first launch left on page `stopAfterPage`; returns what the LMS hands the next launch. */
  async function leftMidCourse(stopAfterPage = 2): Promise<{ values: Record<string, string>; state: ProgressState }> {
    const first = launch(version);
    const session = await playCourse(first.course, first.adapter, { stopAfterPage });
    session.leave();
    return { values: first.lms.relaunchValues(), state: session.state };
  }

  it('restores answers, reflections and location from valid suspend_data (R1)', async () => {
    const { values, state } = await leftMidCourse();
    expect(values[e.entry]).toBe('resume');
    const second = launch(version, { initial: values });
    // as the codec keeps it (reflections capped at 500 characters)
    await expect(second.adapter.resume()).resolves.toEqual(normalizeProgress(state, second.course));
    expect(Object.keys(state.answers)).toHaveLength(5);
    expect(second.adapter.restoreNotice).toBeUndefined();
    expect(realErrors(second.lms)).toEqual([]);
  });

  it('falls back to the bookmark and the LMS status for truncated suspend_data, with a partial notice', async () => {
    const { values } = await leftMidCourse();
    const data = values['cmi.suspend_data'] ?? '';
    for (const cut of [1, Math.floor(data.length / 2), data.length - 1]) {
      const second = launch(version, { initial: { ...values, 'cmi.suspend_data': data.slice(0, cut) } });
      const state = await second.adapter.resume();
      expect(state).toEqual({ location: 2, visited: ['words'], answers: {}, activities: {}, completed: false });
      expect(second.adapter.restoreNotice).toBe('partial');
    }
  });

  it('never throws on garbage or foreign suspend_data (property test)', async () => {
    const { values } = await leftMidCourse();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (garbage) => {
        const second = launch(version, { initial: { ...values, 'cmi.suspend_data': garbage } });
        const state = await second.adapter.resume();
        expect(state?.location).toBe(2);
      }),
      { numRuns: 200 },
    );
    const foreign = launch(version, { initial: values, course: sampleCourse({ id: 'https://example.org/courses/other' }) });
    await expect(foreign.adapter.resume()).resolves.toBeDefined();
    expect(foreign.adapter.restoreNotice).toBe('partial');
  });

  it('a fresh launch has nothing to restore and no notice', async () => {
    const { adapter } = launch(version);
    await expect(adapter.resume()).resolves.toBeUndefined();
    expect(adapter.restoreNotice).toBeUndefined();
  });

  it('keeps an LMS status of passed: a later failing score is not reported (R7)', async () => {
    const { values } = await leftMidCourse(3);
    const status = version === '1.2' ? { 'cmi.core.lesson_status': 'passed' } : { 'cmi.success_status': 'passed', 'cmi.completion_status': 'completed' };
    const second = launch(version, { initial: { ...values, ...status } });
    const session = await playCourse(second.course, second.adapter, { responses: WRONG });
    session.leave();
    expect(second.lms.calls(e.set).filter((call) => call.args[0]?.includes('score') || call.args[1] === 'failed')).toEqual([]);
    expect(second.lms.calls(e.set).some((call) => call.args[1] === 'incomplete')).toBe(false);
    expect(realErrors(second.lms)).toEqual([]);
  });
});

describe.each(VERSIONS)('SCORM %s: the LMS passing score overrides course.mastery', (version) => {
  const e = el(version);
  // 3 of 8 weight points right: 37.5 %
  const responses = { ...WRONG, 'q-single': { type: 'single-choice', choice: 'b' }, 'q-multi': { type: 'multiple-response', choices: ['a', 'c'] } } as const;

  it.each([
    ['30', '0.3', 'passed'],
    ['37.5', '0.375', 'passed'],
    ['40', '0.4', 'failed'],
  ])('mastery %s / scaled %s -> %s, consistent with the raw score (C4)', async (mastery12, scaled2004, status) => {
    const initial = version === '1.2' ? { 'cmi.student_data.mastery_score': mastery12 } : { 'cmi.scaled_passing_score': scaled2004 };
    const { lms, adapter, course } = launch(version, { initial, course: sampleCourse({ mastery: 0.9 }) });
    const session = await playCourse(course, adapter, { responses });
    session.leave();
    const final = lms.commits.at(-1);
    expect(final?.get(e.raw)).toBe('37.5');
    expect(final?.get(e.status)).toBe(status);
    expect(realErrors(lms)).toEqual([]);
  });

  if (version === '2004') {
    it('completion_threshold: completed once progress_measure reaches it', async () => {
      const { lms, adapter, course } = launch(version, { initial: { 'cmi.completion_threshold': '0.5' } });
      const session = await playCourse(course, adapter, { stopAfterPage: 2 });
      await vi.advanceTimersByTimeAsync(3000);
      expect(lms.commits.at(-1)?.get('cmi.completion_status')).toBe('completed');
      session.leave();
      expect(realErrors(lms)).toEqual([]);
    });
  }
});

describe('SCORM 1.2 suspend_data limit', () => {
  it('never sets more than 4096 characters, keeping the bookmark when a state would not fit', async () => {
    const base = sampleCourse();
    const activities = Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, kind: 'reflection' as const, iri: `${base.id}/activities/r${i}`, pageId: 'intro', title: `R${i}`, promptText: 'Why?', hasDiscussion: false, shared: true }));
    const course = sampleCourse({ activities, pages: base.pages.map((p) => (p.index === 0 ? { ...p, activities: activities.map((a) => a.id) } : p)) });
    const { lms, adapter } = launch('1.2', { course });
    const session = await playCourse(course, adapter, { stopAfterPage: 0 });
    session.leave();
    const sizes = lms.calls('LMSSetValue').filter((call) => call.args[0] === 'cmi.suspend_data').map((call) => call.args[1]?.length ?? 0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
    expect(sizes).toContain(0); // the over-budget state was replaced by the bookmark alone
    expect(realErrors(lms)).toEqual([]);
    expect(lms.commits.at(-1)?.get('cmi.core.lesson_location')).toBe('intro');
  });
});

describe.each(VERSIONS)('SCORM %s: progress moves forward only', (version) => {
  const e = el(version);
  it('going back to an earlier page leaves the committed location and suspend_data on the furthest page', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { stopAfterPage: 2 });
    const first = course.pages[0];
    if (first === undefined) throw new Error('no page');
    session.viewPage(first);
    await vi.advanceTimersByTimeAsync(3000);
    session.leave();
    const locations = lms.commits.map((commit) => commit.get(e.location)).filter((value) => value !== undefined);
    const indexes = locations.map((id) => course.pages.findIndex((page) => page.id === id));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(locations.at(-1)).toBe(course.pages[2]?.id);
    const second = launch(version, { initial: lms.relaunchValues() });
    expect((await second.adapter.resume())?.location).toBe(2);
  });
});
