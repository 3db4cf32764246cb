import type { CourseModel } from '../model/course-model.js';
import { decimalText, listedPaths, manifestVersion, scormIdentifiers, type PackagedPath, type ResourceType, type ScormType } from './manifest-common.js';
import { LAUNCH_FILE } from './package-files.js';
import { attrs, element, serializeXml, textElement, XSI_NS, type XmlAttribute, type XmlDocument, type XmlElement } from './xml.js';

// SCORM 2004 4th Edition CAM 3.3 namespaces (standards §2.1).
export const SCORM2004_NS = {
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
} as const;

const SCHEMA_LOCATION = [
  `${SCORM2004_NS.imscp} imscp_v1p1.xsd`,
  `${SCORM2004_NS.adlcp} adlcp_v1p3.xsd`,
  `${SCORM2004_NS.adlseq} adlseq_v1p3.xsd`,
  `${SCORM2004_NS.adlnav} adlnav_v1p3.xsd`,
  `${SCORM2004_NS.imsss} imsss_v1p0.xsd`,
].join(' ');

/** SCORM 2004 CAM 3.4 `<schemaversion>` values by edition; we write the 4th (standards N1). */
export type Scorm2004SchemaVersion = '2004 4th Edition' | '2004 3rd Edition' | 'CAM 1.3';

/** SCORM 2004 4th Ed SN / IMS SS 1.0 `imsss:deliveryControls` (standards N9). */
export interface DeliveryControls {
  readonly tracked?: boolean;
  readonly completionSetByContent: boolean;
  readonly objectiveSetByContent: boolean;
}

/** SCORM 2004 4th Ed SN / IMS SS 1.0 `imsss:primaryObjective` (standards N6). */
export interface PrimaryObjective {
  readonly objectiveID: string;
  readonly satisfiedByMeasure: boolean;
  /** -1..1; becomes cmi.scaled_passing_score. */
  readonly minNormalizedMeasure: number;
}

export interface ItemSequencing {
  readonly primaryObjective: PrimaryObjective;
  readonly deliveryControls: DeliveryControls;
}

/** SCORM 2004 4th Ed CAM 3.4 `adlcp:completionThreshold`, 4th Edition attribute form (standards N5). */
export interface CompletionThreshold {
  readonly completedByMeasure: boolean;
  readonly minProgressMeasure: number;
  readonly progressWeight?: number;
}

export interface Scorm2004Item {
  readonly identifier: string;
  readonly identifierref?: string;
  readonly isvisible?: boolean;
  readonly title: string;
  readonly items: readonly Scorm2004Item[];
  readonly dataFromLMS?: string;
  readonly completionThreshold?: CompletionThreshold;
  readonly sequencing?: ItemSequencing;
}

export interface Scorm2004Resource {
  readonly identifier: string;
  readonly type: ResourceType;
  readonly scormType: ScormType;
  readonly href?: string;
  readonly files: readonly string[];
  readonly dependencies: readonly string[];
}

/** imsmanifest.xml for SCORM 2004 4th Edition, as data. */
export interface Scorm2004Manifest {
  readonly identifier: string;
  readonly version: string;
  readonly metadata: { readonly schema: 'ADL SCORM'; readonly schemaversion: Scorm2004SchemaVersion };
  readonly organizations: {
    readonly default: string;
    readonly organizations: readonly { readonly identifier: string; readonly title: string; readonly items: readonly Scorm2004Item[] }[];
  };
  readonly resources: readonly Scorm2004Resource[];
}

/**
 * The SCORM 2004 4th Edition manifest of a single-SCO package (standards N1-N10). The SCO item
 * says that content sets completion and satisfaction itself (N9) and that it passes at the course
 * mastery (N6), so the LMS neither guesses statuses on exit nor uses the default threshold 1.0.
 */
export function scorm2004Manifest(model: CourseModel, files: readonly PackagedPath[]): Scorm2004Manifest {
  const ids = scormIdentifiers(model);
  return {
    identifier: ids.manifest,
    version: manifestVersion(model),
    metadata: { schema: 'ADL SCORM', schemaversion: '2004 4th Edition' },
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
              sequencing: {
                primaryObjective: { objectiveID: 'PRIMARYOBJ', satisfiedByMeasure: true, minNormalizedMeasure: model.data.mastery },
                deliveryControls: { completionSetByContent: true, objectiveSetByContent: true },
              },
            },
          ],
        },
      ],
    },
    resources: [
      {
        identifier: ids.resource,
        type: 'webcontent',
        scormType: 'sco',
        href: LAUNCH_FILE,
        files: listedPaths(files),
        dependencies: [],
      },
    ],
  };
}

const cp = (name: string, attributes: readonly XmlAttribute[], children: readonly XmlElement[] = []): XmlElement => element(SCORM2004_NS.imscp, name, attributes, children);
const ss = (name: string, attributes: readonly XmlAttribute[], children: readonly XmlElement[] = []): XmlElement => element(SCORM2004_NS.imsss, `imsss:${name}`, attributes, children);
const bool = (value: boolean | undefined): string | undefined => (value === undefined ? undefined : String(value));

/** Measure text: real(10,7) in the SCORM 2004 data model, so at most 7 decimals. */
const measureText = (value: number): string => decimalText(value, 7);

function sequencingXml(sequencing: ItemSequencing): XmlElement {
  const objective = sequencing.primaryObjective;
  const delivery = sequencing.deliveryControls;
  // IMS SS 1.0 sequencingType (imsss_v1p0.xsd): children in schema order, objectives before deliveryControls.
  return ss('sequencing', [], [
    ss('objectives', [], [
      ss('primaryObjective', attrs({ objectiveID: objective.objectiveID, satisfiedByMeasure: bool(objective.satisfiedByMeasure) }), [
        textElement(SCORM2004_NS.imsss, 'imsss:minNormalizedMeasure', measureText(objective.minNormalizedMeasure)),
      ]),
    ]),
    ss('deliveryControls', attrs({ tracked: bool(delivery.tracked), completionSetByContent: bool(delivery.completionSetByContent), objectiveSetByContent: bool(delivery.objectiveSetByContent) })),
  ]);
}

function itemXml(item: Scorm2004Item): XmlElement {
  const threshold = item.completionThreshold;
  // SCORM 2004 4th Ed CAM 3.4 <item> child order: title, item*, metadata?, adlcp:timeLimitAction?,
  // adlcp:dataFromLMS?, adlcp:completionThreshold?, imsss:sequencing?, adlnav:presentation?, adlcp:data? (standards N4).
  const children: XmlElement[] = [
    textElement(SCORM2004_NS.imscp, 'title', item.title),
    ...item.items.map(itemXml),
    ...(item.dataFromLMS === undefined ? [] : [textElement(SCORM2004_NS.adlcp, 'adlcp:dataFromLMS', item.dataFromLMS)]),
    ...(threshold === undefined
      ? []
      : [
          element(
            SCORM2004_NS.adlcp,
            'adlcp:completionThreshold',
            attrs({ completedByMeasure: bool(threshold.completedByMeasure), minProgressMeasure: measureText(threshold.minProgressMeasure), progressWeight: threshold.progressWeight === undefined ? undefined : measureText(threshold.progressWeight) }),
          ),
        ]),
    ...(item.sequencing === undefined ? [] : [sequencingXml(item.sequencing)]),
  ];
  return cp('item', attrs({ identifier: item.identifier, identifierref: item.identifierref, isvisible: bool(item.isvisible) }), children);
}

function resourceXml(resource: Scorm2004Resource): XmlElement {
  return cp(
    'resource',
    [
      ...attrs({ identifier: resource.identifier, type: resource.type }),
      // SCORM 2004 4th Ed CAM 3.4 <resource>: camelCase `adlcp:scormType`, required on every resource (standards N2).
      { ns: SCORM2004_NS.adlcp, name: 'adlcp:scormType', value: resource.scormType },
      ...attrs({ href: resource.href }),
    ],
    [...resource.files.map((href) => cp('file', attrs({ href }))), ...resource.dependencies.map((identifierref) => cp('dependency', attrs({ identifierref })))],
  );
}

/** The manifest as an XML document tree. */
export function scorm2004ManifestXml(manifest: Scorm2004Manifest): XmlDocument {
  const root = cp(
    'manifest',
    [...attrs({ identifier: manifest.identifier, version: manifest.version }), { ns: XSI_NS, name: 'xsi:schemaLocation', value: SCHEMA_LOCATION }],
    [
      cp('metadata', [], [textElement(SCORM2004_NS.imscp, 'schema', manifest.metadata.schema), textElement(SCORM2004_NS.imscp, 'schemaversion', manifest.metadata.schemaversion)]),
      cp(
        'organizations',
        attrs({ default: manifest.organizations.default }),
        manifest.organizations.organizations.map((org) => cp('organization', attrs({ identifier: org.identifier }), [textElement(SCORM2004_NS.imscp, 'title', org.title), ...org.items.map(itemXml)])),
      ),
      cp('resources', [], manifest.resources.map(resourceXml)),
    ],
  );
  return {
    root,
    prefixes: [
      ['adlcp', SCORM2004_NS.adlcp],
      ['adlseq', SCORM2004_NS.adlseq],
      ['adlnav', SCORM2004_NS.adlnav],
      ['imsss', SCORM2004_NS.imsss],
      ['xsi', XSI_NS],
    ],
  };
}

/** imsmanifest.xml text. */
export const writeScorm2004Manifest = (manifest: Scorm2004Manifest): string => serializeXml(scorm2004ManifestXml(manifest));
