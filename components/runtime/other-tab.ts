/**
 * One attempt, one tab that records it. A learner who duplicates the tab or opens the course twice
 * would otherwise have two pages writing the same attempt: the one that is behind overwrites the
 * bookmark, suspend_data and location of the one ahead, and completion and pass go twice
 * (reliability A7, R12; numbas-lti-provider #24).
 *
 * The first tab to claim the attempt records it. A later tab is detected at launch (a Web Lock named
 * after the attempt; where Web Locks are missing, a BroadcastChannel roll call), records nothing,
 * talks to no LMS or LRS, and the player tells the learner that progress is saved from the other
 * tab (`launchProblem` 'other-tab'). Once that tab has gone, the notice (at the player's next render)
 * says that a reload continues the attempt here, from what the other tab saved ('other-tab-closed').
 */
import type { LaunchProblem, TrackingAdapter } from '../tracker.js';

export interface TabEnvironment {
  /** `navigator.locks` (secure contexts only). */
  readonly locks?: Pick<LockManager, 'request'> | undefined;
  /** Opens a BroadcastChannel, for browsers without Web Locks. */
  readonly channel?: ((name: string) => Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>) | undefined;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
}

/** How long a launch without Web Locks waits for an earlier tab to answer its roll call. */
export const ROLL_CALL_MS = 150;
/** After the other tab let go of the attempt, how long before this one checks it did not just reload. */
export const RECHECK_MS = 1500;

type Role = 'first' | 'second';

function browserEnvironment(): TabEnvironment {
  const scope = globalThis as { navigator?: { locks?: LockManager }; BroadcastChannel?: typeof BroadcastChannel };
  const Channel = scope.BroadcastChannel;
  return {
    locks: scope.navigator?.locks,
    channel: Channel === undefined ? undefined : (name) => new Channel(name),
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  };
}

/** Never settles: a lock callback returning it holds the lock for the page's lifetime. */
const forever = (): Promise<never> => new Promise<never>(() => undefined);

function claimWithLocks(env: TabEnvironment, locks: Pick<LockManager, 'request'>, name: string, freed: () => void): Promise<Role> {
  // A later tab never holds the lock: the tab that has it may be reloading, and must get it back.
  // It waits in line, lets go at once, and looks again a little later: the lock still free means
  // the other tab is gone, not reloading.
  const watch = (): void => {
    void locks.request(name, () => {
      env.setTimeout(() => {
        void locks.request(name, { ifAvailable: true }, (lock) => {
          if (lock === null) watch();
          else freed();
          return undefined;
        });
      }, RECHECK_MS);
      return undefined;
    });
  };
  return new Promise<Role>((resolve) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (lock !== null) {
          resolve('first');
          return forever();
        }
        resolve('second');
        watch();
        return undefined;
      })
      .catch(() => resolve('first'));
  });
}

function claimWithChannel(env: TabEnvironment, open: NonNullable<TabEnvironment['channel']>, name: string): Promise<Role> {
  const channel = open(name);
  let role: Role | undefined;
  channel.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (data === 'who' && role === 'first') channel.postMessage('here');
    if (data === 'here' && role === undefined) role = 'second';
  });
  channel.postMessage('who');
  return new Promise<Role>((resolve) => {
    env.setTimeout(() => {
      role ??= 'first';
      resolve(role);
    }, ROLL_CALL_MS);
  });
}

/** Which tab this one is for the attempt `key`; `freed` is called when an earlier tab goes away. */
export function claimAttempt(key: string, env: TabEnvironment, freed: () => void): Promise<Role> {
  const name = `coursemark-attempt:${key}`;
  try {
    if (env.locks !== undefined) return claimWithLocks(env, env.locks, name, freed);
    if (env.channel !== undefined) return claimWithChannel(env, env.channel, name);
  } catch {
    // A browser that refuses both (sandboxed frame): this tab records, as it would have alone.
  }
  return Promise.resolve('first');
}

/**
 * A TrackingAdapter that becomes `create()` in the first tab of the attempt `key` and records
 * nothing in any later one. Without a key (nothing identifies the attempt) it is `create()`.
 */
export function guardAttempt(key: string | undefined, create: () => TrackingAdapter, env: TabEnvironment = browserEnvironment()): TrackingAdapter {
  if (key === undefined) return create();
  let inner: TrackingAdapter | undefined;
  let otherTab: Extract<LaunchProblem, 'other-tab' | 'other-tab-closed'> | undefined;
  const role = claimAttempt(key, env, () => {
    otherTab = 'other-tab-closed';
  });
  // Events before the claim is settled (none in practice: the player waits for `resume`) wait too.
  const early: Parameters<TrackingAdapter['record']>[] = [];
  const ready = role.then((claimed) => {
    if (claimed === 'first') inner = create();
    else otherTab ??= 'other-tab';
    for (const [event, state] of early.splice(0)) inner?.record(event, state);
  });
  return {
    async resume() {
      await ready;
      return inner?.resume();
    },
    record(event, state) {
      if (inner !== undefined) inner.record(event, state);
      else if (otherTab === undefined) early.push([event, state]);
    },
    get saving() {
      return inner?.saving ?? true;
    },
    get restoreNotice() {
      return inner?.restoreNotice;
    },
    get launchProblem(): LaunchProblem | undefined {
      return inner?.launchProblem ?? otherTab;
    },
    // A second tab sends nothing anywhere: no text of it reaches a tutor.
    get responseLimit() {
      return inner?.responseLimit;
    },
    get mastery() {
      return inner?.mastery;
    },
  };
}

/**
 * What names one attempt in one browser, from the launch URL (`search` for LRS targets, the
 * path for SCORM; no credential goes in):
 * - cmi5: the endpoint, registration and AU, and the fetch URL, which is new for every launch the
 *   LMS makes (a duplicated tab shares it; a relaunch from the LMS is a new session, and the LMS
 *   abandons the old one, cmi5 9.3);
 * - TinCan: the endpoint, registration, activity and learner;
 * - SCORM: the package's path on the LMS's origin (an LMS serves each activity from its own path).
 */
export function attemptKeyOf(target: 'cmi5' | 'xapi' | 'scorm12' | 'scorm2004', launch: string): string | undefined {
  if (target === 'scorm12' || target === 'scorm2004') return launch === '' ? undefined : `${target} ${launch}`;
  const query = new URLSearchParams(launch);
  const names = target === 'cmi5' ? ['endpoint', 'registration', 'activityId', 'fetch'] : ['endpoint', 'registration', 'activity_id', 'actor'];
  const values = names.map((name) => query.get(name));
  return values.some((value) => value === null) ? undefined : [target, ...values].join(' ');
}
