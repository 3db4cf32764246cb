/** Launches a SCORM adapter against a strict LMS in a fake window. */
import type { CourseData } from '../../../../components/course-data.js';
import { createScorm12Adapter } from '../../../../components/runtime/scorm/scorm12-adapter.js';
import { createScorm2004Adapter } from '../../../../components/runtime/scorm/scorm2004-adapter.js';
import type { ScormAdapterOptions, ScormTrackingAdapter } from '../../../../components/runtime/scorm/scorm-adapter.js';
import { FakeWindow, sampleCourse } from './fixtures.js';
import { StrictLms, type LmsVersion, type StrictLmsOptions } from './strict-lms.js';

export const VERSIONS: readonly LmsVersion[] = ['1.2', '2004'];

export const apiName = (version: LmsVersion): 'API' | 'API_1484_11' => (version === '1.2' ? 'API' : 'API_1484_11');

export const el = (version: LmsVersion) =>
  version === '1.2'
    ? { exit: 'cmi.core.exit', entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', raw: 'cmi.core.score.raw', status: 'cmi.core.lesson_status', sessionTime: 'cmi.core.session_time', init: 'LMSInitialize', finish: 'LMSFinish', commit: 'LMSCommit', set: 'LMSSetValue' }
    : { exit: 'cmi.exit', entry: 'cmi.entry', location: 'cmi.location', raw: 'cmi.score.raw', status: 'cmi.success_status', sessionTime: 'cmi.session_time', init: 'Initialize', finish: 'Terminate', commit: 'Commit', set: 'SetValue' };

export function createAdapter(version: LmsVersion, course: CourseData, options: ScormAdapterOptions): ScormTrackingAdapter {
  return version === '1.2' ? createScorm12Adapter(course, options) : createScorm2004Adapter(course, options);
}

export interface Launch {
  readonly lms: StrictLms;
  readonly win: FakeWindow;
  readonly adapter: ScormTrackingAdapter;
  readonly course: CourseData;
}

export function launch(version: LmsVersion, options: StrictLmsOptions & { readonly course?: CourseData; readonly adapter?: ScormAdapterOptions } = {}): Launch {
  const lms = new StrictLms(version, options);
  const win = new FakeWindow();
  win[apiName(version)] = lms.api();
  const course = options.course ?? sampleCourse();
  const adapter = createAdapter(version, course, { window: win, random: () => 0.5, storage: undefined, ...options.adapter });
  return { lms, win, adapter, course };
}

/**
 * Error codes a conformant SCO may still draw: 2004 GetValue on an element the package left
 * undefined answers 403 "value not initialized", which RTE 4.2 lists as informational.
 */
export function realErrors(lms: StrictLms): ReturnType<StrictLms['errors']> {
  return lms.errors().filter((call) => !(lms.version === '2004' && call.method === 'GetValue' && call.error === '403'));
}
