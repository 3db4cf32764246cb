/**
 * The web build's tracking adapter (loaded lazily by local-tracker.ts): progress lives in this
 * browser's localStorage only.
 * Nothing leaves the device, which is also why there is nothing to report events to.
 */
import type { CourseData } from '../course-data.js';
import type { LearnerEvent, ProgressState, TrackingAdapter } from '../tracker.js';
import { parseProgressState } from './progress-codec.js';

/** One key per course version: a new version's questions may not match older answers. */
export function storageKey(course: Pick<CourseData, 'id' | 'version'>): string {
  return `coursemark:${course.id}@${course.version}`;
}

/**
 * localStorage itself can throw: a `SecurityError` when storage is disabled (sandboxed iframes,
 * some privacy modes) and a `QuotaExceededError` when full. Both mean "not saving", never a crash.
 */
function getStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch (error: unknown) {
    if (error instanceof DOMException) return undefined;
    throw error;
  }
}

class LocalTracker implements TrackingAdapter {
  private readonly key: string;
  private ok = true;

  constructor(course: CourseData) {
    this.key = storageKey(course);
  }

  get saving(): boolean {
    return this.ok;
  }

  resume(): Promise<ProgressState | undefined> {
    const storage = getStorage();
    if (storage === undefined) {
      this.ok = false;
      return Promise.resolve(undefined);
    }
    try {
      return Promise.resolve(parseProgressState(storage.getItem(this.key)));
    } catch (error: unknown) {
      // getItem throws only when storage is unavailable; treat it like disabled storage.
      this.ok = false;
      console.warn('coursemark: could not read saved progress', error);
      return Promise.resolve(undefined);
    }
  }

  record(_event: LearnerEvent, state: ProgressState): void {
    const storage = getStorage();
    if (storage === undefined) {
      this.ok = false;
      return;
    }
    try {
      storage.setItem(this.key, JSON.stringify(state));
      this.ok = true;
    } catch (error: unknown) {
      // Quota exceeded or storage disabled: the player shows a "not saving" notice instead.
      this.ok = false;
      console.warn('coursemark: could not save progress', error);
    }
  }
}

export function createLocalStore(course: CourseData): TrackingAdapter {
  return new LocalTracker(course);
}
