import { describe, expect, test } from 'vitest';
import type { CourseData, PageInfo, QuestionData } from '../../components/course-data.js';
import { CourseSession } from '../../components/course-session.js';
import { parseNumber } from '../../components/question-draft.js';
import { courseScore, isCorrect } from '../../components/scoring.js';
import { seededDerangedOrder, seededShuffle } from '../../components/shuffle.js';
import type { AnswerRecord, LearnerEvent, LearnerResponse, ProgressState, TrackingAdapter } from '../../components/tracker.js';
import { parseProgressState } from '../../components/trackers/progress-codec.js';
import { brandPalette, contrastRatio } from '../../components/styles/theme-colors.js';
import { safeUrl } from '../../components/url-policy.js';

const base = { iri: 'https://example.org/c/questions/q', pageId: 'p', weight: 1, promptText: 'Q' } as const;

const single: QuestionData = {
  ...base,
  id: 'single',
  type: 'single-choice',
  choices: [
    { id: 'a', text: 'A', correct: false },
    { id: 'b', text: 'B', correct: true },
  ],
};
const multiple: QuestionData = {
  ...base,
  id: 'multiple',
  type: 'multiple-response',
  weight: 2,
  choices: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: true },
    { id: 'c', text: 'C', correct: false },
  ],
};
const trueFalse: QuestionData = { ...base, id: 'tf', type: 'true-false', answer: false };
const fillIn: QuestionData = { ...base, id: 'fill', type: 'fill-in', answers: ['sextortion', 'sexual extortion'], caseSensitive: false };
const fillInCase: QuestionData = { ...base, id: 'fill-case', type: 'fill-in', answers: ['DNA'], caseSensitive: true };
const numeric: QuestionData = { ...base, id: 'num', type: 'numeric', answer: 0.3, tolerance: 0.1 };
const exact: QuestionData = { ...base, id: 'exact', type: 'numeric', answer: 2017, tolerance: 0 };
const matching: QuestionData = {
  ...base,
  id: 'match',
  type: 'matching',
  sources: [
    { id: '1', text: 'One' },
    { id: '2', text: 'Two' },
  ],
  targets: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
    { id: 'c', text: 'Distractor' },
  ],
  pairs: [
    ['1', 'a'],
    ['2', 'b'],
  ],
};
const sequencing: QuestionData = {
  ...base,
  id: 'seq',
  type: 'sequencing',
  steps: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
    { id: 'c', text: 'C' },
  ],
};

const cases: readonly [QuestionData, LearnerResponse, boolean][] = [
  [single, { type: 'single-choice', choice: 'b' }, true],
  [single, { type: 'single-choice', choice: 'a' }, false],
  [single, { type: 'single-choice', choice: 'z' }, false],
  [multiple, { type: 'multiple-response', choices: ['b', 'a'] }, true],
  [multiple, { type: 'multiple-response', choices: ['a'] }, false],
  [multiple, { type: 'multiple-response', choices: ['a', 'b', 'c'] }, false],
  [multiple, { type: 'multiple-response', choices: ['a', 'a', 'b'] }, false],
  [trueFalse, { type: 'true-false', value: false }, true],
  [trueFalse, { type: 'true-false', value: true }, false],
  [fillIn, { type: 'fill-in', text: '  Sexual \n  EXTORTION ' }, true],
  [fillIn, { type: 'fill-in', text: 'sextortio' }, false],
  [fillIn, { type: 'fill-in', text: '   ' }, false],
  [fillInCase, { type: 'fill-in', text: ' DNA ' }, true],
  [fillInCase, { type: 'fill-in', text: 'dna' }, false],
  [numeric, { type: 'numeric', value: 0.4 }, true],
  [numeric, { type: 'numeric', value: 0.2 }, true],
  [numeric, { type: 'numeric', value: 0.41 }, false],
  [numeric, { type: 'numeric', value: Number.NaN }, false],
  [exact, { type: 'numeric', value: 2017 }, true],
  [exact, { type: 'numeric', value: 2017.5 }, false],
  [matching, { type: 'matching', pairs: [['2', 'b'], ['1', 'a']] }, true],
  [matching, { type: 'matching', pairs: [['1', 'a'], ['2', 'c']] }, false],
  [matching, { type: 'matching', pairs: [['1', 'a']] }, false],
  [sequencing, { type: 'sequencing', order: ['a', 'b', 'c'] }, true],
  [sequencing, { type: 'sequencing', order: ['b', 'a', 'c'] }, false],
  [sequencing, { type: 'sequencing', order: ['a', 'b'] }, false],
  [single, { type: 'true-false', value: true }, false],
];

describe('isCorrect', () => {
  test.each(cases)('%# %o', (question, response, expected) => {
    expect(isCorrect(question, response)).toBe(expected);
  });
});

function record(response: LearnerResponse): AnswerRecord {
  return { response, correct: false, attempt: 1, at: '2026-01-01T00:00:00.000Z' };
}

describe('courseScore', () => {
  const course = { questions: [single, multiple, trueFalse], mastery: 0.75 };

  test('is weighted and re-scores the stored responses', () => {
    const score = courseScore(course, {
      answers: {
        single: record({ type: 'single-choice', choice: 'b' }),
        multiple: record({ type: 'multiple-response', choices: ['a', 'b'] }),
        tf: record({ type: 'true-false', value: true }),
      },
    });
    expect(score).toEqual({ raw: 3, max: 4, scaled: 0.75, final: true, passed: true });
  });

  test('is not final and not passed while questions are unanswered', () => {
    const score = courseScore(course, { answers: { multiple: record({ type: 'multiple-response', choices: ['a', 'b'] }) } });
    expect(score).toMatchObject({ raw: 2, max: 4, scaled: 0.5, final: false, passed: false });
  });

  test('fails below mastery', () => {
    const score = courseScore(course, {
      answers: {
        single: record({ type: 'single-choice', choice: 'a' }),
        multiple: record({ type: 'multiple-response', choices: ['a'] }),
        tf: record({ type: 'true-false', value: false }),
      },
    });
    expect(score).toMatchObject({ raw: 1, scaled: 0.25, final: true, passed: false });
  });

  test('reaches mastery despite floating-point error', () => {
    const five = [1, 2, 3, 4, 5].map((n): QuestionData => ({ ...trueFalse, id: `q${n}` }));
    const answers = Object.fromEntries(five.map((q, i) => [q.id, record({ type: 'true-false', value: i === 4 })]));
    expect(courseScore({ questions: five, mastery: 0.8 }, { answers })).toMatchObject({ scaled: 0.8, passed: true });
  });

  test('a course without questions has nothing to fail', () => {
    expect(courseScore({ questions: [], mastery: 0.8 }, { answers: {} })).toEqual({ raw: 0, max: 0, scaled: 1, final: true, passed: true });
  });
});

describe('seeded shuffles', () => {
  test('are deterministic per seed', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(seededShuffle(items, 'q1')).toEqual(seededShuffle(items, 'q1'));
    expect([...seededShuffle(items, 'q1')].sort()).toEqual(items);
  });

  test('never show a sequence in its correct order', () => {
    for (let n = 2; n <= 6; n += 1) {
      const items = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, n);
      for (let seed = 0; seed < 200; seed += 1) expect(seededDerangedOrder(items, `seq-${seed}`)).not.toEqual(items);
    }
  });
});

describe('parseNumber', () => {
  test.each([
    ['2017', 2017],
    [' 3.5 ', 3.5],
    ['3,5', 3.5],
    ['1,000', 1000],
    ['−2', -2],
    ['٢٠١٧', 2017],
    ['٣٫٥', 3.5],
    ['.5', 0.5],
  ])('%s -> %d', (input, value) => {
    expect(parseNumber(input)).toBe(value);
  });
  test.each(['', 'twenty', '1.2.3', '12abc', 'Infinity'])('%s is not a number', (input) => {
    expect(parseNumber(input)).toBeUndefined();
  });
});

describe('safeUrl', () => {
  test.each([
    ['media/a.svg', 'media/a.svg'],
    ['#/page/heading', '#/page/heading'],
    ['https://example.org', 'https://example.org'],
    ['http://example.org', 'http://example.org'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
    ['tel:+441234', 'tel:+441234'],
    ['javascript:alert(1)', '#'],
    [' JavaScript:alert(1)', '#'],
    ['java\nscript:alert(1)', '#'],
    ['data:text/html,x', '#'],
    ['vbscript:x', '#'],
  ])('%s -> %s', (input, output) => {
    expect(safeUrl(input)).toBe(output);
  });
});

describe('parseProgressState', () => {
  test('returns undefined for missing, corrupt or misshapen data', () => {
    expect(parseProgressState(null)).toBeUndefined();
    expect(parseProgressState('{"location": 1, "visited": [tru')).toBeUndefined();
    expect(parseProgressState('[]')).toBeUndefined();
    expect(parseProgressState('{"location":0,"visited":[],"answers":{"q":{"response":{"type":"nope"}}},"activities":{},"completed":false}')).toBeUndefined();
  });
  test('round-trips a valid state', () => {
    const state: ProgressState = {
      location: 1,
      visited: ['p'],
      answers: { single: { ...record({ type: 'single-choice', choice: 'b' }), correct: true } },
      activities: { act: { shared: true, text: 'text' }, quiet: { shared: false } },
      completed: false,
    };
    expect(parseProgressState(JSON.stringify(state))).toEqual(state);
  });
  test('reads a reflection saved as plain text (before activities could be private) as done, without its text', () => {
    const saved = '{"location":0,"visited":[],"answers":{},"activities":{"act":"an old private reflection"},"completed":false}';
    expect(parseProgressState(saved)?.activities).toEqual({ act: { shared: false } });
  });
});

describe('CourseSession events', () => {
  const course: CourseData = {
    id: 'https://example.org/c',
    title: 'C',
    description: '',
    language: 'en',
    dir: 'ltr',
    version: '1',
    authors: [],
    license: '',
    mastery: 0.5,
    completion: { pages: 1, questions: 'all' },
    scorm12Status: 'completed-incomplete',
    theme: { accent: '#3b5ba9', font: 'sans' },
    pages: [
      { id: 'p', iri: 'https://example.org/c/pages/p', title: 'P', index: 0, objectives: [], questions: ['single', 'tf'], activities: [], headings: [] },
    ],
    questions: [{ ...single, pageId: 'p' }, { ...trueFalse, pageId: 'p' }],
    activities: [],
    glossary: [],
    parts: [],
  };

  function fakeAdapter(saved?: ProgressState): TrackingAdapter & { events: LearnerEvent[] } {
    const events: LearnerEvent[] = [];
    return { events, saving: true, resume: () => Promise.resolve(saved), record: (event) => void events.push(event) };
  }

  test('reports launch, views, answers, score and completion once', async () => {
    const adapter = fakeAdapter();
    const session = new CourseSession({ course, adapter, onChange: () => undefined });
    await session.start();
    const page = course.pages[0];
    if (page === undefined) throw new Error('fixture');
    session.viewPage(page);
    const [q1, q2] = course.questions as [QuestionData, QuestionData];
    session.questionAnswered(q1, { type: 'single-choice', choice: 'a' }, 1200);
    session.questionAnswered(q2, { type: 'true-false', value: false }, 500);
    const retry = session.questionAnswered(q1, { type: 'single-choice', choice: 'b' }, 3000);
    expect(retry).toMatchObject({ correct: true, attempt: 2 });
    session.leave();
    expect(adapter.events.map((event) => event.kind)).toEqual([
      'launched',
      'page-viewed',
      'progressed',
      'question-answered',
      'progressed',
      'question-answered',
      'progressed',
      'scored',
      'completed',
      'question-answered',
      'scored',
      'exited',
    ]);
    const completed = adapter.events.find((event) => event.kind === 'completed');
    expect(completed).toMatchObject({ score: { raw: 1, max: 2, final: true, passed: true } });
    expect(adapter.events.at(-2)).toMatchObject({ kind: 'scored', score: { raw: 2, scaled: 1 } });
  });

  test('resumes saved progress, then reports a suspend and the exit when leaving unfinished', async () => {
    const adapter = fakeAdapter({ location: 5, visited: ['p', 'gone'], answers: {}, activities: {}, completed: false });
    const session = new CourseSession({ course, adapter, onChange: () => undefined });
    await expect(session.start()).resolves.toBe(0);
    expect(session.state.visited).toEqual(['p']);
    session.leave();
    expect(adapter.events.map((event) => event.kind)).toEqual(['launched', 'resumed', 'suspended', 'exited']);
    expect(adapter.events[0]).toEqual({ kind: 'launched', resumed: true });
    expect(adapter.events[1]).toEqual({ kind: 'resumed', location: 0 });
    session.leave();
    expect(adapter.events).toHaveLength(4);
  });

  test('reports progress on every page view that moves it, 1 exactly with completion, and not again after a resume', async () => {
    const pages: PageInfo[] = ['a', 'b', 'c'].map((id, index) => ({ id, iri: `https://example.org/c/pages/${id}`, title: id, index, objectives: [], questions: [], activities: [], headings: [] }));
    const reading: CourseData = { ...course, completion: { pages: 1, questions: 'none' }, pages, questions: [] };
    const adapter = fakeAdapter();
    const session = new CourseSession({ course: reading, adapter, onChange: () => undefined });
    await session.start();
    const [a, b, c] = pages as [PageInfo, PageInfo, PageInfo];
    for (const page of [a, b, a, c]) session.viewPage(page);
    const progressed = adapter.events.flatMap((event) => (event.kind === 'progressed' ? [event.progress] : []));
    expect(progressed).toEqual([1 / 3, 2 / 3, 1]);
    expect(adapter.events.map((event) => event.kind).slice(-2)).toEqual(['progressed', 'completed']);
    const again = fakeAdapter({ ...session.state, completed: false, visited: ['a', 'b'], location: 1 });
    const resumed = new CourseSession({ course: reading, adapter: again, onChange: () => undefined });
    await resumed.start();
    resumed.viewPage(b);
    expect(again.events.filter((event) => event.kind === 'progressed')).toEqual([]);
    resumed.viewPage(c);
    expect(again.events.filter((event) => event.kind === 'progressed')).toEqual([{ kind: 'progressed', progress: 1 }]);
  });

  test('a reflection or an equal retry after the last answer sends no second scored event', async () => {
    const adapter = fakeAdapter();
    const session = new CourseSession({ course, adapter, onChange: () => undefined });
    await session.start();
    const [q1, q2] = course.questions as [QuestionData, QuestionData];
    session.questionAnswered(q1, { type: 'single-choice', choice: 'b' }, 100);
    session.questionAnswered(q2, { type: 'true-false', value: false }, 100);
    session.questionAnswered(q1, { type: 'single-choice', choice: 'b' }, 100);
    const reflection = { id: 'r', kind: 'reflection' as const, iri: 'https://example.org/c/activities/r', pageId: 'p', title: 'R', promptText: 'Reflect.', hasDiscussion: false, shared: false };
    session.activitySubmitted(reflection, 'A reflection.');
    expect(adapter.events.filter((event) => event.kind === 'scored')).toHaveLength(1);
    session.questionAnswered(q1, { type: 'single-choice', choice: 'a' }, 100);
    expect(adapter.events.filter((event) => event.kind === 'scored')).toHaveLength(2);
  });
});

describe('brandPalette', () => {
  test.each(['#5b2a86', '#ffcc00', '#000000', '#ffffff', '#3b5ba9', '#0b6e4f', 'red'])('%s stays readable', (accent) => {
    const palette = brandPalette({ accent });
    for (const surface of ['#ffffff', '#e6e6e6', '#fff5d6']) expect(contrastRatio(palette.accentText, surface)).toBeGreaterThanOrEqual(4.5);
    for (const surface of ['#121212', '#1f1f24', '#332a0f', '#3a3a3a']) {
      expect(contrastRatio(palette.accentTextDark, surface)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(palette.onAccent, palette.accent)).toBeGreaterThanOrEqual(4.5);
  });
});

