import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeProgress } from '../../../../components/runtime/resume/progress-codec.js';
import { BACKOFF_MS, createCommitScheduler } from '../../../../components/runtime/scorm/commit-scheduler.js';
import { playCourse } from './fixtures.js';
import { el, launch, VERSIONS } from './harness.js';

const T0 = Date.UTC(2026, 10, 23, 9, 30);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(VERSIONS)('SCORM %s: R6, Commit returns "false"', (version) => {
  const e = el(version);

  it.each([1, 2, 3, 4, 5])('refused %i times, then accepted: nothing is lost, retries back off, saving recovers', async (n) => {
    const { lms, adapter, course } = launch(version, { refuseCommits: n });
    const session = await playCourse(course, adapter, { stopAfterPage: 0 });
    expect(adapter.saving).toBe(false); // the launch commit was refused: "not saving" right away
    await vi.advanceTimersByTimeAsync(20_000);
    const commits = lms.calls(e.commit);
    const gaps = commits.slice(1).map((call, i) => call.at - (commits[i]?.at ?? 0));
    // random() = 0.5: no jitter, so the waits are exactly 1, 2, 4, 8 s
    expect(gaps.slice(0, Math.min(n, 4))).toEqual(BACKOFF_MS.slice(0, Math.min(n, 4)));
    if (n <= 4) expect(adapter.saving).toBe(true);
    else {
      // after the last retry the state stays pending until the next event (no retry storm, no alert)
      expect(commits).toHaveLength(5);
      expect(adapter.saving).toBe(false);
      const next = course.pages[1];
      if (next !== undefined) session.viewPage(next);
      await vi.advanceTimersByTimeAsync(2000);
      expect(adapter.saving).toBe(true);
    }
    expect(lms.commits.at(-1)?.get('cmi.suspend_data')).toBe(encodeProgress(session.state, course));
    session.leave();
    expect(lms.calls(e.finish)).toHaveLength(1);
  });

  it('a refusal at the end still terminates once, and the data set before it is in the Terminate snapshot', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { stopAfterPage: 1 });
    lms.refuseNextCommits(10);
    session.leave();
    expect(lms.calls(e.finish)).toHaveLength(1);
    expect(lms.commits.at(-1)?.get('cmi.suspend_data')).toBe(encodeProgress(session.state, course));
    expect(adapter.saving).toBe(false);
  });
});

describe('commit scheduler', () => {
  const make = (random: number, results: boolean[]) => {
    const at: number[] = [];
    const scheduler = createCommitScheduler({
      commit: () => {
        at.push(Date.now());
        return results.shift() ?? true;
      },
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      now: Date.now,
      random: () => random,
      onResult: () => undefined,
    });
    return { scheduler, at };
  };

  it.each([
    [0, [800, 1600, 3200, 6400]],
    [1, [1200, 2400, 4800, 9600]],
  ])('jitter stays within ±20%% (random=%d)', async (random, waits) => {
    const { scheduler, at } = make(random, [false, false, false, false, false]);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(at.slice(1).map((t, i) => t - (at[i] ?? 0))).toEqual(waits);
    expect(scheduler.pending).toBe(true);
  });

  it('R4: a burst of events makes one commit per 2 s window', async () => {
    const { scheduler, at } = make(0.5, []);
    for (let i = 0; i < 50; i += 1) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2000);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(gaps.every((gap) => gap >= 2000)).toBe(true);
    expect(at[0]).toBe(T0); // the first event is committed at once (within the same task)
    expect(at.length).toBeLessThanOrEqual(4);
  });

  it('R3: flush commits synchronously, and not at all when nothing is pending', () => {
    const { scheduler, at } = make(0.5, []);
    scheduler.flush();
    expect(at).toHaveLength(0);
    scheduler.request();
    scheduler.flush();
    expect(at).toHaveLength(1);
    scheduler.dispose();
    scheduler.request();
    expect(scheduler.flush()).toBe(false);
    expect(at).toHaveLength(1);
  });
});
