import type { CourseModel } from '../model/course-model.js';
import { courseDescription } from './manifest-common.js';
import { LAUNCH_FILE } from './package-files.js';
import { attrs, element, serializeXml, textElement, type XmlDocument, type XmlElement } from './xml.js';

/** TinCan package namespace (Rustici launch spec, lms_lrs.md "tincan.xml"; standards §4). */
export const TINCAN_NS = 'http://projecttincan.com/tincan.xsd';

/** xAPI activity types we declare (ADL vocabulary, http://adlnet.gov/expapi/activities/...). */
export type ActivityType = 'http://adlnet.gov/expapi/activities/course' | 'http://adlnet.gov/expapi/activities/module';

export interface TinCanActivity {
  /** Absolute IRI (xAPI 1.0.3 §2.4.4.1 Activity id). */
  readonly id: string;
  readonly type: ActivityType;
  readonly name: { readonly lang: string; readonly text: string };
  readonly description: { readonly lang: string; readonly text: string };
  /** Relative launch file; at most one activity of the package has one. */
  readonly launch?: { readonly lang: string; readonly href: string };
}

/** tincan.xml as data. */
export interface TinCanManifest {
  readonly activities: readonly TinCanActivity[];
}

/** tincan.xml: the course activity, launching index.html. */
export function tincanManifest(model: CourseModel): TinCanManifest {
  const { data } = model;
  return {
    activities: [
      {
        id: data.id,
        type: 'http://adlnet.gov/expapi/activities/course',
        name: { lang: data.language, text: data.title },
        description: { lang: data.language, text: courseDescription(model) },
        launch: { lang: data.language, href: LAUNCH_FILE },
      },
    ],
  };
}

function activityXml(activity: TinCanActivity): XmlElement {
  return element(TINCAN_NS, 'activity', attrs({ id: activity.id, type: activity.type }), [
    textElement(TINCAN_NS, 'name', activity.name.text, attrs({ lang: activity.name.lang })),
    textElement(TINCAN_NS, 'description', activity.description.text, attrs({ lang: activity.description.lang })),
    ...(activity.launch === undefined ? [] : [textElement(TINCAN_NS, 'launch', activity.launch.href, attrs({ lang: activity.launch.lang }))]),
  ]);
}

export function tincanManifestXml(manifest: TinCanManifest): XmlDocument {
  return { root: element(TINCAN_NS, 'tincan', [], [element(TINCAN_NS, 'activities', [], manifest.activities.map(activityXml))]), prefixes: [] };
}

/** tincan.xml text. */
export const writeTincanManifest = (manifest: TinCanManifest): string => serializeXml(tincanManifestXml(manifest));
