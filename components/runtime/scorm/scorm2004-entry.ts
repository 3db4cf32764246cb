/** Tracking entry of SCORM 2004 4th Edition packages: what `virtual:coursemark/tracker` names for that target. */
import type { CourseData } from '../../course-data.js';
import { deferAdapter } from '../../deferred-adapter.js';
import type { TrackingAdapter } from '../../tracker.js';

/**
 * The adapter (API discovery, the data model, the statement emitter and the resume codec) is its
 * own chunk, loaded as the player starts; events recorded before it arrives wait, in order.
 */
export function createTrackingAdapter(course: Promise<CourseData>): TrackingAdapter {
  // The package's path on the LMS names the attempt for other-tab.ts.
  const path = globalThis.window?.location.pathname ?? '';
  return deferAdapter(async () => {
    const [module, data] = await Promise.all([import('./scorm2004-adapter.js'), course]);
    // A second tab of the same attempt records nothing and says so.
    return module.guardAttempt(module.attemptKeyOf('scorm2004', path), () => module.createScorm2004Adapter(data));
  });
}
