// Forward-only merging of two progress records (bookmark, suspend_data, local copy).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEncoded, mergeProgress } from '../../../../components/runtime/resume/merge-progress.js';
import type { AnswerRecord, ProgressState } from '../../../../components/tracker.js';

const answer = (attempt: number, at: string, correct = true): AnswerRecord => ({ response: { type: 'true-false', value: correct }, correct, attempt, at });
const state = (over: Partial<ProgressState>): ProgressState => ({ location: 0, visited: [], answers: {}, activities: {}, completed: false, ...over });

describe('mergeProgress', () => {
  it('keeps the furthest location, every page and answer, the later attempt, and completion', () => {
    const ahead = state({ location: 5, visited: ['a', 'b', 'c'], answers: { q1: answer(2, '2026-01-05T09:00:02Z'), q2: answer(1, '2026-01-05T09:00:03Z') }, completed: true });
    const behind = state({ location: 2, visited: ['a', 'd'], answers: { q1: answer(1, '2026-01-05T09:00:01Z', false), q3: answer(1, '2026-01-05T09:00:04Z') } });
    const merged = mergeProgress(ahead, behind);
    expect(merged.location).toBe(5);
    expect(merged.visited).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.answers['q1']?.attempt).toBe(2);
    expect(Object.keys(merged.answers).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(merged.completed).toBe(true);
  });

  it('never loses what either side holds, in any order (property)', () => {
    const arbitraryState = fc.record({
      location: fc.nat(20),
      visited: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 }),
      answers: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), fc.record({ attempt: fc.integer({ min: 1, max: 5 }), sec: fc.nat(59) }).map(({ attempt, sec }) => answer(attempt, `2026-01-05T09:00:${String(sec).padStart(2, '0')}Z`))),
      activities: fc.dictionary(fc.constantFrom('r1', 'r2'), fc.oneof(fc.constant({ shared: false as const }), fc.string().map((text) => ({ shared: true as const, text })))),
      completed: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitraryState, arbitraryState, (a, b) => {
        const merged = mergeProgress(a, b);
        const both = [a, b];
        return (
          merged.location === Math.max(a.location, b.location) &&
          both.every((s) => s.visited.every((id) => merged.visited.includes(id))) &&
          both.every((s) => Object.entries(s.answers).every(([id, record]) => (merged.answers[id]?.attempt ?? 0) >= record.attempt)) &&
          merged.completed === (a.completed || b.completed) &&
          Object.keys(merged.activities).length === new Set([...Object.keys(a.activities), ...Object.keys(b.activities)]).size
        );
      }),
    );
  });
});

describe('mergeEncoded', () => {
  const codec = {
    decode: (text: string): ProgressState | undefined => (text.startsWith('{') ? (JSON.parse(text) as ProgressState) : undefined),
    encode: (s: ProgressState): string => JSON.stringify(s),
  };
  it('merges what decodes, leaves out what does not, and returns a lone text as it was', () => {
    const one = JSON.stringify(state({ location: 3 }));
    expect(mergeEncoded([undefined, one, 'garbage'], codec)).toBe(one);
    expect(codec.decode(mergeEncoded([one, JSON.stringify(state({ location: 1, completed: true }))], codec) ?? '')).toMatchObject({ location: 3, completed: true });
    expect(mergeEncoded(['garbage', undefined], codec)).toBeUndefined();
  });
});
