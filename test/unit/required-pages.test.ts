import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompletionRule, CourseData, PageInfo, QuestionData } from '../../components/course-data.js';
import { outlineOf } from '../../components/course-outline.js';
import { CourseSession } from '../../components/course-session.js';
import { emptyProgress, meetsCompletion, progressOf, withAnswer, withVisit } from '../../components/progress.js';
import { pagesNeeded, pagesStillNeeded, requiredPages, unviewedPages } from '../../components/required-pages.js';
import { launchScope } from '../../components/runtime/cmi5/cmi5-entry.js';
import type { AnswerRecord, LearnerEvent, ProgressState, TrackingAdapter } from '../../components/tracker.js';
import { courseShell } from './runtime/resume/arbitraries.js';

// The page part of the completion rule: optional pages, percentages, and progress that agrees with it.
const COURSE = 'https://example.org/courses/random';
const pageOf = (i: number, optional: boolean, questions: readonly string[] = []): PageInfo => ({
  id: `p${i}`,
  iri: `${COURSE}/pages/p${i}`,
  title: `Page ${i}`,
  index: i,
  ...(optional ? { optional: true } : {}),
  objectives: [],
  questions,
  activities: [],
  headings: [],
});
const questionOn = (i: number, pageId: string): QuestionData => ({ id: `q${i}`, iri: `${COURSE}/questions/q${i}`, pageId, weight: 1, promptText: `Q${i}`, type: 'true-false', answer: true });
const answer: AnswerRecord = { response: { type: 'true-false', value: true }, correct: true, attempt: 1, at: '2026-01-01T00:00:00.000Z' };

/** `optional[i]` says whether page i is optional; questions sit on the first required page. */
function course(optional: readonly boolean[], completion: CompletionRule, questionCount = 0): CourseData {
  const first = optional.findIndex((flag) => !flag);
  const questions = Array.from({ length: questionCount }, (_, i) => questionOn(i, `p${first}`));
  const pages = optional.map((flag, i) => pageOf(i, flag, i === first ? questions.map((question) => question.id) : []));
  return { ...courseShell(pages, questions, []), completion };
}

const visit = (data: CourseData, ids: readonly number[], state: ProgressState = emptyProgress()): ProgressState =>
  ids.reduce((current, i) => withVisit(current, data.pages[i] as PageInfo), state);

describe('required pages and the completion rule', () => {
  it('does not count optional pages: all required pages viewed completes the course', () => {
    const data = course([false, true, false], { pages: 1, questions: 'none' });
    expect(requiredPages(data).map((page) => page.id)).toEqual(['p0', 'p2']);
    expect(progressOf(data, visit(data, [0, 1]))).toBe(0.5);
    expect(meetsCompletion(data, visit(data, [0, 2]))).toBe(true);
    expect(unviewedPages(data, visit(data, [1])).map((page) => page.id)).toEqual(['p0', 'p2']);
  });

  it('asks for a share of the required pages, rounded up to whole pages, and scales progress to reach 1 there', () => {
    // 7 required pages and 2 optional ones: 80% is 6 pages.
    const data = course([false, false, true, false, false, false, true, false, false], { pages: 0.8, questions: 'none' });
    expect(pagesNeeded(data)).toBe(6);
    expect(progressOf(data, visit(data, [0, 1, 3]))).toBe(0.5);
    expect(pagesStillNeeded(data, visit(data, [0, 1, 3]))).toBe(3);
    // Optional pages never move progress.
    expect(progressOf(data, visit(data, [0, 1, 3, 2, 6]))).toBe(0.5);
    expect(meetsCompletion(data, visit(data, [0, 1, 3, 4, 5]))).toBe(false);
    expect(meetsCompletion(data, visit(data, [0, 1, 3, 4, 5, 7]))).toBe(true);
    expect(progressOf(data, visit(data, [0, 1, 3, 4, 5, 7, 8]))).toBe(1);
    // 70% of 10 pages is 7 pages, not 8 (0.7 x 10 is 7.000000000000001 in floating point).
    expect(pagesNeeded(course(Array.from({ length: 10 }, () => false), { pages: 0.7, questions: 'none' }))).toBe(7);
  });

  it('counts pages and questions together when the rule asks for both', () => {
    const data = course([false, false, false, false, false], { pages: 0.6, questions: 'all' }, 2);
    // 3 pages and 2 questions: 5 units.
    expect(progressOf(data, visit(data, [0, 1, 2, 3]))).toBe(0.6);
    const answered = withAnswer(withAnswer(visit(data, [0]), 'q0', answer), 'q1', answer);
    expect(progressOf(data, answered)).toBe(0.6);
    expect(meetsCompletion(data, visit(data, [1, 2], answered))).toBe(true);
  });

  it('keeps the named rules as they were: questions only in a course without questions counts every page', () => {
    const reading = course([false, false], { pages: 0, questions: 'all' });
    expect(pagesNeeded(reading)).toBe(2);
    expect(progressOf(reading, visit(reading, [0]))).toBe(0.5);
    const quiz = course([false, false], { pages: 0, questions: 'all' }, 2);
    expect(progressOf(quiz, visit(quiz, [0, 1]))).toBe(0);
    expect(progressOf(quiz, withAnswer(emptyProgress(), 'q1', answer))).toBe(0.5);
  });

  it('progress is in 0..1, never moved by an optional page, and 1 exactly when the rule is met (property)', () => {
    const arbitrary = fc
      .record({
        optional: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        percent: fc.integer({ min: 0, max: 100 }),
        questions: fc.integer({ min: 0, max: 5 }),
        countQuestions: fc.boolean(),
      })
      .filter(({ optional, percent, countQuestions }) => optional.includes(false) && (percent > 0 || countQuestions))
      .chain((setup) => fc.record({ setup: fc.constant(setup), visits: fc.array(fc.nat({ max: setup.optional.length - 1 })), answers: fc.subarray(Array.from({ length: setup.questions }, (_, i) => `q${i}`)) }));
    fc.assert(
      fc.property(arbitrary, ({ setup, visits, answers }) => {
        const data = course(setup.optional, { pages: setup.percent / 100, questions: setup.countQuestions ? 'all' : 'none' }, setup.questions);
        const state = answers.reduce((current, id) => withAnswer(current, id, answer), visit(data, visits));
        const progress = progressOf(data, state);
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(1);
        const optionalIds = setup.optional.flatMap((flag, i) => (flag ? [i] : []));
        expect(progressOf(data, visit(data, optionalIds, state))).toBe(progress);
        const required = setup.optional.filter((flag) => !flag).length;
        const viewed = new Set(visits.filter((i) => setup.optional[i] === false)).size;
        const questionsDone = !setup.countQuestions || setup.questions === 0 || answers.length === setup.questions;
        const pagesDone = setup.countQuestions && setup.questions > 0 && setup.percent === 0 ? true : viewed >= Math.ceil(((setup.percent === 0 ? 100 : setup.percent) * required) / 100);
        expect(meetsCompletion(data, state)).toBe(pagesDone && questionsDone);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a cmi5 AU judges the rule over its own pages', () => {
  function recorder(): TrackingAdapter & { events: LearnerEvent[] } {
    const events: LearnerEvent[] = [];
    return { events, saving: true, resume: () => Promise.resolve(undefined), record: (event) => void events.push(event) };
  }

  it('keeps optional and the rule; a percentage applies to the AU\'s required pages', () => {
    const data: CourseData = { ...course([false, true, false, false, false], { pages: 0.5, questions: 'none' }), parts: [{ id: 'all', title: 'All', pages: ['p0', 'p1', 'p2', 'p3'] }] };
    const scoped = launchScope(outlineOf(data), '?au=all')?.course(data);
    if (scoped === undefined) throw new Error('no scope');
    expect(scoped.completion).toEqual({ pages: 0.5, questions: 'none' });
    expect(scoped.pages.map((page) => page.optional)).toEqual([undefined, true, undefined, undefined]);
    // 3 required pages in the AU: 50% is 2.
    expect(pagesNeeded(scoped)).toBe(2);
  });

  it('an AU of optional pages only is completed by viewing its pages', async () => {
    const data: CourseData = { ...course([false, true, true], { pages: 1, questions: 'none' }), parts: [{ id: 'extra', title: 'Extra', pages: ['p1', 'p2'] }] };
    const scoped = launchScope(outlineOf(data), '?au=extra')?.course(data);
    if (scoped === undefined) throw new Error('no scope');
    const adapter = recorder();
    const session = new CourseSession({ course: scoped, adapter, onChange: () => undefined });
    await session.start();
    session.viewPage(scoped.pages[0] as PageInfo);
    expect(session.progress).toBe(0.5);
    session.viewPage(scoped.pages[1] as PageInfo);
    expect(adapter.events.map((event) => event.kind)).toEqual(['launched', 'page-viewed', 'progressed', 'page-viewed', 'progressed', 'completed']);
  });
});
