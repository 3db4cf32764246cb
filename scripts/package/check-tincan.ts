import { finding, isAbsoluteIri, type Finding } from './findings.js';
import { MANIFEST_FILES } from './package-files.js';
import { hrefToPath, isExternalHref, type PackageIndex } from './package-paths.js';
import { TINCAN_NS } from './tincan-manifest.js';
import { descendants } from './xml-dom.js';

const T = MANIFEST_FILES.tincan;

/** Structural checks of tincan.xml (Rustici launch spec, lms_lrs.md; no XSD is published). */
export function checkTincanManifest(root: Element, files: PackageIndex): Finding[] {
  if (root.namespaceURI !== TINCAN_NS || root.localName !== 'tincan') {
    return [finding('tincan-namespace', `${T}: the root is <${root.localName}> in namespace "${root.namespaceURI ?? ''}"; expected <tincan xmlns="${TINCAN_NS}">.`)];
  }
  const out: Finding[] = [];
  const activities = descendants(root, TINCAN_NS, 'activity');
  for (const activity of activities) {
    const id = activity.getAttribute('id') ?? '';
    if (!isAbsoluteIri(id)) out.push(finding('tincan-id-relative', `${T}: <activity id="${id}"> is not an absolute IRI.`));
  }
  const launches = descendants(root, TINCAN_NS, 'launch');
  if (launches.length !== 1) out.push(finding('tincan-launch', `${T}: exactly one activity must have a <launch>; found ${launches.length}.`));
  for (const launch of launches) {
    const href = (launch.textContent ?? '').trim();
    if (href === '' || isExternalHref(href)) continue;
    const path = hrefToPath(href);
    if (path === undefined || !files.has(path)) out.push(finding('tincan-launch-file-missing', `${T}: <launch>${href}</launch> names a file that is not in the package.`));
  }
  return out;
}
