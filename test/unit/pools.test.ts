// Question pools: the draw, the resume state, the score of attempts, "Try again" and the session's events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CourseData, PageInfo, PoolData, QuestionData } from '../../components/course-data.js';
import { CourseSession } from '../../components/course-session.js';
import { canRetry, currentAnswer, drawPool, withDraws, withRetry } from '../../components/pools.js';
import { allQuestionsAnswered, pageStatus, progressOf } from '../../components/progress.js';
import { decodeProgress, encodeProgress, normalizeProgress, worstCaseLength } from '../../components/runtime/resume/progress-codec.js';
import { mergeProgress } from '../../components/runtime/resume/merge-progress.js';
import { interactionId, interactionRecord, questionOfInteraction } from '../../components/runtime/scorm/interaction-record.js';
import { createStatementEmitter } from '../../components/runtime/statements/statement-emitter.js';
import { EXTENSIONS, VERBS } from '../../components/runtime/vocabulary.js';
import { courseScore } from '../../components/scoring.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';
import type { AnswerRecord, LearnerEvent, ProgressState, TrackingAdapter } from '../../components/tracker.js';

const COURSE = 'https://example.org/courses/pools';
const AT = '2026-03-01T10:00:00.000Z';

function question(id: string, pageId: string, extra: Partial<QuestionData> = {}): QuestionData {
  return { id, iri: `${COURSE}/questions/${id}`, pageId, weight: 1, promptText: id, type: 'true-false', answer: true, ...extra } as QuestionData;
}

function poolOf(size: number, over: Partial<PoolData> = {}, tags: readonly string[] = []): { pool: PoolData; questions: QuestionData[] } {
  const questions = Array.from({ length: size }, (_, i) => question(`q${i}`, 'check', { poolId: 'final', attempts: 1, ...(tags[i] === undefined ? {} : { tag: tags[i] }) }));
  const pool: PoolData = { id: 'final', iri: `${COURSE}/pools/final`, pageId: 'check', title: 'Final check', questions: questions.map((q) => q.id), draw: size, stratify: false, retries: 0, counts: 'last', ...over };
  return { pool, questions };
}

function courseWith(pool: PoolData, questions: readonly QuestionData[], extra: readonly QuestionData[] = []): CourseData {
  const pages: PageInfo[] = [
    { id: 'intro', iri: `${COURSE}/pages/intro`, title: 'Intro', index: 0, objectives: [], questions: extra.map((q) => q.id), activities: [], headings: [] },
    { id: 'check', iri: `${COURSE}/pages/check`, title: 'Check', index: 1, objectives: [], questions: questions.map((q) => q.id), activities: [], headings: [] },
  ];
  return {
    id: COURSE, title: 'Pools', description: '', language: 'en', dir: 'ltr', version: '1', authors: [], license: '', mastery: 0.8,
    completion: { pages: 1, questions: 'all' }, scorm12Status: 'completed-incomplete', theme: { accent: '#000000', font: 'sans' },
    pages, questions: [...extra, ...questions], pools: [pool], activities: [], glossary: [], parts: [],
  };
}

const answer = (value: boolean, round: number, attempt = 1): AnswerRecord => ({ response: { type: 'true-false', value }, correct: value, attempt, at: AT, round });
const empty: ProgressState = { location: 0, visited: [], answers: {}, activities: {}, completed: false };

/** A state where every drawn question of the attempt under way is answered: right for the first `right` of them. */
function answered(state: ProgressState, course: CourseData, right: number): ProgressState {
  const progress = state.pools?.['final'];
  if (progress === undefined) throw new Error('no draw');
  const answers = { ...state.answers };
  progress.drawn.forEach((id, i) => {
    answers[id] = answer(i < right, progress.attempt);
  });
  return { ...state, answers };
}

describe('drawPool', () => {
  const poolArb = fc
    .record({ size: fc.integer({ min: 1, max: 30 }), tags: fc.array(fc.constantFrom('law', 'support', 'myths', undefined), { minLength: 30, maxLength: 30 }), stratify: fc.boolean(), seed: fc.string() })
    .chain(({ size, tags, stratify, seed }) => fc.integer({ min: 1, max: size }).map((draw) => ({ ...poolOf(size, { draw, stratify }, tags.map((tag) => tag ?? '')), seed })));

  it('is a subset of the pool of the right size, in the pool\'s order, the same for the same seed (property)', () => {
    fc.assert(
      fc.property(poolArb, ({ pool, questions, seed }) => {
        const drawn = drawPool(pool, questions, seed);
        expect(drawn).toHaveLength(pool.draw);
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(drawn.every((id) => pool.questions.includes(id))).toBe(true);
        expect(drawn).toEqual(pool.questions.filter((id) => drawn.includes(id)));
        expect(drawPool(pool, questions, seed)).toEqual(drawn);
      }),
    );
  });

  it('stratified, takes each tag\'s share: groups differ by at most one unless a group ran out (property)', () => {
    fc.assert(
      fc.property(poolArb, ({ pool, questions, seed }) => {
        const stratified = { ...pool, stratify: true };
        const drawn = new Set(drawPool(stratified, questions, seed));
        const groups = new Map<string, { taken: number; size: number }>();
        for (const q of questions) {
          const group = groups.get(q.tag ?? '') ?? { taken: 0, size: 0 };
          groups.set(q.tag ?? '', { taken: group.taken + (drawn.has(q.id) ? 1 : 0), size: group.size + 1 });
        }
        const open = [...groups.values()].filter((group) => group.taken < group.size).map((group) => group.taken);
        const most = Math.max(...[...groups.values()].map((group) => group.taken));
        // A group with questions left never has fewer than the fullest group minus one.
        expect(open.every((taken) => taken >= most - 1)).toBe(true);
      }),
    );
  });

  it('draws differently for different seeds (5 of 20: not always the same set)', () => {
    const { pool, questions } = poolOf(20, { draw: 5 });
    const draws = new Set(Array.from({ length: 20 }, (_, i) => drawPool(pool, questions, `seed-${i}`).join()));
    expect(draws.size).toBeGreaterThan(15);
  });
});

describe('the resume state of a pool', () => {
  const stateArb = fc
    .record({ size: fc.integer({ min: 1, max: 40 }), retries: fc.integer({ min: 0, max: 40 }), counts: fc.constantFrom<'last' | 'best'>('last', 'best'), seed: fc.string(), right: fc.nat(40), best: fc.boolean() })
    .chain(({ size, retries, counts, seed, right, best }) =>
      fc.record({ draw: fc.integer({ min: 1, max: size }), attempt: fc.integer({ min: 1, max: retries + 1 }) }).map(({ draw, attempt }) => {
        const { pool, questions } = poolOf(size, { draw, retries, counts });
        const course = courseWith(pool, questions);
        const drawn = drawPool(pool, questions, seed);
        const kept = best && counts === 'best' ? { drawn: drawPool(pool, questions, `${seed}!`), correct: drawn.slice(0, 1).filter((id) => pool.questions.includes(id)) } : undefined;
        const state: ProgressState = { ...empty, pools: { final: { attempt, drawn, ...(kept === undefined ? {} : { best: { drawn: kept.drawn, correct: kept.drawn.slice(0, Math.min(right, kept.drawn.length)) } }) } } };
        // Answers of this attempt, and a stale one of an earlier attempt that must not come back.
        const answers: Record<string, AnswerRecord> = {};
        drawn.forEach((id, i) => {
          if (i % 2 === 0) answers[id] = answer(i < right, attempt);
        });
        const stale = questions.find((q) => !drawn.includes(q.id));
        if (stale !== undefined && attempt > 1) answers[stale.id] = answer(true, attempt - 1);
        return { course, state: { ...state, answers } };
      }),
    );

  it('decodes to the same draw, attempt and answers, keeps only the attempt under way, and stays within the worst case (property)', () => {
    fc.assert(
      fc.property(stateArb, ({ course, state }) => {
        const text = encodeProgress(state, course);
        expect(text.length).toBeLessThanOrEqual(worstCaseLength(course));
        const decoded = decodeProgress(text, course);
        if (!decoded.ok) throw new Error(decoded.reason);
        expect(decoded.state.pools).toEqual(state.pools);
        const current = Object.fromEntries(Object.entries(state.answers).filter(([id]) => state.pools?.['final']?.drawn.includes(id)));
        expect(Object.keys(decoded.state.answers).sort()).toEqual(Object.keys(current).sort());
        for (const [id, record] of Object.entries(current)) expect(decoded.state.answers[id]).toMatchObject({ correct: record.correct, attempt: record.attempt, round: record.round });
        // Encoding again gives the same text (the state is stable across encode and decode).
        expect(encodeProgress(decoded.state, course)).toBe(text);
        expect(normalizeProgress(decoded.state, course)).toEqual(decoded.state);
      }),
      { numRuns: 300 },
    );
  });

  it('a course without pools keeps its old eight-part format; one with pools refuses a state without them', () => {
    const { pool, questions } = poolOf(3);
    const pooled = courseWith(pool, questions);
    const { pools: _pools, ...plain } = pooled;
    const plainText = encodeProgress(empty, { ...plain, questions: questions.map(({ poolId: _poolId, ...q }) => q as QuestionData) });
    expect(plainText.split('.')).toHaveLength(8);
    expect(encodeProgress(empty, pooled).split('.')).toHaveLength(9);
    expect(decodeProgress(plainText, pooled).ok).toBe(false);
  });
});

describe('attempts and retries', () => {
  it('a failed attempt with retries left is not final; "Try again" draws anew and clears the attempt\'s answers; a pass ends it', () => {
    const { pool, questions } = poolOf(6, { draw: 3, retries: 2 });
    const course = courseWith(pool, questions);
    let state = withDraws(course, empty, () => 'one');
    expect(state.pools?.['final']).toMatchObject({ attempt: 1 });
    expect(state.pools?.['final']?.drawn).toHaveLength(3);
    state = answered(state, course, 1);
    expect(courseScore(course, state)).toMatchObject({ raw: 1, max: 3, final: false, passed: false });
    expect(canRetry(course, pool, state, course.mastery)).toBe(true);
    expect(allQuestionsAnswered(course, state)).toBe(true);
    state = withRetry(course, state, pool, 'two');
    expect(state.pools?.['final']?.attempt).toBe(2);
    expect(Object.keys(state.answers)).toEqual([]);
    // Completion counts the pool as answered once an attempt was finished; the score waits for this attempt.
    expect(allQuestionsAnswered(course, state)).toBe(true);
    expect(courseScore(course, state)).toMatchObject({ final: false });
    state = answered(state, course, 3);
    expect(courseScore(course, state)).toEqual({ raw: 3, max: 3, scaled: 1, final: true, passed: true });
    expect(canRetry(course, pool, state, course.mastery)).toBe(false);
  });

  it('the last attempt below the pass mark is final and failed; counts: best keeps the better earlier attempt', () => {
    const { pool, questions } = poolOf(4, { draw: 2, retries: 1, counts: 'best' });
    const course = courseWith(pool, questions);
    let state = answered(withDraws(course, empty, () => 'a'), course, 1);
    state = withRetry(course, state, pool, 'b');
    expect(state.pools?.['final']?.best?.correct).toHaveLength(1);
    // While the second attempt is under way, the first one counts, and nothing is final yet.
    expect(courseScore(course, state)).toMatchObject({ raw: 1, max: 2, final: false, passed: false });
    state = answered(state, course, 0);
    expect(canRetry(course, pool, state, course.mastery)).toBe(false);
    expect(courseScore(course, state)).toEqual({ raw: 1, max: 2, scaled: 0.5, final: true, passed: false });
    const last = courseWith({ ...pool, counts: 'last' }, questions);
    let other = withRetry(last, answered(withDraws(last, empty, () => 'a'), last, 1), { ...pool, counts: 'last' }, 'b');
    other = answered(other, last, 0);
    expect(courseScore(last, other)).toMatchObject({ raw: 0, final: true, passed: false });
  });

  it('an answer from an earlier attempt is history: not shown, not scored, not restored by a merge', () => {
    const { pool, questions } = poolOf(2, { retries: 1 });
    const course = courseWith(pool, questions);
    const first = answered(withDraws(course, empty, () => 'a'), course, 0);
    const second = withRetry(course, first, pool, 'b');
    // The LRS still holds the first attempt; this page holds the second: the merge keeps the second.
    const merged = mergeProgress(first, second);
    expect(merged.pools?.['final']?.attempt).toBe(2);
    for (const q of questions) expect(currentAnswer(q, merged)).toBeUndefined();
    expect(progressOf(course, merged)).toBeGreaterThan(0);
  });

  it('keeps a saved draw that fits, and draws again when the author changed the pool', () => {
    const { pool, questions } = poolOf(5, { draw: 2, retries: 1 });
    const course = courseWith(pool, questions);
    const saved = withDraws(course, empty, () => 'x');
    expect(withDraws(course, saved, () => 'y').pools).toEqual(saved.pools);
    const bigger = courseWith({ ...pool, draw: 3 }, questions);
    expect(withDraws(bigger, saved, () => 'y').pools?.['final']?.drawn).toHaveLength(3);
  });
});

describe('what targets receive', () => {
  it('a later attempt\'s interaction id names the attempt; xAPI carries the attempt in a context extension', () => {
    const { pool, questions } = poolOf(2, { retries: 1 });
    const course = courseWith(pool, questions);
    const q = questions[0] as QuestionData;
    const event: LearnerEvent = { kind: 'question-answered', question: q, answer: answer(true, 2), latencyMs: 10 };
    expect(interactionRecord(event, AT)?.id).toBe('q0_attempt-2');
    expect(interactionId('q0', 1)).toBe('q0');
    expect(questionOfInteraction('q0_attempt-12')).toBe('q0');
    const emitter = createStatementEmitter({ course, actor: { mbox: 'mailto:a@example.org' }, rootId: COURSE, now: () => 0, uuid: () => '00000000-0000-4000-8000-000000000000' });
    expect(emitter.statementFor(event)?.context?.extensions).toEqual({ [EXTENSIONS.poolAttempt]: 2 });
    const retried = emitter.statementFor({ kind: 'pool-retried', pool, attempt: 2 });
    expect(retried?.verb.id).toBe(VERBS.attempted);
    expect(retried?.object).toMatchObject({ id: pool.iri });
  });

  it('the session records a retry, no failed while a retry is open, and one pass after it', async () => {
    const { pool, questions } = poolOf(4, { draw: 2, retries: 1 });
    const course = courseWith(pool, questions);
    const events: LearnerEvent[] = [];
    const adapter: TrackingAdapter = { saving: true, resume: () => Promise.resolve(undefined), record: (event) => void events.push(event) };
    let seeds = 0;
    const session = new CourseSession({ course, adapter, onChange: () => undefined, seed: () => `s${(seeds += 1)}` });
    await session.start();
    const drawnNow = (): QuestionData[] => (session.poolFor('final')?.drawn ?? []).map((id) => questions.find((q) => q.id === id) as QuestionData);
    for (const q of drawnNow()) expect(session.questionAnswered(q, { type: 'true-false', value: false }, 5)).toMatchObject({ round: 1, attempt: 1 });
    expect(session.poolFor('final')).toMatchObject({ attempt: 1, canRetry: true, result: { finished: true, raw: 0 } });
    expect(events.filter((event) => event.kind === 'scored')).toEqual([]);
    session.retryPool('final');
    expect(events.at(-1)).toMatchObject({ kind: 'pool-retried', attempt: 2 });
    for (const q of drawnNow()) {
      expect(session.answerFor(q.id)).toBeUndefined();
      session.questionAnswered(q, { type: 'true-false', value: true }, 5);
    }
    const scored = events.filter((event) => event.kind === 'scored');
    expect(scored).toHaveLength(1);
    expect(scored[0]).toMatchObject({ score: { passed: true, final: true } });
    // No third attempt after a pass.
    session.retryPool('final');
    expect(session.poolFor('final')?.attempt).toBe(2);
  });
});

describe('what the build makes of a pool', () => {
  const page = (body: string): string => `---\ntitle: Check\n---\n\n${body}`;
  const pooled = page(`::::question-pool{#final draw=2 retries=1 counts=best title="Final check"}
:::question{#a type=true-false answer=true tag=law}
A.
:::

:::question{#b type=true-false answer=false tag=help attempts=3}
B.
:::

:::question{#c type=true-false answer=true tag=law}
C.
:::
::::

:::question{#practice type=true-false answer=true attempts=2 show-answer}
Practice.
:::
`);

  it('gives the course its pool, the pooled questions their pool and one try unless written, and practice its own settings', () => {
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-check.md': pooled })).model;
    expect(model?.data.pools).toEqual([
      { id: 'final', iri: 'https://example.org/courses/test/pools/final', pageId: 'check', title: 'Final check', questions: ['a', 'b', 'c'], draw: 2, stratify: false, retries: 1, counts: 'best' },
    ]);
    const byId = new Map(model?.data.questions.map((q) => [q.id, q]));
    expect(byId.get('a')).toMatchObject({ poolId: 'final', attempts: 1, tag: 'law' });
    expect(byId.get('b')).toMatchObject({ poolId: 'final', attempts: 3 });
    expect(byId.get('practice')).toMatchObject({ attempts: 2, showAnswer: true });
    expect(byId.get('practice')).not.toHaveProperty('poolId');
    expect(model?.data).not.toHaveProperty('scoreOver');
  });

  it('passing: pools makes the other questions practice, and is an error in a course without pools', () => {
    const model = checkCourse(courseFromStrings({ 'course.yaml': `${baseConfig}passing: pools\n`, 'sections/01-check.md': pooled })).model;
    const course = model?.data as CourseData;
    expect(course.scoreOver).toBe('pools');
    const state = withDraws(course, empty, () => 'x');
    const drawn = state.pools?.['final']?.drawn ?? [];
    // Each drawn question answered rightly (b's answer is false); the practice question not at all.
    const answers = Object.fromEntries(drawn.map((id): [string, AnswerRecord] => [id, { response: { type: 'true-false', value: id !== 'b' }, correct: true, attempt: 1, at: AT, round: 1 }]));
    expect(courseScore(course, { answers, pools: state.pools ?? {} })).toEqual({ raw: 2, max: 2, scaled: 1, final: true, passed: true });
    const without = checkCourse(courseFromStrings({ 'course.yaml': `${baseConfig}passing: pools\n`, 'sections/01-check.md': page('No pools.\n') }));
    const message = without.files.flatMap((file) => file.messages).find((item) => item.ruleId === 'config-invalid');
    expect(message).toMatchObject({ line: 5, column: 10 });
    expect(String(message?.reason)).toContain('no question pool');
  });
});

describe('the contents list', () => {
  it('marks a pool\'s page completed once the drawn questions of the attempt under way are answered, undrawn ones aside', () => {
    const { pool, questions } = poolOf(4, { draw: 2, retries: 1 });
    const course = courseWith(pool, questions);
    const page = course.pages[1] as PageInfo;
    let state: ProgressState = { ...withDraws(course, empty, () => 'a'), visited: ['check'] };
    expect(pageStatus(page, state, course.pools)).toBe('visited');
    state = answered(state, course, 0);
    expect(pageStatus(page, state, course.pools)).toBe('completed');
    // A new attempt is under way again until its draw is answered.
    state = withRetry(course, state, pool, 'b');
    expect(pageStatus(page, state, course.pools)).toBe('visited');
    // Without the pools, the undrawn questions would hold the page back for ever.
    expect(pageStatus(page, answered(state, course, 2), [])).toBe('visited');
    expect(pageStatus(page, answered(state, course, 2), course.pools)).toBe('completed');
  });
});

describe('before the draw', () => {
  it('a pool without a draw yet counts as unanswered: the score is not final', () => {
    const { pool, questions } = poolOf(3, { draw: 2 });
    const course = courseWith(pool, questions);
    expect(courseScore(course, empty)).toMatchObject({ final: false, passed: false });
    expect(allQuestionsAnswered(course, empty)).toBe(false);
  });
});

describe('completion: { questions: assessment }', () => {
  it('waits for every pool to be finished once, and for no question outside pools', () => {
    const { pool, questions } = poolOf(3, { draw: 2, retries: 1 });
    const practice = question('practice', 'intro');
    const course: CourseData = { ...courseWith(pool, questions, [practice]), completion: { pages: 0, questions: 'assessment' } };
    let state = withDraws(course, empty, () => 'a');
    expect(progressOf(course, state)).toBe(0);
    state = answered(state, course, 0);
    // The practice question is unanswered; the pool's attempt is finished (below the pass mark): complete.
    expect(progressOf(course, state)).toBe(1);
    expect(progressOf({ ...course, completion: { pages: 0, questions: 'all' } }, state)).toBeLessThan(1);
  });

  it('is an error in a course without pools, at the completion key', () => {
    const result = checkCourse(courseFromStrings({ 'course.yaml': `${baseConfig}completion: { pages: all, questions: assessment }\n`, 'sections/01-a.md': '---\ntitle: A\n---\n\nText.\n' }));
    const message = result.files.flatMap((file) => file.messages).find((item) => item.ruleId === 'config-invalid');
    expect(message).toMatchObject({ line: 5, column: 1 });
    expect(String(message?.reason)).toContain('no question pool');
  });
});
