/**
 * Tracking entry of the web build: progress in this browser's localStorage (local-store.ts). The
 * store and its codec are their own chunk, loaded as the player starts (deferred-adapter.ts).
 */
import type { CourseData } from '../course-data.js';
import { deferAdapter } from '../deferred-adapter.js';
import type { TrackingAdapter } from '../tracker.js';

export function createTrackingAdapter(course: Promise<CourseData>): TrackingAdapter {
  return deferAdapter(async () => {
    const [module, data] = await Promise.all([import('./local-store.js'), course]);
    return module.createLocalStore(data);
  });
}
