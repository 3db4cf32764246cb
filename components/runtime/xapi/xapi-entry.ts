/**
 * The xAPI (TinCan launch) package's tracking runtime: `virtual:coursemark/tracker` points here for
 * the xapi target. Nothing runs on import; the browser is read when the player creates the adapter.
 */
import type { CourseData } from '../../course-data.js';
import type { TrackingAdapter } from '../../tracker.js';
import { browserDependencies } from '../lrs/adapter-dependencies.js';
import { createLrsTracker } from '../lrs/lrs-tracker.js';
import { openXapiSession } from './xapi-adapter.js';

export function createTrackingAdapter(course: CourseData): TrackingAdapter {
  const deps = browserDependencies(course);
  return createLrsTracker(openXapiSession(deps), deps);
}
