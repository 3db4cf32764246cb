/**
 * Test helpers for the LRS runtime: hand-driven timers (real HTTP keeps running on real time),
 * a polling wait, a small course and plain statements.
 */
import { randomUUID } from 'node:crypto';
import type { Statement } from '@xapi/xapi';
import type { CourseData, PageInfo, QuestionData } from '../../../../components/course-data.js';
import type { Timers } from '../../../../components/runtime/lrs/delivery-queue.js';
import type { FetchLike } from '../../../../components/runtime/lrs/lrs-client.js';

export interface ManualTimers {
  readonly timers: Timers;
  now(): number;
  /** Delays passed to setTimeout, in call order. */
  readonly delays: number[];
  pending(): number;
  /** Runs the earliest task, moving the clock to its time; returns the ms waited, or undefined. */
  fireNext(maxWait?: number): number | undefined;
  advance(ms: number): void;
}

export function manualTimers(start = Date.UTC(2026, 0, 5, 9, 0, 0)): ManualTimers {
  let clock = start;
  let next = 1;
  const tasks = new Map<number, { at: number; callback: () => void }>();
  const delays: number[] = [];
  function fireNext(maxWait = Number.POSITIVE_INFINITY): number | undefined {
    const first = [...tasks.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (first === undefined || first[1].at - clock > maxWait) return undefined;
    const [id, task] = first;
    tasks.delete(id);
    const waited = Math.max(0, task.at - clock);
    clock = Math.max(clock, task.at);
    task.callback();
    return waited;
  }
  return {
    timers: {
      setTimeout(callback, ms) {
        const id = next++;
        delays.push(ms);
        tasks.set(id, { at: clock + ms, callback });
        return id;
      },
      clearTimeout(handle) {
        tasks.delete(handle as number);
      },
    },
    now: () => clock,
    delays,
    pending: () => tasks.size,
    fireNext,
    advance(ms) {
      const target = clock + ms;
      for (;;) {
        const due = [...tasks.values()].some((task) => task.at <= target);
        if (!due) break;
        fireNext();
      }
      clock = target;
    },
  };
}

/** Polls (real time) until `check` is true. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const ACTOR = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example', name: 'learner-1' } };

let clockMs = Date.UTC(2026, 0, 5, 8, 0, 0);
export function statement(extra: Partial<Statement> = {}): Statement & { id: string } {
  clockMs += 1000;
  return {
    id: randomUUID(),
    actor: ACTOR,
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'https://example.org/course/pages/p1' },
    timestamp: new Date(clockMs).toISOString(),
    ...extra,
  };
}

/** The global fetch, recording every call (URL and init) for hygiene checks. */
export function recordingFetch(): { fetch: FetchLike; calls: { url: string; init: RequestInit | undefined }[]; inFlight: () => number } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  let open = 0;
  return {
    calls,
    // Requests still waiting for their response: tests driving a manual clock only move time on
    // when none is open, as real time passes while a request travels (slow test machines included).
    inFlight: () => open,
    fetch: async (url, init) => {
      calls.push({ url, init });
      open += 1;
      try {
        return await globalThis.fetch(url, init);
      } finally {
        open -= 1;
      }
    },
  };
}

const COURSE_ID = 'https://example.org/courses/lrs';

function page(index: number, id: string, questions: string[]): PageInfo {
  return { id, iri: `${COURSE_ID}/pages/${id}`, title: `Page ${id}`, index, objectives: [], questions, activities: [], headings: [] };
}

const QUESTIONS: readonly QuestionData[] = [
  { id: 'q1', iri: `${COURSE_ID}/questions/q1`, pageId: 'one', weight: 1, promptText: 'Is it?', type: 'true-false', answer: true },
  { id: 'q2', iri: `${COURSE_ID}/questions/q2`, pageId: 'two', weight: 1, promptText: 'Pick', type: 'single-choice', choices: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: false },
  ] },
];

export const COURSE: CourseData = {
  id: COURSE_ID,
  title: 'LRS course',
  description: 'A course for LRS tests',
  language: 'en',
  dir: 'ltr',
  version: '1.0.0',
  authors: ['Test'],
  license: 'CC-BY-4.0',
  mastery: 0.75,
  completion: { pages: 1, questions: 'none' },
    scorm12Status: 'completed-incomplete',
  theme: { accent: '#225588', font: 'sans' },
  pages: [page(0, 'one', ['q1']), page(1, 'two', ['q2']), page(2, 'three', [])],
  questions: QUESTIONS,
  activities: [],
  glossary: [],
    parts: [],
};

/** An in-memory Storage (localStorage, sessionStorage); `quota` in characters makes writes fail when full. */
export class MapStorage implements Storage {
  readonly data = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
}
