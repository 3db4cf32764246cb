import fc from 'fast-check';
import type { ActivityData, CourseData, MatchItem, PageInfo, QuestionData } from '../../../../components/course-data.js';
import type { AnswerRecord, LearnerResponse, ProgressState, SubmittedActivity } from '../../../../components/tracker.js';

const COURSE = 'https://example.org/courses/random';
const letters = (n: number, prefix: string): MatchItem[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, text: `${prefix} ${i}` }));

/** Any text, including astral characters, lone surrogates and control characters. */
export const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength }));

const base = (i: number, pageId: string) => ({ id: `q${i}`, iri: `${COURSE}/questions/q${i}`, pageId, weight: 1, promptText: `Question ${i}` });

const questionArb = (i: number, pageId: string): fc.Arbitrary<QuestionData> =>
  fc.oneof(
    fc.record({ n: fc.integer({ min: 1, max: 40 }), single: fc.boolean() }).map(({ n, single }) => ({ ...base(i, pageId), type: single ? 'single-choice' : 'multiple-response', choices: letters(n, 'c').map((c, k) => ({ ...c, correct: k === 0 })) }) as QuestionData),
    fc.boolean().map((answer): QuestionData => ({ ...base(i, pageId), type: 'true-false', answer })),
    fc.boolean().map((caseSensitive): QuestionData => ({ ...base(i, pageId), type: 'fill-in', answers: ['x'], caseSensitive })),
    fc.double().map((answer): QuestionData => ({ ...base(i, pageId), type: 'numeric', answer, tolerance: 0 })),
    fc.record({ s: fc.integer({ min: 1, max: 12 }), t: fc.integer({ min: 1, max: 40 }) }).map(({ s, t }): QuestionData => ({ ...base(i, pageId), type: 'matching', sources: letters(s, 's'), targets: letters(t, 't'), pairs: [] })),
    fc.integer({ min: 1, max: 40 }).map((n): QuestionData => ({ ...base(i, pageId), type: 'sequencing', steps: letters(n, 'p') })),
  );

export function courseShell(pages: readonly PageInfo[], questions: readonly QuestionData[], activities: readonly ActivityData[]): CourseData {
  return {
    id: COURSE, title: 'Random', description: '', language: 'en', dir: 'ltr', version: '1', authors: [], license: 'MIT', mastery: 0.8,
    completion: { pages: 1, questions: 'none' }, scorm12Status: 'completed-incomplete', theme: { accent: '#000000', font: 'sans' }, pages, questions, activities, glossary: [], parts: [],
  };
}

export const courseArb = (maxPages = 500, maxQuestions = 300, maxActivities = 20): fc.Arbitrary<CourseData> =>
  fc
    .record({
      pages: fc.integer({ min: 1, max: maxPages }),
      questions: fc.integer({ min: 0, max: maxQuestions }),
      activities: fc.array(fc.boolean(), { maxLength: maxActivities }),
    })
    .chain(({ pages, questions, activities }) => {
      const pageList: PageInfo[] = Array.from({ length: pages }, (_, i) => ({ id: `p${i}`, iri: `${COURSE}/pages/p${i}`, title: `Page ${i}`, index: i, objectives: [], questions: [], activities: [], headings: [] }));
      const acts: ActivityData[] = activities.map((shared, i) => ({ id: `a${i}`, kind: 'reflection', iri: `${COURSE}/activities/a${i}`, pageId: 'p0', title: `Activity ${i}`, promptText: 'Reflect', hasDiscussion: false, shared }));
      return fc.tuple(...Array.from({ length: questions }, (_, i) => questionArb(i, `p${i % pages}`))).map((qs) => courseShell(pageList, qs, acts));
    });

const ids = (items: readonly { id: string }[]): fc.Arbitrary<string> => fc.constantFrom(...items.map((x) => x.id), 'unknown');

/** A response for the question: usually well formed, sometimes of another type or with unknown ids. */
export function responseArb(q: QuestionData, maxText: number): fc.Arbitrary<LearnerResponse> {
  const own: fc.Arbitrary<LearnerResponse> = (() => {
    switch (q.type) {
      case 'single-choice':
        return fc.constantFrom(...q.choices.map((c) => c.id)).map((choice): LearnerResponse => ({ type: 'single-choice', choice }));
      case 'multiple-response':
        return fc.subarray(q.choices.map((c) => c.id)).chain((s) => fc.shuffledSubarray(s, { minLength: s.length })).map((choices): LearnerResponse => ({ type: 'multiple-response', choices }));
      case 'true-false':
        return fc.boolean().map((value): LearnerResponse => ({ type: 'true-false', value }));
      case 'fill-in':
        return anyText(maxText).map((text): LearnerResponse => ({ type: 'fill-in', text }));
      case 'numeric':
        return fc.oneof(fc.double(), fc.integer()).map((value): LearnerResponse => ({ type: 'numeric', value }));
      case 'matching':
        return fc.array(fc.tuple(fc.constantFrom(...q.sources.map((s) => s.id)), fc.constantFrom(...q.targets.map((t) => t.id))), { maxLength: q.sources.length + 2 }).map((pairs): LearnerResponse => ({ type: 'matching', pairs }));
      case 'sequencing':
        return fc.array(fc.constantFrom(...q.steps.map((s) => s.id)), { maxLength: q.steps.length + 2 }).map((order): LearnerResponse => ({ type: 'sequencing', order }));
    }
  })();
  const stray: fc.Arbitrary<LearnerResponse> = fc.oneof(
    fc.constant<LearnerResponse>({ type: 'true-false', value: true }),
    fc.constant<LearnerResponse>({ type: 'fill-in', text: 'x' }),
    q.type === 'single-choice' || q.type === 'multiple-response' ? ids(q.choices).map((choice): LearnerResponse => ({ type: 'single-choice', choice })) : fc.constant<LearnerResponse>({ type: 'single-choice', choice: 'zz' }),
  );
  return fc.oneof({ weight: 9, arbitrary: own }, { weight: 1, arbitrary: stray });
}

const atArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }).map((ms) => new Date(ms).toISOString()) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('', 'yesterday', '2026-02-30T00:00:00Z') },
);

export const recordArb = (q: QuestionData, maxText: number): fc.Arbitrary<AnswerRecord> =>
  fc.record({ response: responseArb(q, maxText), correct: fc.boolean(), attempt: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer()), at: atArb });

const submittedArb = (shared: boolean, maxText: number): fc.Arbitrary<SubmittedActivity> => {
  const sharedText = anyText(maxText).map((text): SubmittedActivity => ({ shared: true, text }));
  const done = fc.constant<SubmittedActivity>({ shared: false });
  return shared ? fc.oneof({ weight: 9, arbitrary: sharedText }, { weight: 1, arbitrary: done }) : fc.oneof({ weight: 9, arbitrary: done }, { weight: 1, arbitrary: sharedText });
};

/** A progress state for the course, with some ids the course does not know. */
export function stateArb(course: CourseData, maxText = 700): fc.Arbitrary<ProgressState> {
  const pageIds = course.pages.map((p) => p.id);
  return fc.record({
    location: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: Math.max(pageIds.length - 1, 0) }) }, { weight: 1, arbitrary: fc.double() }),
    visited: fc.oneof(fc.subarray([...pageIds, 'stray']), fc.shuffledSubarray(pageIds)),
    answers: fc.tuple(...course.questions.map((q) => fc.option(recordArb(q, maxText), { nil: undefined }))).map((records) => {
      const answers: Record<string, AnswerRecord> = {};
      records.forEach((r, i) => {
        const q = course.questions[i];
        if (r && q) answers[q.id] = r;
      });
      return answers;
    }),
    // Mostly what the session records for the activity; sometimes the other kind (a course whose
    // activity changed between private and shared since the state was saved).
    activities: fc.tuple(...course.activities.map((a) => fc.option(submittedArb(a.shared, maxText), { nil: undefined }))).map((submissions) => {
      const out: Record<string, SubmittedActivity> = {};
      submissions.forEach((submitted, i) => {
        const a = course.activities[i];
        if (submitted !== undefined && a) out[a.id] = submitted;
      });
      return out;
    }),
    completed: fc.boolean(),
  });
}
