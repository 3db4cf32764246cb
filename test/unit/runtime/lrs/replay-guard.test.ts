// What a registration reports once, however often it is launched.
import { describe, expect, it } from 'vitest';
import { createBookmark } from '../../../../components/runtime/lrs/bookmark.js';
import { createReplayGuard } from '../../../../components/runtime/lrs/replay-guard.js';
import { CMI5, VERBS } from '../../../../components/runtime/vocabulary.js';
import { manualTimers, statement } from './helpers.js';

const bookmark = () => createBookmark({ document: { read: () => Promise.resolve(undefined), write: () => Promise.resolve(true) }, timers: manualTimers().timers });
const verb = (name: keyof typeof VERBS, result?: object) => statement({ verb: { id: VERBS[name] }, ...(result === undefined ? {} : { result }) });
const progressed = (value: number) => verb('progressed', { extensions: { [CMI5.progress]: value } });

describe('replay guard', () => {
  it('lets progress through only when it goes further', () => {
    const guard = createReplayGuard(bookmark(), { once: false });
    const seen: number[] = [];
    for (const value of [20, 20, 40, 30, 60, 60]) {
      const s = progressed(value);
      if (guard.allows(s)) {
        guard.sent(s);
        seen.push(value);
      }
    }
    expect(seen).toEqual([20, 40, 60]);
  });

  it('with `once`, completed and passed go once; failed never after passed nor twice with one score', () => {
    const marks = bookmark();
    const guard = createReplayGuard(marks, { once: true });
    const send = (s: ReturnType<typeof verb>): boolean => {
      const ok = guard.allows(s);
      if (ok) guard.sent(s);
      return ok;
    };
    expect(send(verb('failed', { score: { scaled: 0.5 } }))).toBe(true);
    expect(send(verb('failed', { score: { scaled: 0.5 } }))).toBe(false);
    expect(send(verb('failed', { score: { scaled: 0.6 } }))).toBe(true);
    expect([send(verb('completed')), send(verb('completed'))]).toEqual([true, false]);
    expect([send(verb('passed')), send(verb('passed'))]).toEqual([true, false]);
    expect(send(verb('failed', { score: { scaled: 0.1 } }))).toBe(false);
    expect(marks.sent).toMatchObject({ completed: true, passed: true, failed: 0.6 });
  });

  it('without `once` (cmi5, whose own rules hold completed and passed), those two pass through', () => {
    const guard = createReplayGuard(bookmark(), { once: false });
    expect(guard.allows(verb('completed'))).toBe(true);
    guard.sent(verb('completed'));
    expect(guard.allows(verb('completed'))).toBe(true);
  });
});
