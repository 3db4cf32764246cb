/**
 * Reads `ProgressState` back from untrusted storage (localStorage, suspend_data, an LRS state
 * document). Anything that is not exactly the expected shape yields `undefined`, never a throw,
 * so a corrupt save means a fresh start rather than a broken player.
 */
import { readResponse } from '../questions/registry.js';
import type { AnswerRecord, PoolProgress, ProgressState, SubmittedActivity } from '../tracker.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readAnswer(value: unknown): AnswerRecord | undefined {
  if (!isObject(value)) return undefined;
  const response = readResponse(value['response']);
  const { correct, attempt, at } = value;
  if (response === undefined || typeof correct !== 'boolean' || typeof at !== 'string') return undefined;
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1) return undefined;
  const round = value['round'];
  if (round === undefined) return { response, correct, attempt, at };
  return isCount(round) ? { response, correct, attempt, at, round } : undefined;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;
const isIds = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');

function readPool(value: unknown): PoolProgress | undefined {
  if (!isObject(value) || !isCount(value['attempt']) || !isIds(value['drawn'])) return undefined;
  const { attempt, drawn, best } = value;
  if (best === undefined) return { attempt, drawn };
  return isObject(best) && isIds(best['drawn']) && isIds(best['correct']) ? { attempt, drawn, best: { drawn: best['drawn'], correct: best['correct'] } } : undefined;
}

/**
 * A submitted activity. Progress saved before activities could be private held the text itself: it
 * is read as done, without the text (the session shows nothing it cannot be sure was shared).
 */
function readSubmitted(value: unknown): SubmittedActivity | undefined {
  if (typeof value === 'string') return { shared: false };
  if (!isObject(value)) return undefined;
  if (value['shared'] === false) return { shared: false };
  const text = value['text'];
  return value['shared'] === true && typeof text === 'string' ? { shared: true, text } : undefined;
}

/** Validates a parsed JSON value as `ProgressState`; invalid entries make the whole value invalid. */
export function readProgressState(value: unknown): ProgressState | undefined {
  if (!isObject(value)) return undefined;
  const { location, visited, answers, activities, completed } = value;
  if (typeof location !== 'number' || !Number.isInteger(location) || location < 0) return undefined;
  if (!Array.isArray(visited) || !visited.every((id) => typeof id === 'string') || typeof completed !== 'boolean') return undefined;
  if (!isObject(answers) || !isObject(activities)) return undefined;
  const answerRecords: Record<string, AnswerRecord> = {};
  for (const [id, raw] of Object.entries(answers)) {
    const record = readAnswer(raw);
    if (record === undefined) return undefined;
    answerRecords[id] = record;
  }
  const reflections: Record<string, SubmittedActivity> = {};
  for (const [id, raw] of Object.entries(activities)) {
    const submitted = readSubmitted(raw);
    if (submitted === undefined) return undefined;
    reflections[id] = submitted;
  }
  const pools = value['pools'];
  if (pools === undefined) return { location, visited, answers: answerRecords, activities: reflections, completed };
  if (!isObject(pools)) return undefined;
  const poolRecords: Record<string, PoolProgress> = {};
  for (const [id, raw] of Object.entries(pools)) {
    const pool = readPool(raw);
    if (pool === undefined) return undefined;
    poolRecords[id] = pool;
  }
  return { location, visited, answers: answerRecords, activities: reflections, completed, pools: poolRecords };
}

/** Parses and validates serialised progress; `undefined` for missing, malformed or invalid JSON. */
export function parseProgressState(text: string | null | undefined): ProgressState | undefined {
  if (text === null || text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  return readProgressState(value);
}
