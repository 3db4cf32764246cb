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
  readonly navigations: { url: string; statementsStored: number }[];
  readonly fetchCalls: { url: string; init: RequestInit | undefined }[];
}

export function newBrowser(): Browser {
  return { sessionStorage: new MapStorage(), localStorage: new MapStorage(), queues: new Map(), navigations: [], fetchCalls: [] };
}

export interface LoadedAu {
  readonly adapter: LrsTrackingAdapter;
  readonly clock: ManualTimers;
  /** Requests to the LRS still waiting for their response. */
  readonly inFlight: () => number;
}

/** One page load of the AU at `search`. */
export function loadAu(
  lrs: RunningLrs,
  browser: Browser,
  search: string,
  open: (deps: LrsAdapterDependencies) => ReturnType<typeof openCmi5Session> = openCmi5Session,
): LoadedAu {
  const clock = manualTimers();
  const recorder = recordingFetch();
  const deps: LrsAdapterDependencies = {
    course: COURSE,
    search,
    fetch: (url, init) => {
      browser.fetchCalls.push({ url, init });
      return recorder.fetch(url, init);
    },
    sessionStorage: browser.sessionStorage,
    localStorage: browser.localStorage,
    openStore: (key) => Promise.resolve(createMemoryQueueStore(browser.queues, key)),
    timers: clock.timers,
    now: () => Date.now(),
    random: () => 0.5,
    online: () => true,
    navigate: (url) => browser.navigations.push({ url, statementsStored: lrs.statements().length }),
    baseDelayMs: 200,
  };
  return { adapter: createLrsTracker(open(deps), {}), clock, inFlight: recorder.inFlight };
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
