// Types of the `virtual:coursemark/tracker` module: the build points it at the adapter of the target.
import type { CourseData } from '../course-data.js';
import type { TrackingAdapter } from '../tracker.js';

export declare function createTrackingAdapter(course: CourseData): TrackingAdapter;
