// The bookmark's write discipline (reliability R1, R4): within about a second of each change, one
// write in flight, never ahead of its statements, forward only, mirrored locally.
//
// The ordering a resume depends on: the bookmark of a page is on the LRS before the learner's window
// can go. Writing only after 1.5 s without a change put it after the close for any learner (or
// `verify`) acting faster than that: the one write left was the keepalive PUT at page hide, which
// Chromium cancels when the browser context goes, so the relaunch landed on the first page.
import { describe, expect, it } from 'vitest';
import { createBookmark, type ProgressDocument } from '../../../../components/runtime/lrs/bookmark.js';
import type { StateDocument } from '../../../../components/runtime/lrs/state-document.js';
import { mergeEncoded } from '../../../../components/runtime/resume/merge-progress.js';
import type { ProgressState } from '../../../../components/tracker.js';
import { manualTimers, type ManualTimers } from './helpers.js';

/** A State document on the manual clock: each write takes `latencyMs`, and the log says when it landed. */
function slowDocument(clock: ManualTimers, latencyMs: number, initial?: ProgressDocument) {
  let stored = initial;
  let inFlight = 0;
  let most = 0;
  const landed: { at: number; doc: ProgressDocument; keepalive: boolean }[] = [];
  const document: StateDocument<ProgressDocument> = {
    read: () => Promise.resolve(stored),
    write(update, keepalive = false) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      return new Promise((resolve) => {
        clock.timers.setTimeout(() => {
          stored = update(stored);
          landed.push({ at: clock.now(), doc: stored, keepalive });
          inFlight -= 1;
          resolve(true);
        }, latencyMs);
      });
    },
  };
  return { document, landed, stored: () => stored, most: () => most };
}

/** Progress as JSON, for readable tests (the real codec is tested on its own). */
const codec = {
  decode: (text: string): ProgressState | undefined => JSON.parse(text) as ProgressState,
  encode: (state: ProgressState): string => JSON.stringify(state),
};
const at = (location: number, visited: string[] = []): string =>
  codec.encode({ location, visited, answers: {}, activities: {}, completed: false });

const flushMicrotasks = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Moves the manual clock by `ms`, letting promises settle between timers. */
async function pass(clock: ManualTimers, ms: number): Promise<void> {
  const end = clock.now() + ms;
  for (;;) {
    await flushMicrotasks();
    const waited = clock.fireNext(end - clock.now());
    if (waited === undefined) break;
  }
  clock.advance(end - clock.now());
  await flushMicrotasks();
}

describe('bookmark writes', () => {
  it('a learner acting every 400 ms for 12 s has each change on the LRS within a second, before the next actions, one write at a time', async () => {
    const clock = manualTimers();
    const lrs = slowDocument(clock, 120);
    const bookmark = createBookmark({ document: lrs.document, timers: clock.timers, now: clock.now });
    await bookmark.load();
    const changes: { at: number; location: number }[] = [];
    for (let step = 1; step <= 30; step++) {
      bookmark.save(at(step), 0);
      changes.push({ at: clock.now(), location: step });
      await pass(clock, 400);
    }
    await pass(clock, 2000);
    for (const change of changes) {
      const first = lrs.landed.find((write) => (JSON.parse(write.doc.progress ?? '{}') as ProgressState).location >= change.location);
      expect(first, `step ${change.location}`).toBeDefined();
      expect((first?.at ?? Infinity) - change.at).toBeLessThanOrEqual(1000);
    }
    expect(lrs.most()).toBe(1);
    // Coalesced: far fewer writes than a write per change would make... but never starved by them.
    expect(lrs.landed.length).toBeLessThanOrEqual(changes.length);
    expect(lrs.landed.length).toBeGreaterThan(10);
  });

  it('a change after a quiet spell is written at once, with the changes of the same task', async () => {
    const clock = manualTimers();
    const lrs = slowDocument(clock, 30);
    const bookmark = createBookmark({ document: lrs.document, timers: clock.timers, now: clock.now });
    await bookmark.load();
    await pass(clock, 5000);
    const changedAt = clock.now();
    bookmark.save(at(1), 0);
    bookmark.save(at(2), 0);
    await pass(clock, 1000);
    expect(lrs.landed.map((write) => [write.at - changedAt, JSON.parse(write.doc.progress ?? '{}').location])).toEqual([[30, 2]]);
  });

  it('waits for the statements it depends on, then goes at once', async () => {
    const clock = manualTimers();
    const lrs = slowDocument(clock, 50);
    let acknowledged = 0;
    const listeners: (() => void)[] = [];
    const bookmark = createBookmark({
      document: lrs.document,
      timers: clock.timers,
      now: clock.now,
      settled: (seq) => seq <= acknowledged,
      watch: (listener) => listeners.push(listener),
    });
    await bookmark.load();
    bookmark.save(at(1), 1);
    bookmark.save(at(2), 2);
    await pass(clock, 3000);
    expect(lrs.landed).toHaveLength(0);
    acknowledged = 1;
    for (const listener of listeners) listener();
    await pass(clock, 400);
    expect(lrs.landed.map((write) => JSON.parse(write.doc.progress ?? '{}').location)).toEqual([1]);
    acknowledged = 2;
    for (const listener of listeners) listener();
    await pass(clock, 400);
    expect(lrs.landed.map((write) => JSON.parse(write.doc.progress ?? '{}').location)).toEqual([1, 2]);
  });

  it('moves forward only: a launch that is behind merges with what the LRS holds', async () => {
    const clock = manualTimers();
    const ahead: ProgressDocument = { progress: at(5, ['a', 'b', 'c']), sent: { completed: true, progress: 60 } };
    const lrs = slowDocument(clock, 10, ahead);
    const bookmark = createBookmark({ document: lrs.document, timers: clock.timers, now: clock.now, merge: (texts) => mergeEncoded(texts, codec) });
    bookmark.save(at(2, ['a', 'd']), 0);
    await pass(clock, 1000);
    const stored = lrs.stored();
    const state = codec.decode(stored?.progress ?? '');
    expect(state?.location).toBe(5);
    expect(state?.visited).toEqual(['a', 'b', 'c', 'd']);
    expect(stored?.sent).toEqual({ completed: true, progress: 60 });
  });

  it('keeps a local copy on every save and resumes from the furthest of it and the LRS', async () => {
    const clock = manualTimers();
    let mirror: unknown;
    const local = { load: () => Promise.resolve(mirror), save: (value: unknown) => Promise.resolve(void (mirror = value)) };
    const lrs = slowDocument(clock, 10, { progress: at(1, ['a']), sent: {} });
    const first = createBookmark({ document: lrs.document, timers: clock.timers, now: clock.now, mirror: local, settled: () => false });
    await first.load();
    first.mark('passed');
    first.save(at(4, ['a', 'b']), 7);
    await pass(clock, 2000);
    expect(lrs.landed).toHaveLength(0); // offline: the statements never got an answer
    const next = createBookmark({ document: lrs.document, timers: clock.timers, now: clock.now, mirror: local, merge: (texts) => mergeEncoded(texts, codec) });
    const loaded = await next.load();
    expect(codec.decode(loaded?.progress ?? '')?.location).toBe(4);
    expect(next.has('passed')).toBe(true);
  });

  it('at page hide writes the latest at once with keepalive, even before its statements are answered', async () => {
    const clock = manualTimers();
    const lrs = slowDocument(clock, 10);
    const bookmark = createBookmark({ document: lrs.document, timers: clock.timers, now: clock.now, settled: () => false });
    await bookmark.load();
    bookmark.save(at(3), 9);
    bookmark.flush();
    bookmark.flush();
    await pass(clock, 20);
    expect(lrs.landed).toEqual([expect.objectContaining({ keepalive: true })]);
  });
});
