/**
 * A sample-like course with all seven question types and a reflection, a fake browser window
 * (frames, lifecycle events) and a scripted learner driving the real CourseSession.
 */
import type { CourseData, PageInfo, QuestionData } from '../../../../components/course-data.js';
import { CourseSession } from '../../../../components/course-session.js';
import type { LearnerResponse, TrackingAdapter } from '../../../../components/tracker.js';

const ID = 'https://example.org/courses/sample';

function page(index: number, id: string, questions: string[], activities: string[] = []): PageInfo {
  return { id, iri: `${ID}/pages/${id}`, title: `Page ${id}`, index, objectives: [], questions, activities, headings: [] };
}

const base = (id: string, pageId: string, weight = 1) => ({ id, iri: `${ID}/questions/${id}`, pageId, weight, promptText: `Prompt of ${id}, with "quotes" & ümlauts` });

export const QUESTIONS: readonly QuestionData[] = [
  {
    ...base('q-single', 'basics'),
    type: 'single-choice',
    choices: [
      { id: 'a', text: 'One', correct: false },
      { id: 'b', text: 'Two', correct: true },
      { id: 'c', text: 'Three', correct: false },
    ],
  },
  {
    ...base('q-multi', 'basics', 2),
    type: 'multiple-response',
    choices: [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: false },
      { id: 'c', text: 'C', correct: true },
    ],
  },
  { ...base('q-tf', 'basics'), type: 'true-false', answer: true },
  { ...base('q-fill', 'words'), type: 'fill-in', answers: ['Paris', 'Lutetia'], caseSensitive: true },
  { ...base('q-num', 'words'), type: 'numeric', answer: 3, tolerance: 0.1, unit: 'm' },
  {
    ...base('q-match', 'order'),
    type: 'matching',
    sources: [
      { id: '1', text: 'Dog' },
      { id: '2', text: 'Cat' },
    ],
    targets: [
      { id: 'a', text: 'Bark' },
      { id: 'b', text: 'Meow' },
      { id: 'c', text: 'Moo' },
    ],
    pairs: [
      ['1', 'a'],
      ['2', 'b'],
    ],
  },
  {
    ...base('q-seq', 'order'),
    type: 'sequencing',
    steps: [
      { id: 'a', text: 'First' },
      { id: 'b', text: 'Second' },
      { id: 'c', text: 'Third' },
    ],
  },
];

export const RIGHT: Readonly<Record<string, LearnerResponse>> = {
  'q-single': { type: 'single-choice', choice: 'b' },
  'q-multi': { type: 'multiple-response', choices: ['a', 'c'] },
  'q-tf': { type: 'true-false', value: true },
  'q-fill': { type: 'fill-in', text: 'Paris' },
  'q-num': { type: 'numeric', value: 3.05 },
  'q-match': { type: 'matching', pairs: [['1', 'a'], ['2', 'b']] },
  'q-seq': { type: 'sequencing', order: ['a', 'b', 'c'] },
};

export const WRONG: Readonly<Record<string, LearnerResponse>> = {
  'q-single': { type: 'single-choice', choice: 'a' },
  'q-multi': { type: 'multiple-response', choices: ['b'] },
  'q-tf': { type: 'true-false', value: false },
  'q-fill': { type: 'fill-in', text: 'x'.repeat(300) },
  'q-num': { type: 'numeric', value: 1e-7 },
  'q-match': { type: 'matching', pairs: [['1', 'c'], ['2', 'a']] },
  'q-seq': { type: 'sequencing', order: ['c', 'b', 'a'] },
};

export function sampleCourse(overrides: Partial<CourseData> = {}): CourseData {
  return {
    id: ID,
    title: 'Sample',
    description: 'A sample course',
    language: 'en',
    dir: 'ltr',
    version: '1.0.0',
    authors: [],
    license: 'CC-BY-4.0',
    mastery: 0.8,
    completion: { pages: 1, questions: 'all' },
    scorm12Status: 'passed-failed',
    theme: { accent: '#0055aa', font: 'sans' },
    pages: [
      page(0, 'intro', []),
      page(1, 'basics', ['q-single', 'q-multi', 'q-tf']),
      page(2, 'words', ['q-fill', 'q-num'], ['reflect', 'private-note', 'talk']),
      page(3, 'order', ['q-match', 'q-seq']),
    ],
    questions: QUESTIONS,
    activities: [
      { id: 'reflect', kind: 'reflection', iri: `${ID}/activities/reflect`, pageId: 'words', title: 'Reflect', promptText: 'What did you learn?', hasDiscussion: false, shared: true },
      { id: 'private-note', kind: 'reflection', iri: `${ID}/activities/private-note`, pageId: 'words', title: 'Note to self', promptText: 'How do you feel?', hasDiscussion: false, shared: false },
      { id: 'talk', kind: 'video', iri: `${ID}/activities/talk`, pageId: 'words', title: 'A short talk', promptText: 'A short talk', hasDiscussion: false, shared: false },
    ],
    glossary: [],
    parts: [],
    ...overrides,
  };
}

/** A course without questions: 1.2 reports `completed`, never a score. */
export function readingCourse(): CourseData {
  const course = sampleCourse();
  return sampleCourse({ pages: course.pages.map((p) => ({ ...p, questions: [], activities: [] })), questions: [], activities: [], completion: { pages: 1, questions: 'none' } });
}

/** A window (or frame) with lifecycle events, a document and frame links. */
export class FakeWindow extends EventTarget {
  parent: unknown = this;
  top: unknown = this;
  opener: unknown = null;
  readonly document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  [key: string]: unknown;

  hide(): void {
    this.document.visibilityState = 'hidden';
    this.document.dispatchEvent(new Event('visibilitychange'));
  }

  pagehide(persisted = false): void {
    this.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
  }
}

/** A learner: starts the session and answers with `responses`, page by page. */
/** What the scripted learner writes in private activities: it must appear in no LMS call. */
export const PRIVATE_TEXT = 'Secret thoughts. ';

export async function playCourse(
  course: CourseData,
  adapter: TrackingAdapter,
  options: { readonly responses?: Readonly<Record<string, LearnerResponse>>; readonly stopAfterPage?: number } = {},
): Promise<CourseSession> {
  const session = new CourseSession({ course, adapter, onChange: () => undefined });
  await session.start();
  for (const p of course.pages) {
    session.viewPage(p);
    for (const id of p.questions) {
      const question = course.questions.find((q) => q.id === id);
      const response = (options.responses ?? RIGHT)[id];
      if (question !== undefined && response !== undefined) session.questionAnswered(question, response, 3250);
    }
    for (const id of p.activities) {
      const activity = course.activities.find((a) => a.id === id);
      if (activity !== undefined) session.activitySubmitted(activity, (activity.shared ? 'I learned a lot. ' : PRIVATE_TEXT).repeat(30));
    }
    if (options.stopAfterPage === p.index) break;
  }
  return session;
}
