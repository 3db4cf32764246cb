import { finding, isAbsoluteIri, type Finding } from '../findings.js';
import { MANIFEST_FILES } from '../package-files.js';
import { hrefToPath, isExternalHref, type PackageIndex } from '../package-paths.js';
import { readXmlFile } from '../xml-file.js';
import { allChildElements, childElements, childText, descendants } from '../xml-dom.js';
import { isNcName } from '../xml-id.js';
import { ASSESSMENT_TYPE, CC_NS, WEBLINK_TYPE } from './cc-manifest.js';
import { checkQti } from './check-qti.js';

const M = MANIFEST_FILES.scorm;

/** The CC 1.1 resource types (ccv1p1_imscp_v1p2_v1p0.xsd, Resource.Type). */
const RESOURCE_TYPES: readonly string[] = [
  'webcontent',
  ASSESSMENT_TYPE,
  'imsqti_xmlv1p2/imscc_xmlv1p1/question-bank',
  'associatedcontent/imscc_xmlv1p1/learning-application-resource',
  'imsdt_xmlv1p1',
  WEBLINK_TYPE,
  'imsbasiclti_xmlv1p0',
];

/** The organization's items with their depth (the root item first, at depth 0). */
function itemsOf(organization: Element): { readonly el: Element; readonly depth: number }[] {
  const out: { el: Element; depth: number }[] = [];
  const walk = (el: Element, depth: number): void => {
    out.push({ el, depth });
    for (const child of childElements(el, CC_NS.imscp, 'item')) walk(child, depth + 1);
  };
  for (const root of childElements(organization, CC_NS.imscp, 'item')) walk(root, 0);
  return out;
}

/** A resource's own file (an assessment's QTI, a web link's XML), checked as what its type says it is. */
function checkResourceFile(type: string, path: string, files: PackageIndex): Finding[] {
  const bytes = files.read(path);
  if (bytes === undefined) return [];
  const read = readXmlFile(path, bytes);
  if (read.root === undefined) return read.findings;
  if (type === ASSESSMENT_TYPE) return [...read.findings, ...checkQti(path, read.root)];
  const root = read.root;
  if (root.namespaceURI !== CC_NS.imswl || root.localName !== 'webLink') return [...read.findings, finding('cc-weblink', `${path}: the root is <${root.localName}>; a web link is <webLink xmlns="${CC_NS.imswl}">.`)];
  const href = childElements(root, CC_NS.imswl, 'url')[0]?.getAttribute('href') ?? '';
  const title = childText(root, CC_NS.imswl, 'title') ?? '';
  const out = [...read.findings];
  if (title === '') out.push(finding('cc-weblink', `${path}: has no <title>; LMSs show it as the link's name.`));
  if (!/^https?:\/\//i.test(href) || !isAbsoluteIri(href)) out.push(finding('cc-weblink', `${path}: the address "${href}" is not a web address (http or https).`));
  return out;
}

/**
 * Checks a Common Cartridge 1.1 manifest and the files it names, for what LMS importers rely on and
 * the XSDs let by (docs/lms-guide.md, "Common Cartridge"): the profile's metadata, one rooted
 * organization whose items all have titles and open resources that exist, unique ids, resource
 * types from the profile, every file present and every file of the package listed, and each quiz
 * and web link readable as one.
 */
export function checkCartridge(root: Element, files: PackageIndex): Finding[] {
  if (root.localName !== 'manifest') return [finding('cc-schema', `${M}: the root is <${root.localName}>; a cartridge's manifest is <manifest xmlns="${CC_NS.imscp}">.`)];
  const out: Finding[] = [];
  const metadata = childElements(root, CC_NS.imscp, 'metadata')[0];
  const schema = metadata === undefined ? undefined : childText(metadata, CC_NS.imscp, 'schema');
  const version = metadata === undefined ? undefined : childText(metadata, CC_NS.imscp, 'schemaversion');
  if (schema !== 'IMS Common Cartridge' || version !== '1.1.0') {
    out.push(finding('cc-schema', `${M}: <metadata> says schema "${schema ?? ''}" version "${version ?? ''}"; a CC 1.1 cartridge says "IMS Common Cartridge" and "1.1.0", which importers read to pick their reader.`));
  }

  // Ids: xs:ID, unique across items, organizations, resources and the manifest.
  const seen = new Set<string>();
  for (const el of [root, ...root.getElementsByTagNameNS(CC_NS.imscp, '*')]) {
    const id = el.getAttribute('identifier');
    if (id === null) continue;
    if (!isNcName(id)) out.push(finding('cc-identifier', `${M}: identifier "${id}" of <${el.localName}> is not a valid XML id (a letter or "_" first, then letters, digits, ".", "-", "_").`));
    if (seen.has(id)) out.push(finding('cc-identifier', `${M}: identifier "${id}" is used more than once.`));
    seen.add(id);
  }

  const resources = new Map<string, Element>();
  for (const resource of descendants(root, CC_NS.imscp, 'resource')) resources.set(resource.getAttribute('identifier') ?? '', resource);

  const organizations = descendants(root, CC_NS.imscp, 'organization');
  if (organizations.length > 1) out.push(finding('cc-organization', `${M}: has ${organizations.length} organizations; the CC profile allows one.`));
  for (const organization of organizations) {
    if (organization.getAttribute('structure') !== 'rooted-hierarchy') out.push(finding('cc-organization', `${M}: the organization's structure must be "rooted-hierarchy".`));
    const roots = childElements(organization, CC_NS.imscp, 'item');
    if (roots.length !== 1) out.push(finding('cc-organization', `${M}: the organization has ${roots.length} top items; the CC profile has exactly one root item, holding the modules.`));
    for (const { el, depth } of itemsOf(organization)) {
      const id = el.getAttribute('identifier') ?? '';
      const title = childText(el, CC_NS.imscp, 'title');
      if (depth === 0 && title !== undefined) out.push(finding('cc-organization', `${M}: the root item "${id}" has a title; the CC profile forbids one there.`));
      if (depth > 0 && (title === undefined || title === '')) out.push(finding('cc-organization', `${M}: item "${id}" has no title; LMSs show the title in the module list.`));
      const ref = el.getAttribute('identifierref');
      if (ref !== null && !resources.has(ref)) out.push(finding('cc-identifierref-missing', `${M}: item "${id}" opens resource "${ref}", which the manifest does not have.`));
    }
  }

  const listed = new Set<string>();
  for (const [id, resource] of resources) {
    const type = resource.getAttribute('type') ?? '';
    if (!RESOURCE_TYPES.includes(type)) out.push(finding('cc-resource-type', `${M}: resource "${id}" has type "${type}", which CC 1.1 does not have (${RESOURCE_TYPES.join(', ')}).`));
    const own: string[] = [];
    for (const el of childElements(resource, CC_NS.imscp, 'file')) {
      const href = el.getAttribute('href') ?? '';
      const path = isExternalHref(href) ? undefined : hrefToPath(href);
      if (path === undefined || path === '' || !files.has(path)) {
        const variant = path === undefined ? undefined : files.caseVariant(path);
        out.push(finding('cc-file-missing', `${M}: resource "${id}" lists "${href}", which is not in the package${variant ? ` (the package has "${variant}": names are case-sensitive on LMS servers)` : ''}.`));
        continue;
      }
      listed.add(path);
      own.push(path);
    }
    const href = resource.getAttribute('href');
    if (href !== null && !own.includes(hrefToPath(href) ?? '')) out.push(finding('cc-file-missing', `${M}: resource "${id}" opens "${href}", which it does not list as one of its files.`));
    if ((type === ASSESSMENT_TYPE || type === WEBLINK_TYPE) && own.length !== 1) out.push(finding(type === ASSESSMENT_TYPE ? 'cc-qti' : 'cc-weblink', `${M}: resource "${id}" (${type}) must list exactly one file, its XML.`));
    if (type === ASSESSMENT_TYPE || type === WEBLINK_TYPE) for (const path of own) out.push(...checkResourceFile(type, path, files));
    for (const dependency of childElements(resource, CC_NS.imscp, 'dependency')) {
      const ref = dependency.getAttribute('identifierref') ?? '';
      if (!resources.has(ref)) out.push(finding('cc-identifierref-missing', `${M}: resource "${id}" depends on "${ref}", which the manifest does not have.`));
    }
  }
  for (const entry of files.entries) {
    if (entry.path !== M && !listed.has(entry.path)) out.push(finding('cc-file-unlisted', `${entry.path}: in the package but listed by no resource; LMSs import only listed files, so links to it break.`));
  }
  if (allChildElements(root).length === 0) out.push(finding('cc-schema', `${M}: the manifest is empty.`));
  return out;
}
