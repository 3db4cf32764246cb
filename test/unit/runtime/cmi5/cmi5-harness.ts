/** Wiring for cmi5 adapter tests: a launched AU against the loopback LRS, with injected browser parts. */
import { openCmi5Session } from '../../../../components/runtime/cmi5/cmi5-adapter.js';
import type { LrsAdapterDependencies } from '../../../../components/runtime/lrs/adapter-dependencies.js';
import { createLrsTracker, type LrsTrackingAdapter } from '../../../../components/runtime/lrs/lrs-tracker.js';
import { createMemoryQueueStore, type QueuedItem } from '../../../../components/runtime/lrs/queue-store.js';
import type { RunningLrs } from '../../../support/lrs-server.js';
import { COURSE, manualTimers, MapStorage, recordingFetch, settle, type ManualTimers } from '../lrs/helpers.js';

/** What outlives one page load: sessionStorage, localStorage and the queue's store. */
export interface Browser {
  readonly sessionStorage: MapStorage;
  readonly localStorage: MapStorage;
  readonly queues: Map<string, QueuedItem[]>;
  /** The local bookmark copies kept beside the queues. */
  readonly mirrors: Map<string, unknown>;
  /** Every statement id a page of this browser queued: what the LRS must end up holding. */
  readonly queued: string[];
  readonly navigations: { url: string; statementsStored: number }[];
  readonly fetchCalls: { url: string; init: RequestInit | undefined }[];
}

export function newBrowser(): Browser {
  return { sessionStorage: new MapStorage(), localStorage: new MapStorage(), queues: new Map(), mirrors: new Map(), queued: [], navigations: [], fetchCalls: [] };
}

export interface LoadedAu {
  readonly adapter: LrsTrackingAdapter;
  readonly clock: ManualTimers;
  /** Requests to the LRS still waiting for their response. */
  readonly inFlight: () => number;
  /** The tab goes away: no more requests, and replies still on their way are never seen. */
  close(): void;
}

export interface LoadOptions {
  /** Timers on the real clock (an exit wait that runs out while requests are in flight). */
  readonly realTimers?: boolean;
  readonly exitWaitMs?: number;
}

/** One page load of the AU at `search`. Once it navigates away, it can send nothing more. */
export function loadAu(
  lrs: RunningLrs,
  browser: Browser,
  search: string,
  open: (deps: LrsAdapterDependencies) => ReturnType<typeof openCmi5Session> = openCmi5Session,
  options: LoadOptions = {},
): LoadedAu {
  const clock = manualTimers();
  const recorder = recordingFetch();
  let gone = false;
  const realTimers = {
    setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
    clearTimeout: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const deps: LrsAdapterDependencies = {
    course: COURSE,
    search,
    fetch: (url, init) => {
      if (gone) return Promise.reject(new TypeError('Failed to fetch'));
      browser.fetchCalls.push({ url, init });
      // A page that has gone runs no more code: replies that come back later are never seen.
      return recorder.fetch(url, init).then((reply) => (gone ? new Promise<Response>(() => undefined) : reply));
    },
    sessionStorage: browser.sessionStorage,
    localStorage: browser.localStorage,
    openStore: (key) => {
      const store = createMemoryQueueStore(browser.queues, key, browser.mirrors);
      return Promise.resolve({
        ...store,
        add: (item: QueuedItem) => {
          if (!browser.queued.includes(item.id)) browser.queued.push(item.id);
          return store.add(item);
        },
      });
    },
    timers: options.realTimers === true ? realTimers : clock.timers,
    now: () => Date.now(),
    random: () => 0.5,
    online: () => true,
    navigate: (url) => {
      gone = true;
      browser.navigations.push({ url, statementsStored: lrs.statements().length });
    },
    baseDelayMs: 200,
    ...(options.exitWaitMs === undefined ? {} : { exitWaitMs: options.exitWaitMs }),
  };
  return {
    adapter: createLrsTracker(open(deps), {}),
    clock,
    inFlight: recorder.inFlight,
    close: () => {
      gone = true;
    },
  };
}

/** Runs real-time requests and timers (those due within `maxWait` ms) until `done` holds. */
export async function until(au: LoadedAu, done: () => boolean, maxWait = Number.POSITIVE_INFINITY, rounds = 400): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await settle(10);
    if (done()) return;
    if (au.clock.pending() > 0 && au.inFlight() === 0) au.clock.fireNext(maxWait);
  }
  throw new Error('until: not done');
}

export const verbs = (lrs: RunningLrs): string[] => lrs.statements().map((s) => s.verb.id.split('/').pop() ?? '');
