// One attempt, one recording tab (reliability A7, R12): Web Locks, and a BroadcastChannel roll call.
import { describe, expect, it } from 'vitest';
import { attemptKeyOf, guardAttempt, RECHECK_MS, ROLL_CALL_MS, type TabEnvironment } from '../../../components/runtime/other-tab.js';
import type { LearnerEvent, ProgressState, TrackingAdapter } from '../../../components/tracker.js';

/** Web Locks as the spec has them, for exclusive locks: a queue per name, held while the callback's promise is pending. */
class FakeLocks {
  private readonly held = new Map<string, { release: () => void }>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Releases every lock a "tab" holds (its page went away). */
  readonly owners = new Map<string, () => void>();

  request(name: string, ...args: unknown[]): Promise<unknown> {
    const options = (args.length === 2 ? args[0] : {}) as { ifAvailable?: boolean };
    const callback = (args.length === 2 ? args[1] : args[0]) as (lock: { name: string } | null) => unknown;
    const grant = (): Promise<unknown> => {
      let release = (): void => undefined;
      const done = new Promise<void>((resolve) => (release = resolve));
      this.held.set(name, { release });
      this.owners.set(name, release);
      const result = Promise.resolve(callback({ name }));
      void Promise.race([result, done]).then(() => {
        this.held.delete(name);
        this.waiting.get(name)?.shift()?.();
      });
      return result;
    };
    if (!this.held.has(name)) return grant();
    if (options.ifAvailable === true) return Promise.resolve(callback(null));
    return new Promise((resolve) => {
      const queue = this.waiting.get(name) ?? [];
      queue.push(() => resolve(grant()));
      this.waiting.set(name, queue);
    });
  }
}

function manualEnv(locks?: FakeLocks, channel?: TabEnvironment['channel']) {
  const tasks: (() => void)[] = [];
  const env: TabEnvironment = { locks: locks as unknown as LockManager | undefined, channel, setTimeout: (callback) => tasks.push(callback) };
  return { env, runTimers: () => tasks.splice(0).forEach((task) => task()) };
}

function recorder(): TrackingAdapter & { events: LearnerEvent[] } {
  const events: LearnerEvent[] = [];
  return { events, resume: () => Promise.resolve({ location: 3, visited: [], answers: {}, activities: {}, completed: false }), record: (event) => events.push(event), saving: true, responseLimit: 255, mastery: 0.8 };
}

const STATE: ProgressState = { location: 0, visited: [], answers: {}, activities: {}, completed: false };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guardAttempt with Web Locks', () => {
  it('the first tab records; a second tab of the same attempt records nothing and says so', async () => {
    const locks = new FakeLocks();
    const one = recorder();
    const two = recorder();
    let created = 0;
    const first = guardAttempt('k', () => (created++, one), manualEnv(locks).env);
    expect(await first.resume()).toMatchObject({ location: 3 });
    const second = guardAttempt('k', () => (created++, two), manualEnv(locks).env);
    expect(await second.resume()).toBeUndefined();
    first.record({ kind: 'launched', resumed: false }, STATE);
    second.record({ kind: 'launched', resumed: false }, STATE);
    expect(one.events).toHaveLength(1);
    expect(two.events).toHaveLength(0);
    expect(created).toBe(1); // the second tab never talks to the LMS or LRS
    expect(first.launchProblem).toBeUndefined();
    expect(second.launchProblem).toBe('other-tab');
    expect(second.saving).toBe(true);
    // What reaches the LMS, and the LMS's passing score, are the first tab's business only.
    expect([first.responseLimit, first.mastery]).toEqual([255, 0.8]);
    expect([second.responseLimit, second.mastery]).toEqual([undefined, undefined]);
  });

  it('another attempt is not a second tab', async () => {
    const locks = new FakeLocks();
    await guardAttempt('a', recorder, manualEnv(locks).env).resume();
    const other = guardAttempt('b', recorder, manualEnv(locks).env);
    await other.resume();
    expect(other.launchProblem).toBeUndefined();
  });

  it('says when the other tab has gone, but not when it only reloaded', async () => {
    const locks = new FakeLocks();
    await guardAttempt('k', recorder, manualEnv(locks).env).resume();
    const { env, runTimers } = manualEnv(locks);
    const second = guardAttempt('k', recorder, env);
    await second.resume();
    // The first tab reloads: its lock goes, and the reloaded page claims it again at once.
    locks.owners.get('coursemark-attempt:k')?.();
    await tick();
    const reloaded = guardAttempt('k', recorder, manualEnv(locks).env);
    await reloaded.resume();
    expect(reloaded.launchProblem).toBeUndefined();
    runTimers();
    await tick();
    expect(second.launchProblem).toBe('other-tab');
    // Now the first tab closes for good.
    locks.owners.get('coursemark-attempt:k')?.();
    await tick();
    runTimers();
    await tick();
    expect(second.launchProblem).toBe('other-tab-closed');
    expect(RECHECK_MS).toBeGreaterThan(0);
  });
});

describe('guardAttempt with a BroadcastChannel roll call (no Web Locks)', () => {
  it('a tab that answers the roll call makes the new one a second tab', async () => {
    const channels: EventTarget[] = [];
    const open: TabEnvironment['channel'] = () => {
      const target = new EventTarget();
      channels.push(target);
      return {
        addEventListener: target.addEventListener.bind(target) as BroadcastChannel['addEventListener'],
        postMessage(message: unknown) {
          for (const other of channels) if (other !== target) other.dispatchEvent(new MessageEvent('message', { data: message }));
        },
      };
    };
    const a = manualEnv(undefined, open);
    const first = guardAttempt('k', recorder, a.env);
    const resumed = first.resume();
    a.runTimers();
    await resumed;
    const b = manualEnv(undefined, open);
    const second = guardAttempt('k', recorder, b.env);
    const pending = second.resume();
    b.runTimers();
    await pending;
    expect(first.launchProblem).toBeUndefined();
    expect(second.launchProblem).toBe('other-tab');
    expect(ROLL_CALL_MS).toBeLessThanOrEqual(200);
  });
});

describe('attemptKeyOf', () => {
  it('names a cmi5 launch by endpoint, registration, AU and fetch URL; TinCan by learner too; SCORM by path', () => {
    const cmi5 = '?endpoint=https%3A%2F%2Flrs%2F&fetch=https%3A%2F%2Flms%2Ff%2F1&actor=%7B%7D&registration=r&activityId=au';
    expect(attemptKeyOf('cmi5', cmi5)).toBe('cmi5 https://lrs/ r au https://lms/f/1');
    expect(attemptKeyOf('cmi5', '?endpoint=x')).toBeUndefined();
    expect(attemptKeyOf('xapi', '?endpoint=e&registration=r&activity_id=a&actor=%7B%7D&auth=Basic%20secret')).toBe('xapi e r a {}');
    expect(attemptKeyOf('scorm2004', '/pluginfile.php/12/mod_scorm/content/3/index.html')).toBe('scorm2004 /pluginfile.php/12/mod_scorm/content/3/index.html');
  });
});
