import type { CourseModel } from '../model/course-model.js';
import { listedPaths, manifestVersion, scormIdentifiers, type PackagedPath, type ResourceType, type ScormType } from './manifest-common.js';
import { LAUNCH_FILE } from './package-files.js';
import { attrs, element, serializeXml, textElement, XSI_NS, type XmlAttribute, type XmlDocument, type XmlElement } from './xml.js';

// SCORM 1.2 CAM §2.3 namespaces. imscp uses imsproject.org while imsmd uses imsglobal.org (standards §1.1).
export const SCORM12_NS = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
} as const;

const SCHEMA_LOCATION = [
  `${SCORM12_NS.imscp} imscp_rootv1p1p2.xsd`,
  `${SCORM12_NS.imsmd} imsmd_rootv1p2p1.xsd`,
  `${SCORM12_NS.adlcp} adlcp_rootv1p2.xsd`,
].join(' ');

/** SCORM 1.2 CAM §2.3 `adlcp:timelimitaction` vocabulary (standards M6). */
export type TimeLimitAction = 'exit,message' | 'exit,no message' | 'continue,message' | 'continue,no message';

export interface Scorm12Item {
  readonly identifier: string;
  /** Leaf items reference a resource; items with children do not (standards M4). */
  readonly identifierref?: string;
  readonly isvisible?: boolean;
  readonly title: string;
  readonly items: readonly Scorm12Item[];
  // Item-level ADL extensions, written in this order (SCORM 1.2 CAM §2.3 ADL extensions, standards M6).
  readonly maxtimeallowed?: string;
  readonly timelimitaction?: TimeLimitAction;
  readonly datafromlms?: string;
  /** 0..100, an integer here. */
  readonly masteryscore?: number;
}

export interface Scorm12Resource {
  readonly identifier: string;
  readonly type: ResourceType;
  readonly scormtype: ScormType;
  readonly href?: string;
  readonly files: readonly string[];
  readonly dependencies: readonly string[];
}

/** imsmanifest.xml for SCORM 1.2, as data. */
export interface Scorm12Manifest {
  readonly identifier: string;
  readonly version: string;
  /** SCORM 1.2 CAM §2.3 <metadata>: exact strings; the XSD does not check them (standards M2). */
  readonly metadata: { readonly schema: 'ADL SCORM'; readonly schemaversion: '1.2' };
  readonly organizations: {
    readonly default: string;
    readonly organizations: readonly { readonly identifier: string; readonly title: string; readonly items: readonly Scorm12Item[] }[];
  };
  readonly resources: readonly Scorm12Resource[];
}

/**
 * The SCORM 1.2 manifest of a single-SCO package (standards M1-M9): one organization, one item,
 * one SCO resource launching index.html that lists every packaged web file. The schema files at the
 * root are package control files and are not listed (IMS CP 1.1.2 §4.1).
 */
export function scorm12Manifest(model: CourseModel, files: readonly PackagedPath[]): Scorm12Manifest {
  const ids = scormIdentifiers(model);
  return {
    identifier: ids.manifest,
    version: manifestVersion(model),
    metadata: { schema: 'ADL SCORM', schemaversion: '1.2' },
    organizations: {
      default: ids.organization,
      organizations: [
        {
          identifier: ids.organization,
          title: model.data.title,
          items: [
            {
              identifier: ids.item,
              identifierref: ids.resource,
              isvisible: true,
              title: model.data.title,
              items: [],
              // SCORM 1.2 RTE §3.4 cmi.student_data.mastery_score: a decimal 0..100. Only in passed-failed
              // mode: LMSs such as Moodle rewrite the status to passed/failed from it at LMSFinish, which
              // would undo the other modes' "completed" and "incomplete" (lms-notes: mastery override).
              ...(model.data.scorm12Status === 'passed-failed' ? { masteryscore: Math.round(model.data.mastery * 100) } : {}),
            },
          ],
        },
      ],
    },
    resources: [
      {
        identifier: ids.resource,
        type: 'webcontent',
        scormtype: 'sco',
        href: LAUNCH_FILE,
        files: listedPaths(files),
        dependencies: [],
      },
    ],
  };
}

const cp = (name: string, attributes: readonly XmlAttribute[], children: readonly XmlElement[] = []): XmlElement => element(SCORM12_NS.imscp, name, attributes, children);
const adlcp = (name: string, text: string): XmlElement => textElement(SCORM12_NS.adlcp, `adlcp:${name}`, text);

function itemXml(item: Scorm12Item): XmlElement {
  const extensions: XmlElement[] = [
    ...(item.maxtimeallowed === undefined ? [] : [adlcp('maxtimeallowed', item.maxtimeallowed)]),
    ...(item.timelimitaction === undefined ? [] : [adlcp('timelimitaction', item.timelimitaction)]),
    ...(item.datafromlms === undefined ? [] : [adlcp('datafromlms', item.datafromlms)]),
    ...(item.masteryscore === undefined ? [] : [adlcp('masteryscore', String(item.masteryscore))]),
  ];
  return cp(
    'item',
    attrs({ identifier: item.identifier, identifierref: item.identifierref, isvisible: item.isvisible === undefined ? undefined : String(item.isvisible) }),
    [textElement(SCORM12_NS.imscp, 'title', item.title), ...item.items.map(itemXml), ...extensions],
  );
}

function resourceXml(resource: Scorm12Resource): XmlElement {
  return cp(
    'resource',
    [
      ...attrs({ identifier: resource.identifier, type: resource.type }),
      // SCORM 1.2 CAM §2.3 <resource>: lowercase `scormtype` (2004 uses camelCase `scormType`).
      { ns: SCORM12_NS.adlcp, name: 'adlcp:scormtype', value: resource.scormtype },
      ...attrs({ href: resource.href }),
    ],
    [
      ...resource.files.map((href) => cp('file', attrs({ href }))),
      ...resource.dependencies.map((identifierref) => cp('dependency', attrs({ identifierref }))),
    ],
  );
}

/** The manifest as an XML document tree. */
export function scorm12ManifestXml(manifest: Scorm12Manifest): XmlDocument {
  const root = cp(
    'manifest',
    [...attrs({ identifier: manifest.identifier, version: manifest.version }), { ns: XSI_NS, name: 'xsi:schemaLocation', value: SCHEMA_LOCATION }],
    [
      cp('metadata', [], [textElement(SCORM12_NS.imscp, 'schema', manifest.metadata.schema), textElement(SCORM12_NS.imscp, 'schemaversion', manifest.metadata.schemaversion)]),
      cp(
        'organizations',
        attrs({ default: manifest.organizations.default }),
        manifest.organizations.organizations.map((org) => cp('organization', attrs({ identifier: org.identifier }), [textElement(SCORM12_NS.imscp, 'title', org.title), ...org.items.map(itemXml)])),
      ),
      cp('resources', [], manifest.resources.map(resourceXml)),
    ],
  );
  return { root, prefixes: [['adlcp', SCORM12_NS.adlcp], ['xsi', XSI_NS]] };
}

/** imsmanifest.xml text. */
export const writeScorm12Manifest = (manifest: Scorm12Manifest): string => serializeXml(scorm12ManifestXml(manifest));
