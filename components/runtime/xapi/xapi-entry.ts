/**
 * The xAPI (TinCan launch) package's tracking runtime: `virtual:coursemark/tracker` points here for
 * the xapi target. Nothing runs on import; the browser is read when the player creates the adapter.
 */
import type { CourseData } from '../../course-data.js';
import { deferAdapter } from '../../deferred-adapter.js';
import type { TrackingAdapter } from '../../tracker.js';
import { browserDependencies } from '../lrs/adapter-dependencies.js';

/**
 * The launch parameters are read at once; the session (LRS client, delivery queue, statement
 * emitter, resume codec) is its own chunk, loaded as the player starts, with the course details. Events recorded before it
 * arrives wait, in order.
 */
export function createTrackingAdapter(course: Promise<CourseData>): TrackingAdapter {
  // Read now: the launch URL is what the LMS gave, before anything could change it.
  const search = globalThis.window?.location.search ?? '';
  return deferAdapter(async () => {
    const [module, data] = await Promise.all([import('./xapi-session.js'), course]);
    const deps = { ...browserDependencies(data), search };
    // A second tab of the same attempt records nothing and says so.
    return module.guardAttempt(module.attemptKeyOf('xapi', search), () => module.createLrsTracker(module.openXapiSession(deps), deps));
  });
}
