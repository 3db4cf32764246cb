/** The SCORM 1.2 tracking adapter (RTE 1.2; standards.md 1.2-1.3). */
import type { CourseData } from '../../course-data.js';
import { createScormAdapter, type ScormAdapterOptions, type ScormTrackingAdapter } from './scorm-adapter.js';
import { scorm12Model } from './scorm12-model.js';

export function createScorm12Adapter(course: CourseData, options: ScormAdapterOptions = {}): ScormTrackingAdapter {
  return createScormAdapter(course, scorm12Model, options);
}
// In the same chunk: the second-tab guard the entry wraps the adapter in.
export { attemptKeyOf, guardAttempt } from '../other-tab.js';
