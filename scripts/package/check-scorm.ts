import { finding, type Finding } from './findings.js';
import { MANIFEST_FILES } from './package-files.js';
import { hrefToPath, isExternalHref, type PackageIndex } from './package-paths.js';
import { SCORM12_SCHEMA_FILES, SCORM2004_SCHEMA_FILES } from './schema-files.js';
import { SCORM12_NS } from './scorm12-manifest.js';
import { SCORM2004_NS } from './scorm2004-manifest.js';
import { allChildElements, childElements, childText, descendants } from './xml-dom.js';
import { isNcName } from './xml-id.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const M = MANIFEST_FILES.scorm;

interface Edition {
  readonly name: 'SCORM 1.2' | 'SCORM 2004 4th Edition';
  readonly cp: string;
  readonly adlcp: string;
  readonly schemaversion: string;
  /** The attribute this edition spells, and the one the other edition spells. */
  readonly scormType: 'scormtype' | 'scormType';
  readonly otherScormType: 'scormtype' | 'scormType';
  readonly schemaFiles: readonly string[];
}

const SCORM12: Edition = {
  name: 'SCORM 1.2',
  cp: SCORM12_NS.imscp,
  adlcp: SCORM12_NS.adlcp,
  schemaversion: '1.2',
  scormType: 'scormtype',
  otherScormType: 'scormType',
  schemaFiles: SCORM12_SCHEMA_FILES,
};
const SCORM2004: Edition = {
  name: 'SCORM 2004 4th Edition',
  cp: SCORM2004_NS.imscp,
  adlcp: SCORM2004_NS.adlcp,
  schemaversion: '2004 4th Edition',
  scormType: 'scormType',
  otherScormType: 'scormtype',
  schemaFiles: SCORM2004_SCHEMA_FILES,
};

/** Files at the root that need not be listed: the manifest and the schema files (IMS CP control files). */
const controlFiles = (edition: Edition): ReadonlySet<string> => new Set([M, ...edition.schemaFiles]);

/** xml:base of an element and its ancestors, joined (IMS CP xml:base), `/`-ended or empty. */
function baseOf(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const base = node.getAttributeNS(XML_NS, 'base');
    if (base) parts.unshift(base.endsWith('/') ? base : `${base}/`);
  }
  return parts.join('');
}

/**
 * SCORM 2004 4th Ed CAM 3.4 <item> child order (standards N4). The XSD's lax wildcard does not
 * enforce it, so it is checked here. Unknown elements are ignored.
 */
function itemOrderRank(el: Element): number | undefined {
  const key = `${el.namespaceURI ?? ''} ${el.localName}`;
  const order = [
    `${SCORM2004_NS.imscp} title`,
    `${SCORM2004_NS.imscp} item`,
    `${SCORM2004_NS.imscp} metadata`,
    `${SCORM2004_NS.adlcp} timeLimitAction`,
    `${SCORM2004_NS.adlcp} dataFromLMS`,
    `${SCORM2004_NS.adlcp} completionThreshold`,
    `${SCORM2004_NS.imsss} sequencing`,
    `${SCORM2004_NS.adlnav} presentation`,
    `${SCORM2004_NS.adlcp} data`,
  ];
  const rank = order.indexOf(key);
  return rank < 0 ? undefined : rank;
}

/** Checks that the XSDs cannot make on imsmanifest.xml (standards V4, M1-M8, N1-N7). */
export function checkScormManifest(root: Element, files: PackageIndex): Finding[] {
  const edition = root.namespaceURI === SCORM12.cp ? SCORM12 : root.namespaceURI === SCORM2004.cp ? SCORM2004 : undefined;
  if (edition === undefined || root.localName !== 'manifest') {
    return [finding('scorm-namespace', `${M}: the root is <${root.localName}> in namespace "${root.namespaceURI ?? ''}"; expected <manifest> in ${SCORM12.cp} (SCORM 1.2) or ${SCORM2004.cp} (SCORM 2004).`)];
  }
  const out: Finding[] = [];
  const cp = edition.cp;

  // Metadata strings (M2, N1): the XSD accepts any text here.
  const metadata = childElements(root, cp, 'metadata')[0];
  const schema = metadata && childText(metadata, cp, 'schema');
  const schemaversion = metadata && childText(metadata, cp, 'schemaversion');
  if (schema !== 'ADL SCORM') out.push(finding('scorm-schema', `${M}: <metadata><schema> is ${schema === undefined ? 'missing' : `"${schema}"`}; it must be "ADL SCORM".`));
  if (schemaversion !== edition.schemaversion) {
    out.push(finding('scorm-schemaversion', `${M}: <metadata><schemaversion> is ${schemaversion === undefined ? 'missing' : `"${schemaversion}"`}; a ${edition.name} manifest must say "${edition.schemaversion}".`));
  }

  // Identifiers (M1, N3): xs:ID, unique in the document.
  const seen = new Set<string>();
  for (const el of [root, ...descendants(root, cp, 'organization'), ...descendants(root, cp, 'item'), ...descendants(root, cp, 'resource')]) {
    const id = el.getAttribute('identifier');
    if (id === null) continue;
    if (!isNcName(id)) out.push(finding('scorm-identifier-invalid', `${M}: <${el.localName} identifier="${id}"> is not an xs:ID (start with a letter or "_"; letters, digits, ".", "-", "_" only).`));
    if (seen.has(id)) out.push(finding('scorm-identifier-duplicate', `${M}: identifier "${id}" is used more than once; identifiers must be unique in the manifest.`));
    seen.add(id);
  }

  // Organizations (M3).
  const organizations = childElements(root, cp, 'organizations')[0];
  const orgs = organizations ? childElements(organizations, cp, 'organization') : [];
  const orgIds = new Set(orgs.map((org) => org.getAttribute('identifier') ?? ''));
  const defaultOrg = organizations?.getAttribute('default');
  if (!defaultOrg || !orgIds.has(defaultOrg)) {
    out.push(finding('scorm-default-organization', `${M}: <organizations default="${defaultOrg ?? ''}"> does not name an <organization identifier> of the manifest.`));
  }
  for (const org of orgs) {
    if (childElements(org, cp, 'item').length === 0) out.push(finding('scorm-organization-empty', `${M}: <organization identifier="${org.getAttribute('identifier') ?? ''}"> has no <item>.`));
  }

  // Items and their resources (M4, N3, N4).
  const resourcesEl = childElements(root, cp, 'resources')[0];
  const resources = resourcesEl ? childElements(resourcesEl, cp, 'resource') : [];
  const resourceById = new Map(resources.map((resource) => [resource.getAttribute('identifier') ?? '', resource] as const));
  const referenced = new Set<Element>();
  for (const item of descendants(root, cp, 'item')) {
    const id = item.getAttribute('identifier') ?? '';
    const ref = item.getAttribute('identifierref');
    const hasChildren = childElements(item, cp, 'item').length > 0;
    if (hasChildren && ref !== null) out.push(finding('scorm-item-resource', `${M}: <item identifier="${id}"> has child items and an identifierref; only leaf items reference resources.`));
    if (!hasChildren && ref === null) out.push(finding('scorm-item-resource', `${M}: leaf <item identifier="${id}"> has no identifierref to a resource.`));
    if (ref !== null) {
      const resource = resourceById.get(ref);
      if (resource === undefined) out.push(finding('scorm-identifierref-missing', `${M}: <item identifier="${id}" identifierref="${ref}"> names no <resource identifier>.`));
      else referenced.add(resource);
    }
    if (edition === SCORM2004) {
      let last = -1;
      for (const child of allChildElements(item)) {
        const rank = itemOrderRank(child);
        if (rank === undefined) continue;
        if (rank < last) out.push(finding('scorm-item-order', `${M}: in <item identifier="${id}">, <${child.tagName}> is out of CAM order (title, item, metadata, timeLimitAction, dataFromLMS, completionThreshold, sequencing, presentation, data).`));
        last = Math.max(last, rank);
      }
    }
  }

  // Resources: scormType spelling (M5, N2), hrefs and files (Z4, M8).
  const listed = new Set<string>();
  const checkFile = (href: string, base: string, where: string): void => {
    if (isExternalHref(href)) return;
    if (href.startsWith('/')) {
      out.push(finding('scorm-href-invalid', `${M}: ${where} href "${href}" starts with "/"; hrefs are relative to the package root.`));
      return;
    }
    const path = hrefToPath(href, base);
    if (path === undefined) {
      out.push(finding('scorm-href-invalid', `${M}: ${where} href "${href}" leaves the package.`));
      return;
    }
    if (files.has(path)) return;
    const variant = files.caseVariant(path);
    out.push(
      variant === undefined
        ? finding('scorm-file-missing', `${M}: ${where} href "${href}" names "${path}", which is not in the package.`)
        : finding('scorm-file-case', `${M}: ${where} href "${href}" names "${path}", but the package has "${variant}"; servers are case-sensitive.`),
    );
  };
  for (const resource of resources) {
    const id = resource.getAttribute('identifier') ?? '';
    const base = baseOf(resource);
    const type = resource.getAttributeNS(edition.adlcp, edition.scormType);
    if (resource.hasAttributeNS(edition.adlcp, edition.otherScormType)) {
      out.push(finding('scorm-scormtype-attribute', `${M}: <resource identifier="${id}"> uses adlcp:${edition.otherScormType}; ${edition.name} spells it adlcp:${edition.scormType}.`));
    } else if (type === null) {
      out.push(finding('scorm-scormtype-attribute', `${M}: <resource identifier="${id}"> has no adlcp:${edition.scormType} ("sco" or "asset").`));
    }
    const href = resource.getAttribute('href');
    if (href === null) {
      if (referenced.has(resource) || type === 'sco') out.push(finding('scorm-href-missing', `${M}: <resource identifier="${id}"> is launched but has no href.`));
    } else checkFile(href, base, `<resource identifier="${id}">`);
    for (const file of childElements(resource, edition.cp, 'file')) {
      const fileHref = file.getAttribute('href') ?? '';
      checkFile(fileHref, baseOf(file), `<file> of resource "${id}"`);
      const path = hrefToPath(fileHref, baseOf(file));
      if (path !== undefined) listed.add(path);
    }
    for (const dependency of childElements(resource, edition.cp, 'dependency')) {
      const ref = dependency.getAttribute('identifierref') ?? '';
      if (!resourceById.has(ref)) out.push(finding('scorm-identifierref-missing', `${M}: <dependency identifierref="${ref}"> in resource "${id}" names no <resource identifier>.`));
    }
  }

  // Every packaged file listed (M8); schema files at the root (M7, N7).
  const control = controlFiles(edition);
  for (const entry of files.entries) {
    if (!control.has(entry.path) && !listed.has(entry.path)) {
      out.push(finding('scorm-file-unlisted', `${entry.path}: the file is in the package but no <file href> in ${M} lists it; list it under a resource.`));
    }
  }
  for (const name of edition.schemaFiles) {
    if (!files.has(name)) out.push(finding('scorm-schema-file-missing', `${name}: ${edition.name} packages carry this schema file at the root; it is missing.`));
  }
  return out;
}
