/**
 * Question pools as pure functions over `ProgressState`: the draw of each attempt, which answers
 * belong to it, what an attempt scored, and what a "Try again" leaves. The session, the score, the
 * progress and the resume codec all ask here, so a drawn question is the same question everywhere.
 */
import type { CourseData, PoolData, QuestionData } from './course-data.js';
import { isCorrect } from './questions/registry.js';
import { seededShuffle } from './shuffle.js';
import type { AnswerRecord, PoolProgress, ProgressState } from './tracker.js';

type PoolState = Pick<ProgressState, 'answers' | 'pools'>;

export const poolsOf = (course: Pick<CourseData, 'pools'>): readonly PoolData[] => course.pools ?? [];

/**
 * The questions one attempt shows: `draw` of the pool's, picked by a shuffle seeded with `seed`,
 * listed in the pool's order. A stratified pool takes from its tag groups in turn (the groups in
 * the order their first question appears), so each tag gets its share: 5 of 3+3+3 gives 2, 2, 1.
 */
export function drawPool(pool: PoolData, questions: readonly Pick<QuestionData, 'id' | 'tag'>[], seed: string): string[] {
  const size = Math.max(0, Math.min(pool.draw, pool.questions.length));
  let picked: readonly string[];
  if (!pool.stratify) picked = seededShuffle(pool.questions, seed).slice(0, size);
  else {
    const tags = new Map(questions.map((question) => [question.id, question.tag ?? '']));
    const groups = new Map<string, string[]>();
    for (const id of pool.questions) {
      const tag = tags.get(id) ?? '';
      groups.set(tag, [...(groups.get(tag) ?? []), id]);
    }
    const shuffled = [...groups.entries()].map(([tag, ids]) => seededShuffle(ids, `${seed}/${tag}`));
    // The groups take turns from a shuffled start, so which group gets the odd question is random too.
    const order = seededShuffle([...shuffled.keys()], `${seed}/groups`);
    const taken: string[] = [];
    for (let round = 0; taken.length < size; round += 1) {
      for (const index of order) {
        const id = shuffled[index]?.[round];
        if (id !== undefined && taken.length < size) taken.push(id);
      }
    }
    picked = taken;
  }
  const chosen = new Set(picked);
  return pool.questions.filter((id) => chosen.has(id));
}

/** A fresh seed for a draw: random per learner and attempt (the draw itself is kept in the state). */
export function drawSeed(): string {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  return `${words[0]?.toString(36) ?? ''}${words[1]?.toString(36) ?? ''}`;
}

/** The learner's answer to a question, if it belongs to the attempt under way (earlier attempts' answers are history). */
export function currentAnswer(question: Pick<QuestionData, 'id' | 'poolId'>, state: PoolState): AnswerRecord | undefined {
  const answer = state.answers[question.id];
  if (answer === undefined || question.poolId === undefined) return answer;
  const pool = state.pools?.[question.poolId];
  if (pool === undefined || !pool.drawn.includes(question.id)) return undefined;
  return (answer.round ?? 1) === pool.attempt ? answer : undefined;
}

/** Whether a question is shown and counted in this attempt: every question outside pools, and the drawn ones. */
export function isInPlay(question: Pick<QuestionData, 'id' | 'poolId'>, state: PoolState): boolean {
  if (question.poolId === undefined) return true;
  return state.pools?.[question.poolId]?.drawn.includes(question.id) === true;
}

export interface PoolAttemptResult {
  /** Drawn questions answered in this attempt. */
  readonly answered: number;
  readonly drawn: number;
  /** Weighted points of the right answers, and of all drawn questions. */
  readonly raw: number;
  readonly max: number;
  /** Every drawn question answered. */
  readonly finished: boolean;
}

function scoreOf(course: Pick<CourseData, 'questions'>, drawn: readonly string[], right: (question: QuestionData) => boolean | undefined): PoolAttemptResult {
  let answered = 0;
  let raw = 0;
  let max = 0;
  for (const id of drawn) {
    const question = course.questions.find((candidate) => candidate.id === id);
    if (question === undefined) continue;
    max += question.weight;
    const correct = right(question);
    if (correct === undefined) continue;
    answered += 1;
    if (correct) raw += question.weight;
  }
  return { answered, drawn: drawn.length, raw, max, finished: answered === drawn.length };
}

/** How the attempt under way stands. */
export function poolAttempt(course: Pick<CourseData, 'questions'>, pool: PoolData, state: PoolState): PoolAttemptResult {
  const progress = state.pools?.[pool.id];
  // Not drawn yet (before the session starts): nothing answered, nothing finished.
  if (progress === undefined) return { answered: 0, drawn: pool.draw, raw: 0, max: 0, finished: false };
  return scoreOf(course, progress.drawn, (question) => {
    const answer = currentAnswer(question, state);
    return answer === undefined ? undefined : isCorrect(question, answer.response);
  });
}

/** The score of the best earlier attempt, when one is kept. */
function bestAttempt(course: Pick<CourseData, 'questions'>, progress: PoolProgress | undefined): PoolAttemptResult | undefined {
  const best = progress?.best;
  if (best === undefined) return undefined;
  const correct = new Set(best.correct);
  return scoreOf(course, best.drawn, (question) => correct.has(question.id));
}

const share = (result: PoolAttemptResult): number => (result.max > 0 ? result.raw / result.max : 1);

/**
 * What the pool contributes to the course score: the attempt under way, or (when the best attempt
 * counts) an earlier one that scored higher. Undefined while no attempt has been finished.
 */
export function countedPoolResult(course: Pick<CourseData, 'questions'>, pool: PoolData, state: PoolState): PoolAttemptResult | undefined {
  const current = poolAttempt(course, pool, state);
  const best = pool.counts === 'best' ? bestAttempt(course, state.pools?.[pool.id]) : undefined;
  if (best === undefined) return current;
  if (!current.finished) return best;
  return share(current) >= share(best) ? current : best;
}

/** Whether the learner may still try the pool again: retries left, the attempt finished, and below the pass mark. */
export function canRetry(course: Pick<CourseData, 'questions'>, pool: PoolData, state: PoolState, mastery: number): boolean {
  const progress = state.pools?.[pool.id];
  if (progress === undefined || progress.attempt > pool.retries) return false;
  const current = poolAttempt(course, pool, state);
  return current.finished && share(current) + 1e-9 < mastery;
}

/** Whether some pool's score could still change by a retry the learner may take. */
export function retryPending(course: Pick<CourseData, 'questions' | 'pools'>, state: PoolState, mastery: number): boolean {
  return poolsOf(course).some((pool) => canRetry(course, pool, state, mastery));
}

/**
 * The state after "Try again": the next attempt with a new draw; the attempt's answers become
 * history (removed); with `counts: best`, the finished attempt is kept if it is the best so far.
 */
export function withRetry(course: Pick<CourseData, 'questions'>, state: ProgressState, pool: PoolData, seed: string): ProgressState {
  const progress = state.pools?.[pool.id];
  if (progress === undefined) return state;
  const finished = poolAttempt(course, pool, state);
  const correct = progress.drawn.filter((id) => {
    const question = course.questions.find((candidate) => candidate.id === id);
    const answer = question === undefined ? undefined : currentAnswer(question, state);
    return question !== undefined && answer !== undefined && isCorrect(question, answer.response);
  });
  const previous = bestAttempt(course, progress);
  const keep = pool.counts === 'best' && (previous === undefined || share(finished) > share(previous)) ? { drawn: progress.drawn, correct } : progress.best;
  const answers: Record<string, AnswerRecord> = {};
  for (const [id, answer] of Object.entries(state.answers)) if (!pool.questions.includes(id)) answers[id] = answer;
  const next: PoolProgress = {
    attempt: progress.attempt + 1,
    drawn: drawPool(pool, course.questions, seed),
    ...(pool.counts === 'best' && keep !== undefined ? { best: keep } : {}),
  };
  return { ...state, answers, pools: { ...state.pools, [pool.id]: next } };
}

/**
 * Every pool with a draw: kept when it still fits the pool (its questions, its size), drawn anew
 * with `seed` otherwise (a first launch, or a pool the author changed since).
 */
export function withDraws(course: Pick<CourseData, 'questions' | 'pools'>, state: ProgressState, seed: () => string): ProgressState {
  const pools = poolsOf(course);
  if (pools.length === 0) return state.pools === undefined ? state : { ...state, pools: {} };
  const kept: Record<string, PoolProgress> = {};
  for (const pool of pools) {
    const saved = state.pools?.[pool.id];
    const fits = saved !== undefined && saved.drawn.length === Math.min(pool.draw, pool.questions.length) && saved.drawn.every((id) => pool.questions.includes(id)) && saved.attempt >= 1 && saved.attempt <= pool.retries + 1;
    kept[pool.id] = fits ? saved : { attempt: 1, drawn: drawPool(pool, course.questions, `${seed()}/${pool.id}`) };
  }
  return { ...state, pools: kept };
}
