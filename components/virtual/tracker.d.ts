// Types of the `virtual:coursemark/tracker` module: the build points it at the adapter of the target.
import type { CourseData } from '../course-data.js';
import type { TrackingAdapter } from '../tracker.js';

/** `course` resolves once the course details have loaded (an adapter starts before they arrive). */
export declare function createTrackingAdapter(course: Promise<CourseData>): TrackingAdapter;
