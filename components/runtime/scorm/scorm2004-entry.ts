/** Tracking entry of SCORM 2004 4th Edition packages: what `virtual:coursemark/tracker` names for that target. */
import type { CourseData } from '../../course-data.js';
import type { TrackingAdapter } from '../../tracker.js';
import { createScorm2004Adapter } from './scorm2004-adapter.js';

export function createTrackingAdapter(course: CourseData): TrackingAdapter {
  return createScorm2004Adapter(course);
}
