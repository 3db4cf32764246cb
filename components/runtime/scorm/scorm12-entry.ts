/** Tracking entry of SCORM 1.2 packages: what `virtual:coursemark/tracker` names for that target. */
import type { CourseData } from '../../course-data.js';
import type { TrackingAdapter } from '../../tracker.js';
import { createScorm12Adapter } from './scorm12-adapter.js';

export function createTrackingAdapter(course: CourseData): TrackingAdapter {
  return createScorm12Adapter(course);
}
