/** The SCORM 2004 4th Edition tracking adapter (RTE 4th Ed; standards.md 2.2-2.3). */
import type { CourseData } from '../../course-data.js';
import { createScormAdapter, type ScormAdapterOptions, type ScormTrackingAdapter } from './scorm-adapter.js';
import { scorm2004Model } from './scorm2004-model.js';

export function createScorm2004Adapter(course: CourseData, options: ScormAdapterOptions = {}): ScormTrackingAdapter {
  return createScormAdapter(course, scorm2004Model, options);
}
// In the same chunk: the second-tab guard the entry wraps the adapter in.
export { attemptKeyOf, guardAttempt } from '../other-tab.js';
