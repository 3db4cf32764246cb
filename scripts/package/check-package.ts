import type { OutputFile } from '../bundle/bundle-course.js';
import { checkCartridge } from './cc/check-cartridge.js';
import { CC_NS } from './cc/cc-manifest.js';
import { checkCmi5Structure } from './check-cmi5.js';
import { checkScormManifest } from './check-scorm.js';
import { checkTincanManifest } from './check-tincan.js';
import { finding, type Finding } from './findings.js';
import { junkReason, MANIFEST_FILES, pathProblem } from './package-files.js';
import { packageIndex, type PackageIndex } from './package-paths.js';
import { readXmlFile } from './xml-file.js';

export { findingCode, type Finding, type FindingCode } from './findings.js';

/** Entry paths: safe, unique (also ignoring case), no junk (standards Z3, Z6). */
function checkPaths(entries: readonly OutputFile[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, string>();
  for (const { path } of entries) {
    const problem = pathProblem(path);
    if (problem !== undefined) out.push(finding('path-invalid', `${path}: the entry path ${problem}.`));
    const junk = junkReason(path);
    if (junk !== undefined) out.push(finding('junk-file', `${path}: ${junk}; remove it, LMSs may reject the package.`));
    const other = seen.get(path.toLowerCase());
    if (other === path) out.push(finding('path-duplicate', `${path}: the entry appears more than once.`));
    else if (other !== undefined) out.push(finding('path-case-duplicate', `${path}: differs only by letter case from "${other}".`));
    seen.set(path.toLowerCase(), path);
  }
  return out;
}

type Checker = (root: Element, files: PackageIndex) => Finding[];

const CHECKERS: readonly (readonly [name: string, check: Checker])[] = [
  // imsmanifest.xml is SCORM's, or a Common Cartridge's when its root is in the CC namespace.
  [MANIFEST_FILES.scorm, (root, files) => (root.namespaceURI === CC_NS.imscp ? checkCartridge(root, files) : checkScormManifest(root, files))],
  [MANIFEST_FILES.cmi5, checkCmi5Structure],
  [MANIFEST_FILES.tincan, checkTincanManifest],
];

function checkManifest(name: string, check: Checker, files: PackageIndex): Finding[] {
  const bytes = files.read(name);
  if (bytes === undefined) return [];
  const read = readXmlFile(name, bytes);
  if (read.root === undefined) return read.findings;
  try {
    return [...read.findings, ...check(read.root, files)];
  } catch (error: unknown) {
    // A checker bug must not hide the package's other findings: report it as one.
    return [finding('xml-unreadable', `${name}: the check stopped: ${error instanceof Error ? error.message : String(error)}`)];
  }
}

/**
 * Checks a package's entries (as zipped) for what the XSDs cannot catch (standards V4): zip paths
 * and junk, the manifest at the root, and per manifest kind the strings, references, files and ids.
 * Returns every finding as `<code>: <message>`; an empty list means nothing was found. Never throws.
 */
export function checkPackage(entries: readonly OutputFile[]): Finding[] {
  const files = packageIndex(entries);
  const out = checkPaths(entries);
  const present = CHECKERS.filter(([name]) => files.has(name));
  if (present.length === 0) {
    const nested = entries.find((entry) => CHECKERS.some(([name]) => entry.path.endsWith(`/${name}`)));
    out.push(
      nested === undefined
        ? finding('manifest-missing', `the package has no ${CHECKERS.map(([name]) => name).join(', ')} at its root.`)
        : finding('manifest-not-at-root', `${nested.path}: the manifest must be at the zip root, not in a folder.`),
    );
  }
  for (const [name, check] of present) out.push(...checkManifest(name, check, files));
  return out;
}
