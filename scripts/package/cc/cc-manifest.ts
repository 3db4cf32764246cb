import { attrs, element, serializeXml, textElement, XSI_NS, type XmlAttribute, type XmlDocument, type XmlElement } from '../xml.js';

/**
 * imsmanifest.xml of an IMS Common Cartridge 1.1, as data, and its XML (ccv1p1_imscp_v1p2_v1p0.xsd).
 * The profile's rules (docs/lms-guide.md, "Common Cartridge"): metadata says "IMS Common Cartridge"
 * 1.1.0 and carries a LOM record; at most one organization, `rooted-hierarchy`, whose one root item
 * has no title; every other item has a title; no `isvisible`, no `parameters`, no sub-manifests.
 */

export const CC_NS = {
  imscp: 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1',
  lomimscc: 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest',
  lom: 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource',
  imswl: 'http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1',
} as const;

const SCHEMA_LOCATION = [
  `${CC_NS.imscp} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd`,
  `${CC_NS.lomimscc} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd`,
].join(' ');

/** CC 1.1 resource types (the imscp profile's enumeration) that coursemark writes. */
export type CcResourceType = 'webcontent' | 'imsqti_xmlv1p2/imscc_xmlv1p1/assessment' | 'imswl_xmlv1p1';

export const ASSESSMENT_TYPE = 'imsqti_xmlv1p2/imscc_xmlv1p1/assessment' satisfies CcResourceType;
export const WEBLINK_TYPE = 'imswl_xmlv1p1' satisfies CcResourceType;

export interface CcItem {
  readonly identifier: string;
  readonly title: string;
  /** Leaf items open a resource; items with children are modules (Canvas) or sections (Moodle). */
  readonly identifierref?: string;
  readonly items: readonly CcItem[];
}

export interface CcResource {
  readonly identifier: string;
  readonly type: CcResourceType;
  /** The file a webcontent resource opens; assessments and web links name theirs in <file> only. */
  readonly href?: string;
  readonly files: readonly string[];
  readonly dependencies: readonly string[];
}

export interface CcManifest {
  readonly identifier: string;
  /** The LOM record the profile requires in the manifest's metadata (general: title, language, description). */
  readonly lom: { readonly title: string; readonly language: string; readonly description: string };
  readonly organization: { readonly identifier: string; readonly root: string; readonly items: readonly CcItem[] };
  readonly resources: readonly CcResource[];
}

const cp = (name: string, attributes: readonly XmlAttribute[], children: readonly XmlElement[] = []): XmlElement => element(CC_NS.imscp, name, attributes, children);
const lomm = (name: string, children: readonly XmlElement[] = []): XmlElement => element(CC_NS.lomimscc, `lomimscc:${name}`, [], children);
const langString = (name: string, text: string, language: string): XmlElement => lomm(name, [textElement(CC_NS.lomimscc, 'lomimscc:string', text, attrs({ language }))]);

function itemXml(item: CcItem): XmlElement {
  return cp('item', attrs({ identifier: item.identifier, identifierref: item.identifierref }), [textElement(CC_NS.imscp, 'title', item.title), ...item.items.map(itemXml)]);
}

function resourceXml(resource: CcResource): XmlElement {
  return cp('resource', attrs({ identifier: resource.identifier, type: resource.type, href: resource.href }), [
    ...resource.files.map((href) => cp('file', attrs({ href }))),
    ...resource.dependencies.map((identifierref) => cp('dependency', attrs({ identifierref }))),
  ]);
}

export function ccManifestXml(manifest: CcManifest): XmlDocument {
  const { lom } = manifest;
  const root = cp('manifest', [...attrs({ identifier: manifest.identifier }), { ns: XSI_NS, name: 'xsi:schemaLocation', value: SCHEMA_LOCATION }], [
    cp('metadata', [], [
      textElement(CC_NS.imscp, 'schema', 'IMS Common Cartridge'),
      textElement(CC_NS.imscp, 'schemaversion', '1.1.0'),
      lomm('lom', [
        lomm('general', [
          langString('title', lom.title, lom.language),
          textElement(CC_NS.lomimscc, 'lomimscc:language', lom.language),
          langString('description', lom.description, lom.language),
        ]),
      ]),
    ]),
    cp('organizations', [], [
      cp('organization', attrs({ identifier: manifest.organization.identifier, structure: 'rooted-hierarchy' }), [
        cp('item', attrs({ identifier: manifest.organization.root }), manifest.organization.items.map(itemXml)),
      ]),
    ]),
    cp('resources', [], manifest.resources.map(resourceXml)),
  ]);
  return { root, prefixes: [['lomimscc', CC_NS.lomimscc], ['xsi', XSI_NS]] };
}

export const writeCcManifest = (manifest: CcManifest): string => serializeXml(ccManifestXml(manifest));

/** A web link resource's XML (ccv1p1_imswl_v1p1.xsd): opens in a new window, away from the LMS page. */
export function writeWebLink(title: string, href: string): string {
  const root = element(CC_NS.imswl, 'webLink', [{ ns: XSI_NS, name: 'xsi:schemaLocation', value: `${CC_NS.imswl} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd` }], [
    textElement(CC_NS.imswl, 'title', title),
    element(CC_NS.imswl, 'url', attrs({ href, target: '_blank' })),
  ]);
  return serializeXml({ root, prefixes: [['xsi', XSI_NS]] });
}
