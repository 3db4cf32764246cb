import type { OutputFile } from '../bundle/bundle-course.js';
import type { PackageKind } from './verify-report.js';

/** What the LMS reads from the manifest to launch the package. */
export interface LaunchInfo {
  readonly kind: PackageKind;
  /** The launch file, relative to the package root, with any query it carries. */
  readonly href: string;
  /** cmi5 AU id or TinCan activity id. */
  readonly activityId: string;
  /** Mastery as the LMS hands it to the content: 0-100 for SCORM 1.2, 0-1 otherwise. */
  readonly mastery: number | undefined;
  readonly moveOn: string | undefined;
}

const decoder = new TextDecoder();
const unescape = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attribute = (tag: string, name: string): string | undefined => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : unescape(value);
};
const numberOrUndefined = (text: string | undefined): number | undefined => (text === undefined || text.trim() === '' ? undefined : Number(text));

/**
 * Finds the package kind and launch details: imsmanifest.xml (SCORM 1.2 or 2004 by its
 * schemaversion, CAM 3.4.1.4), cmi5.xml (cmi5 13.1) or tincan.xml (Rustici launch spec). The
 * manifests have already passed the package checks; this only reads what a launch needs.
 */
export function launchInfo(entries: readonly OutputFile[]): LaunchInfo | undefined {
  const read = (name: string): string | undefined => {
    const entry = entries.find((candidate) => candidate.path === name);
    return entry === undefined ? undefined : decoder.decode(entry.contents);
  };
  const scorm = read('imsmanifest.xml');
  if (scorm !== undefined) {
    const version = /<schemaversion>\s*([^<]*?)\s*<\/schemaversion>/.exec(scorm)?.[1] ?? '';
    const kind: PackageKind = version === '1.2' ? 'scorm12' : 'scorm2004';
    const resource = /<resource\b[^>]*scorm[tT]ype="sco"[^>]*>/.exec(scorm)?.[0] ?? /<resource\b[^>]*>/.exec(scorm)?.[0] ?? '';
    const mastery =
      kind === 'scorm12'
        ? /<adlcp:masteryscore>([^<]*)</.exec(scorm)?.[1]
        : /satisfiedByMeasure="true"[\s\S]*?<imsss:minNormalizedMeasure>([^<]*)</.exec(scorm)?.[1];
    return { kind, href: attribute(resource, 'href') ?? '', activityId: '', mastery: numberOrUndefined(mastery), moveOn: undefined };
  }
  const cmi5 = read('cmi5.xml');
  if (cmi5 !== undefined) {
    const au = /<au\b[^>]*>/.exec(cmi5)?.[0] ?? '';
    const url = /<au\b[\s\S]*?<url>([^<]*)<\/url>/.exec(cmi5)?.[1] ?? '';
    return {
      kind: 'cmi5',
      href: unescape(url.trim()),
      activityId: attribute(au, 'id') ?? '',
      mastery: numberOrUndefined(attribute(au, 'masteryScore')),
      moveOn: attribute(au, 'moveOn'),
    };
  }
  const tincan = read('tincan.xml');
  if (tincan !== undefined) {
    const activity = /<activity\b[^>]*>/.exec(tincan)?.[0] ?? '';
    const launch = /<launch\b[^>]*>([^<]*)<\/launch>/.exec(tincan)?.[1] ?? '';
    return { kind: 'xapi', href: unescape(launch.trim()), activityId: attribute(activity, 'id') ?? '', mastery: undefined, moveOn: undefined };
  }
  return undefined;
}

/** The launch file's path inside the package (the href without its query or fragment). */
export const launchFile = (href: string): string => href.split(/[?#]/)[0] ?? href;
