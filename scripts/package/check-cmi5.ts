import { CMI5_LAUNCH_PARAMETERS, CMI5_NS } from './cmi5-manifest.js';
import { finding, isAbsoluteIri, type Finding } from './findings.js';
import { MANIFEST_FILES } from './package-files.js';
import { hrefToPath, isExternalHref, queryNames, type PackageIndex } from './package-paths.js';
import { childText, descendants } from './xml-dom.js';

const C = MANIFEST_FILES.cmi5;

/** cmi5 13.1.4 masteryScore: a decimal 0..1 with at most 4 decimal places (standards K3). */
const MASTERY = /^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})$/;

/** Checks that CourseStructure.xsd cannot make on cmi5.xml (standards K4, K5, V4). */
export function checkCmi5Structure(root: Element, files: PackageIndex): Finding[] {
  if (root.namespaceURI !== CMI5_NS || root.localName !== 'courseStructure') {
    return [finding('cmi5-namespace', `${C}: the root is <${root.localName}> in namespace "${root.namespaceURI ?? ''}"; expected <courseStructure xmlns="${CMI5_NS}">.`)];
  }
  const out: Finding[] = [];

  // cmi5 3.0.0.0-1 / 13.1.2-4: every id a fully qualified IRI, unique in the structure.
  const seen = new Set<string>();
  const ids: { readonly el: Element; readonly id: string }[] = [];
  for (const name of ['course', 'objective', 'block', 'au'] as const) {
    for (const el of descendants(root, CMI5_NS, name)) {
      const id = el.getAttribute('id');
      if (id !== null) ids.push({ el, id });
      const idref = el.getAttribute('idref');
      if (idref !== null && !isAbsoluteIri(idref)) out.push(finding('cmi5-id-relative', `${C}: <objective idref="${idref}"> is not an absolute IRI.`));
    }
  }
  for (const { el, id } of ids) {
    if (!isAbsoluteIri(id)) out.push(finding('cmi5-id-relative', `${C}: <${el.localName} id="${id}"> is not an absolute IRI (such as https://example.org/courses/x/au); cmi5 forbids IRI references.`));
    if (seen.has(id)) out.push(finding('cmi5-id-duplicate', `${C}: id "${id}" is used more than once; course, block, AU and objective ids must be unique.`));
    seen.add(id);
  }

  for (const au of descendants(root, CMI5_NS, 'au')) {
    const id = au.getAttribute('id') ?? '';
    const url = childText(au, CMI5_NS, 'url') ?? '';
    // cmi5 8.1.0.0-6: the LMS appends these names; the AU url must not carry them itself.
    const reserved = queryNames(url).filter((name) => (CMI5_LAUNCH_PARAMETERS as readonly string[]).includes(name));
    for (const name of reserved) {
      out.push(finding('cmi5-url-reserved-parameter', `${C}: the url "${url}" of AU "${id}" uses the query name "${name}", which cmi5 reserves for the LMS launch (${CMI5_LAUNCH_PARAMETERS.join(', ')}).`));
    }
    // cmi5 14.1.0.0-4: a relative AU url must name a file in the package.
    if (url !== '' && !isExternalHref(url)) {
      const path = hrefToPath(url);
      if (path === undefined || !files.has(path)) {
        const variant = path === undefined ? undefined : files.caseVariant(path);
        out.push(finding('cmi5-url-file-missing', `${C}: the url "${url}" of AU "${id}" names "${path ?? url}", which is not in the package${variant ? ` (the package has "${variant}")` : ''}.`));
      }
    }
    const mastery = au.getAttribute('masteryScore');
    if (mastery !== null && !MASTERY.test(mastery.trim())) {
      out.push(finding('cmi5-mastery-score', `${C}: masteryScore "${mastery}" of AU "${id}" must be a decimal from 0 to 1 with at most 4 decimal places.`));
    }
  }
  return out;
}
