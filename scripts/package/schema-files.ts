import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../project-root.js';
import type { OutputFile } from '../bundle/bundle-course.js';

/**
 * The official schema files that SCORM packages carry at their root, exact copies of the ones
 * vendored under schemas/ (see schemas/README.md for where each comes from).
 */

/** SCORM 1.2 CAM 2.x: the ADL 1.2 CTS fails packages without these (standards M7). */
export const SCORM12_SCHEMA_FILES = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] as const;

/** SCORM 2004 4th Edition CAM: the root schema set without LOM, which we do not use (standards N7). */
export const SCORM2004_SCHEMA_FILES = [
  'XMLSchema.dtd',
  'adlcp_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'datatypes.dtd',
  'imscp_v1p1.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
] as const;

export type ScormVersion = 'scorm12' | 'scorm2004';

/** Folder of the vendored schemas inside the project. */
export const schemasDir = pathToFileURL(`${fromRoot('schemas')}/`);

const folderOf = (version: ScormVersion): string => (version === 'scorm12' ? 'scorm12/' : 'scorm2004-4th/');

export const schemaFileNames = (version: ScormVersion): readonly string[] => (version === 'scorm12' ? SCORM12_SCHEMA_FILES : SCORM2004_SCHEMA_FILES);

/** Reads the schema files a SCORM package ships, as root-level output files, from `dir` (default: schemas/). */
export async function loadSchemaFiles(version: ScormVersion, dir: URL = schemasDir): Promise<OutputFile[]> {
  const folder = new URL(folderOf(version), dir);
  return Promise.all(
    schemaFileNames(version).map(async (name) => ({ path: name, contents: new Uint8Array(await readFile(new URL(name, folder))) })),
  );
}
