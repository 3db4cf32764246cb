import { describe, expect, it } from 'vitest';
import type { CourseData, PageInfo } from '../../components/course-data.js';
import { outlineOf } from '../../components/course-outline.js';
import { CourseSession } from '../../components/course-session.js';
import { launchScope } from '../../components/runtime/cmi5/cmi5-entry.js';
import type { LearnerEvent, TrackingAdapter } from '../../components/tracker.js';
import { englishCourse } from '../fixtures/player/course-data.js';

// The fixture course in two parts: reading (welcome, closing) and a check (both question pages).
const course: CourseData = {
  ...englishCourse,
  parts: [
    { id: 'reading', title: 'Reading', pages: ['welcome', 'closing'] },
    { id: 'check', title: 'Check', pages: ['questions-one', 'questions-two'] },
  ],
};
const outline = outlineOf(course);
const loaders = course.pages.map((page) => page.id);

function recorder(): TrackingAdapter & { events: LearnerEvent[] } {
  const events: LearnerEvent[] = [];
  return { events, saving: true, resume: () => Promise.resolve(undefined), record: (event) => void events.push(event) };
}

describe('an AU launch presents its own part of the course', () => {
  it('?au=<part> keeps the part\'s pages, renumbered in course order, with their questions and activities only', () => {
    const scope = launchScope(outline, '?au=reading&endpoint=https%3A%2F%2Flrs.example');
    expect(scope?.outline.pages).toEqual([
      { id: 'welcome', title: 'Welcome', index: 0 },
      { id: 'closing', title: 'Closing', index: 1 },
    ]);
    expect(scope?.outline.parts).toEqual([]);
    expect(scope?.pages(loaders)).toEqual(['welcome', 'closing']);
    const data = scope?.course(course);
    expect(data?.pages.map((page) => [page.id, page.index, page.iri])).toEqual([
      ['welcome', 0, 'https://example.org/courses/fixture/pages/welcome'],
      ['closing', 1, 'https://example.org/courses/fixture/pages/closing'],
    ]);
    expect(data?.questions).toEqual([]);
    expect(data?.activities).toEqual([]);
    const check = launchScope(outline, '?au=check')?.course(course);
    expect(check?.questions.map((question) => question.id)).toEqual(course.questions.map((question) => question.id));
    expect(check?.activities.map((activity) => activity.id)).toEqual(['bystander-reflection']);
  });

  it('?au=<page> keeps that page; no ?au= or an unknown one keeps the whole course', () => {
    expect(launchScope(outline, '?au=questions-two')?.outline.pages).toEqual([{ id: 'questions-two', title: 'Numbers, pairs and order', index: 0 }]);
    expect(launchScope(outline, '?endpoint=x&fetch=y')).toBeUndefined();
    expect(launchScope(outline, '?au=gone')).toBeUndefined();
  });

  it('judges completion, progress and score over the AU only: a reading AU completes without a score', async () => {
    const reading = launchScope(outline, '?au=reading')?.course(course);
    if (reading === undefined) throw new Error('no scope');
    const adapter = recorder();
    const session = new CourseSession({ course: reading, adapter, onChange: () => undefined });
    await session.start();
    for (const page of reading.pages) session.viewPage(page);
    expect(session.progress).toBe(1);
    expect(adapter.events.map((event) => event.kind)).toEqual(['launched', 'page-viewed', 'progressed', 'page-viewed', 'progressed', 'completed']);
    expect(adapter.events.at(-1)).toEqual({ kind: 'completed', score: undefined });
  });

  it('a question AU is scored over its own questions, against the passing score the LMS set', async () => {
    const check = launchScope(outline, '?au=check')?.course(course);
    if (check === undefined) throw new Error('no scope');
    const adapter: TrackingAdapter & { events: LearnerEvent[] } = { ...recorder(), mastery: 0.95 };
    const session = new CourseSession({ course: check, adapter, onChange: () => undefined });
    await session.start();
    expect(session.course.mastery).toBe(0.95);
    const [first] = check.pages as [PageInfo];
    session.viewPage(first);
    expect(session.progress).toBeLessThan(1);
  });
});

describe('an AU launch and question pools', () => {
  it('keeps a pool only in the AU with its page, so a reading AU completes without it', async () => {
    const pool = { id: 'final', iri: 'https://example.org/courses/fixture/pools/final', pageId: 'questions-one', title: 'Final', questions: ['q1'], draw: 1, stratify: false, retries: 1, counts: 'last' as const };
    const pooled: CourseData = { ...course, pools: [pool] };
    expect(launchScope(outlineOf(pooled), '?au=check')?.course(pooled).pools).toEqual([pool]);
    const reading = launchScope(outlineOf(pooled), '?au=reading')?.course(pooled);
    expect(reading?.pools).toEqual([]);
    const adapter = recorder();
    const session = new CourseSession({ course: reading as CourseData, adapter, onChange: () => undefined });
    await session.start();
    for (const page of reading?.pages ?? []) session.viewPage(page);
    expect(adapter.events.some((event) => event.kind === 'completed')).toBe(true);
  });
});
