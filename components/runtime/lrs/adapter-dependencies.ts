/**
 * Everything an LRS adapter takes from the page, as parameters: tests pass fakes, and the entry
 * modules read the browser's own only when `createTrackingAdapter` runs (no work on import).
 */
import type { CourseData } from '../../course-data.js';
import type { Timers } from './delivery-queue.js';
import type { FetchLike } from './lrs-client.js';
import type { PageEvents } from './lrs-tracker.js';
import type { QueueStore } from './queue-store.js';

export interface LrsAdapterDependencies {
  readonly course: CourseData;
  /** `location.search` of the launch. */
  readonly search: string;
  readonly fetch: FetchLike;
  readonly sessionStorage?: Storage | undefined;
  readonly localStorage?: Storage | undefined;
  readonly indexedDB?: IDBFactory | undefined;
  /** Replaces IndexedDB/localStorage selection (tests). */
  readonly openStore?: (key: string) => Promise<QueueStore>;
  readonly timers: Timers;
  readonly now: () => number;
  readonly random: () => number;
  readonly uuid?: () => string;
  readonly online: () => boolean;
  /** cmi5 10.2.6: navigates the current window (`location.assign`). */
  readonly navigate: (url: string) => void;
  readonly exitWaitMs?: number;
  /** Bookmark writes begin at least this many ms apart (bookmark.ts, default 250). */
  readonly coalesceMs?: number;
  readonly baseDelayMs?: number;
}


function storage(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[name];
  } catch {
    // A SecurityError when storage is disabled (sandboxed frames, some privacy modes).
    return undefined;
  }
}

/** The browser's own dependencies, read when called. */
export function browserDependencies(course: CourseData): LrsAdapterDependencies & PageEvents {
  const page = globalThis.window as Window | undefined;
  return {
    course,
    search: page?.location.search ?? '',
    fetch: (input, init) => globalThis.fetch(input, init),
    sessionStorage: storage('sessionStorage'),
    localStorage: storage('localStorage'),
    indexedDB: globalThis.indexedDB as IDBFactory | undefined,
    timers: {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    },
    now: () => Date.now(),
    random: Math.random,
    online: () => globalThis.navigator?.onLine !== false,
    navigate: (url) => page?.location.assign(url),
    window: page,
    document: page?.document,
  };
}
