/**
 * The cmi5 package's tracking runtime: `virtual:coursemark/tracker` points here for the cmi5
 * target. Nothing runs on import; the browser is read when the player creates the adapter.
 */
import type { CourseData, CourseOutline } from '../../course-data.js';
import { scopeTo, type LaunchScope } from '../../course-scope.js';
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
    const [module, data] = await Promise.all([import('./cmi5-session.js'), course]);
    const deps = { ...browserDependencies(data), search };
    // A second tab of the same attempt records nothing and says so.
    return module.guardAttempt(module.attemptKeyOf('cmi5', search), () => module.createLrsTracker(module.openCmi5Session(deps), deps));
  });
}

/**
 * The part of the course an AU presents: `?au=` in its launch URL names a part or a page
 * (cmi5-manifest.ts auUrl; the LMS keeps the url's own query, cmi5 8.1). Without it, the whole course.
 */
export function launchScope(outline: CourseOutline, search: string): LaunchScope | undefined {
  const au = new URLSearchParams(search).get('au');
  if (au === null) return undefined;
  const part = outline.parts.find((candidate) => candidate.id === au);
  if (part !== undefined) return scopeTo(outline, new Set(part.pages));
  if (outline.pages.some((page) => page.id === au)) return scopeTo(outline, new Set([au]));
  // A launch URL from another version of the package: better the whole course than nothing.
  console.warn(`coursemark: the launch asks for "${au}", which is neither a part nor a page of this course`);
  return undefined;
}
