import type { CourseModel } from '../model/course-model.js';
import { comparePaths } from './package-files.js';
import { toXmlId } from './xml-id.js';

/** A file that goes into the package, as far as a manifest needs it. `OutputFile` fits. */
export interface PackagedPath {
  readonly path: string;
}

/** The SCORM resource type for web content (IMS CP 1.1.x `type`; the only one SCORM uses). */
export type ResourceType = 'webcontent';

/** SCORM `scormtype` (1.2) / `scormType` (2004) vocabulary, case-sensitive in both XSDs. */
export type ScormType = 'sco' | 'asset';

/** The paths a manifest lists: sorted, without duplicates, so the manifest is stable. */
export function listedPaths(files: readonly PackagedPath[]): string[] {
  return [...new Set(files.map((file) => file.path))].sort(comparePaths);
}

/** A non-empty description: LMSs show it in catalogues, and an empty langstring helps no one. */
export const courseDescription = (model: CourseModel): string => model.data.description.trim() || model.data.title;

/** Identifiers shared by both SCORM manifests: stable across builds, derived from the course IRI. */
export function scormIdentifiers(model: CourseModel): { readonly manifest: string; readonly organization: string; readonly item: string; readonly resource: string } {
  const base = toXmlId(model.data.id);
  return {
    manifest: `MANIFEST-${base}`,
    organization: `ORG-${base}`,
    item: `ITEM-${base}`,
    resource: `RES-${base}`,
  };
}

/** IMS CP `version` attribute: at most 20 characters (imscp_rootv1p1p2.xsd attr.version). */
export const manifestVersion = (model: CourseModel): string => model.data.version.slice(0, 20);

/**
 * A plain decimal (xs:decimal: no exponent) with at most `places` decimals and no trailing zeros:
 * 0.8 -> "0.8", 0.7000000000000001 -> "0.7", 1e-7 -> "0.0000001".
 */
export function decimalText(value: number, places: number): string {
  const fixed = value.toFixed(places);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}
