/**
 * When to call Commit. Values set on the API live in the LMS's page until a commit sends them,
 * and only what was committed before the tab went away is safe (reliability finding 1), so:
 * - a meaningful event is committed within 2 s, but never more than once per 2 s (reliability R4);
 * - `flush()` commits synchronously, for `visibilitychange` hidden and `pagehide` (R3);
 * - a refused commit is retried after 1, 2, 4 and 8 s (±20%), then on the next event (R6).
 */
import type { Timers } from './api-discovery.js';

export interface CommitSchedulerOptions {
  /** Writes what is pending and calls Commit; true when the LMS accepted it. */
  readonly commit: () => boolean;
  readonly timers: Timers;
  readonly now: () => number;
  /** 0..1, for the jitter that keeps many learners' retries apart. */
  readonly random: () => number;
  /** Told after every commit whether it succeeded. */
  readonly onResult: (ok: boolean) => void;
  readonly minIntervalMs?: number;
  readonly backoffMs?: readonly number[];
}

export interface CommitScheduler {
  /** Something worth keeping changed: commit soon. */
  request(): void;
  /** Commits now if anything is pending; returns false when the LMS refused. */
  flush(): boolean;
  /** Cancels timers; nothing is committed after this. */
  dispose(): void;
  readonly pending: boolean;
}

export const BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000];

export function createCommitScheduler(options: CommitSchedulerOptions): CommitScheduler {
  const minInterval = options.minIntervalMs ?? 2000;
  const backoff = options.backoffMs ?? BACKOFF_MS;
  let timer: unknown;
  let hasTimer = false;
  let dirty = false;
  let failures = 0;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let disposed = false;

  const cancel = (): void => {
    if (hasTimer) options.timers.clearTimeout(timer);
    hasTimer = false;
  };
  const schedule = (ms: number): void => {
    cancel();
    hasTimer = true;
    timer = options.timers.setTimeout(() => {
      hasTimer = false;
      run();
    }, ms);
  };

  function run(): boolean {
    if (disposed || !dirty) return true;
    lastAttempt = options.now();
    const ok = options.commit();
    if (ok) {
      dirty = false;
      failures = 0;
    } else if (failures < backoff.length) {
      const base = backoff[failures] ?? minInterval;
      failures += 1;
      schedule(Math.round(base * (0.8 + 0.4 * options.random())));
    }
    // After the last retry the state stays pending: the next event tries again (R6).
    options.onResult(ok);
    return ok;
  }

  return {
    get pending() {
      return dirty;
    },
    request() {
      if (disposed) return;
      dirty = true;
      if (hasTimer) return; // the commit (or retry) already scheduled will carry this change
      if (failures >= backoff.length) failures = 0;
      schedule(Math.max(0, lastAttempt + minInterval - options.now()));
    },
    flush() {
      if (disposed) return false;
      cancel();
      return run();
    },
    dispose() {
      disposed = true;
      cancel();
    },
  };
}
