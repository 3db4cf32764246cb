import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../../../components/course-data.js';
import { decodeProgress, encodeProgress, normalizeProgress, SCORM12_SUSPEND_BUDGET, worstCaseLength } from '../../../../components/runtime/resume/progress-codec.js';
import type { AnswerRecord, LearnerResponse, ProgressState } from '../../../../components/tracker.js';
import { readCourseFolder } from '../../../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../../../scripts/pipeline.js';
import { courseArb, stateArb } from './arbitraries.js';
import { referenceNormalize } from './reference-normalize.js';

const ALPHABET = /^[0-9A-Za-z._~*()!'-]*$/;
const seed = 20261123;

let course: CourseData;
beforeAll(async () => {
  const model = checkCourse(await readCourseFolder('course')).model;
  if (!model) throw new Error('the sample course does not check');
  course = model.data;
});

/** The longest response each question can take, for worst-case checks. */
function maxResponse(q: CourseData['questions'][number]): LearnerResponse {
  switch (q.type) {
    case 'single-choice':
      return { type: 'single-choice', choice: q.choices.at(-1)?.id ?? '' };
    case 'multiple-response':
      return { type: 'multiple-response', choices: q.choices.map((c) => c.id) };
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'fill-in':
      return { type: 'fill-in', text: '\u0800'.repeat(400) };
    case 'numeric':
      return { type: 'numeric', value: -0.0000012345678901234567 };
    case 'matching':
      return { type: 'matching', pairs: q.sources.map((s) => [s.id, q.targets.at(-1)?.id ?? ''] as const) };
    case 'sequencing':
      return { type: 'sequencing', order: [...q.steps].reverse().map((s) => s.id) };
  }
}

export function maximalState(c: CourseData): ProgressState {
  const answers: Record<string, AnswerRecord> = {};
  c.questions.forEach((q, i) => {
    answers[q.id] = { response: maxResponse(q), correct: true, attempt: 9999, at: new Date((i === 0 ? 0 : 4e10 + 6e7) * 1000).toISOString() };
  });
  return {
    location: c.pages.length - 1,
    visited: c.pages.map((p) => p.id),
    answers,
    activities: Object.fromEntries(c.activities.map((a) => [a.id, { shared: true, text: '\u0800'.repeat(600) }])),
    completed: true,
  };
}

function typicalState(c: CourseData): ProgressState {
  const answers: Record<string, AnswerRecord> = {};
  const start = Date.parse('2026-11-23T09:00:00.000Z');
  c.questions.forEach((q, i) => {
    const r = maxResponse(q);
    const response: LearnerResponse = r.type === 'fill-in' ? { type: 'fill-in', text: 'sextortion' } : r.type === 'numeric' ? { type: 'numeric', value: 42 } : r;
    answers[q.id] = { response, correct: i % 3 !== 0, attempt: 1 + (i % 2), at: new Date(start + i * 95_000).toISOString() };
  });
  const reflection = 'I would talk to someone I trust, keep the evidence and report the account to the platform. ';
  return {
    location: Math.floor(c.pages.length / 2),
    visited: c.pages.slice(0, Math.ceil(c.pages.length / 2) + 1).map((p) => p.id),
    answers,
    activities: Object.fromEntries(c.activities.map((a) => [a.id, { shared: true, text: reflection.repeat(2).trim() }])),
    completed: false,
  };
}

describe('progress codec on the sample course', () => {
  it('round-trips a typical and a maximal state and stays within the worst case', () => {
    for (const state of [typicalState(course), maximalState(course)]) {
      const text = encodeProgress(state, course);
      expect(text).toMatch(ALPHABET);
      expect(text.startsWith('cm1.')).toBe(true);
      expect(text.length).toBeLessThanOrEqual(worstCaseLength(course));
      expect(decodeProgress(text, course)).toEqual({ ok: true, state: referenceNormalize(state, course) });
      expect(normalizeProgress(state, course)).toEqual(referenceNormalize(state, course));
    }
    const typical = encodeProgress(typicalState(course), course);
    console.info(`sample course: ${course.pages.length} pages, ${course.questions.length} questions, ${course.activities.length} activities; worst case ${worstCaseLength(course)}, maximal ${encodeProgress(maximalState(course), course).length}, typical ${typical.length}, empty ${encodeProgress({ location: 0, visited: [], answers: {}, activities: {}, completed: false }, course).length}`);
    expect(typical.length).toBeLessThan(SCORM12_SUSPEND_BUDGET);
  });

  it('keeps the documented losses only', () => {
    const q = course.questions[0];
    if (!q) throw new Error('no question');
    const state: ProgressState = {
      location: 1,
      visited: [course.pages[2]?.id ?? '', course.pages[0]?.id ?? '', 'gone'],
      answers: { [q.id]: { response: maxResponse(q), correct: true, attempt: 2, at: '2026-11-23T21:53:03.123Z' }, gone: { response: { type: 'true-false', value: true }, correct: true, attempt: 1, at: '' } },
      activities: {},
      completed: false,
    };
    const decoded = decodeProgress(encodeProgress(state, course), course);
    expect(decoded.ok && decoded.state.visited).toEqual([course.pages[0]?.id, course.pages[2]?.id]);
    expect(decoded.ok && decoded.state.answers[q.id]?.at).toBe('2026-11-23T21:53:03.000Z');
    expect(decoded.ok && Object.keys(decoded.state.answers)).toEqual([q.id]);
  });

  it('rejects a state saved by another course structure, another version and non-ASCII', () => {
    const text = encodeProgress(typicalState(course), course);
    const other: CourseData = { ...course, questions: course.questions.slice(1) };
    expect(decodeProgress(text, other).ok).toBe(false);
    expect(decodeProgress(text.replace('cm1.', 'cm2.'), course)).toMatchObject({ ok: false });
    expect(decodeProgress(`${text}é`, course).ok).toBe(false);
    expect(decodeProgress('', course).ok).toBe(false);
  });
});

describe('progress codec properties', () => {
  it('(a) output is ASCII from the alphabet and within worstCaseLength for random courses and states', () => {
    fc.assert(
      fc.property(courseArb().chain((c) => fc.tuple(fc.constant(c), stateArb(c))), ([c, state]) => {
        const text = encodeProgress(state, c);
        expect(text).toMatch(ALPHABET);
        expect(text.length).toBeLessThanOrEqual(worstCaseLength(c));
        expect(encodeProgress(maximalState(c), c).length).toBeLessThanOrEqual(worstCaseLength(c));
      }),
      { numRuns: 2000, seed },
    );
    // Up to 500 pages and 300 questions a course, 2000 times: minutes of CPU on a busy 2-core machine.
  }, 400_000);

  it('(b) decode(encode(s)) equals s after the documented losses (an independent oracle), and they are idempotent', () => {
    fc.assert(
      fc.property(courseArb(60, 40, 6).chain((c) => fc.tuple(fc.constant(c), stateArb(c))), ([c, state]) => {
        const normal = referenceNormalize(state, c);
        expect(decodeProgress(encodeProgress(state, c), c)).toEqual({ ok: true, state: normal });
        expect(referenceNormalize(normal, c)).toEqual(normal);
        expect(encodeProgress(normal, c)).toBe(encodeProgress(state, c));
      }),
      { numRuns: 2000, seed },
    );
  }, 120_000);

  it('(d) a private activity keeps only that it was done: its text is never encoded, whatever the state holds', () => {
    const secret = 'onlythelearnerknowsthis';
    fc.assert(
      fc.property(courseArb(10, 5, 4), (c) => {
        const state: ProgressState = {
          location: 0,
          visited: [],
          answers: {},
          activities: Object.fromEntries(c.activities.map((a) => [a.id, { shared: true, text: `${secret} ${a.id}` }])),
          completed: false,
        };
        const text = encodeProgress(state, c);
        const decoded = decodeProgress(text, c);
        for (const a of c.activities) {
          expect(text.includes(`${secret}_${a.id}`)).toBe(a.shared);
          expect(decoded.ok && decoded.state.activities[a.id]).toEqual(a.shared ? { shared: true, text: `${secret} ${a.id}` } : { shared: false });
        }
      }),
      { numRuns: 300, seed },
    );
  });

  it('(c) decode never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(courseArb(20, 10, 3), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((s) => `cm1.${s}`), fc.stringMatching(/^cm1\.[0-9a-z]\.[0-9a-v]*\.[01]\.[0-9a-z]*\.[0-9a-z*!_~-]*\.[0-9a-z*!_~-]*\.[0-9a-z]{7}$/)), (c, text) => {
        const result = decodeProgress(text, c);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000, seed },
    );
  });

  it('(c) every truncation decodes to ok:false or a valid state; every single-character substitution to ok:false', () => {
    const chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._~*()!'-";
    fc.assert(
      fc.property(courseArb(30, 15, 3).chain((c) => fc.tuple(fc.constant(c), stateArb(c, 40))), fc.nat(), ([c, state], pick) => {
        const text = encodeProgress(state, c);
        for (let n = 0; n < text.length; n++) {
          const result = decodeProgress(text.slice(0, n), c);
          if (result.ok) expect(encodeProgress(result.state, c)).toBe(text.slice(0, n));
        }
        for (let i = 0; i < text.length; i++) {
          const original = text.charAt(i);
          const replacement = chars.charAt((chars.indexOf(original) + 1 + (pick % (chars.length - 1))) % chars.length);
          expect(decodeProgress(text.slice(0, i) + replacement + text.slice(i + 1), c).ok).toBe(false);
          expect(decodeProgress(text.slice(0, i) + text.slice(i + 1), c).ok).toBe(false);
        }
      }),
      { numRuns: 2000, seed },
    );
  }, 120_000);
});
