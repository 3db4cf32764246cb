/** The packaging stage: manifests, zip, package targets and the package checker. */
export { checkPackage, findingCode, type Finding, type FindingCode } from './check-package.js';
export { cmi5Manifest, cmi5ManifestXml, writeCmi5Manifest, type Cmi5CourseStructure, type Cmi5Layout, type Cmi5Options } from './cmi5-manifest.js';
export { courseSlug, packageEntries, packageFileName, packageTarget, PACKAGE_TARGETS, type PackageOptions, type PackageResult, type PackageTarget } from './package-target.js';
export { loadSchemaFiles, SCORM12_SCHEMA_FILES, SCORM2004_SCHEMA_FILES } from './schema-files.js';
export { scorm12Manifest, scorm12ManifestXml, writeScorm12Manifest, type Scorm12Manifest } from './scorm12-manifest.js';
export { scorm2004Manifest, scorm2004ManifestXml, writeScorm2004Manifest, type Scorm2004Manifest } from './scorm2004-manifest.js';
export { tincanManifest, tincanManifestXml, writeTincanManifest, type TinCanManifest } from './tincan-manifest.js';
export { toXmlId } from './xml-id.js';
export { zipPackage } from './zip-package.js';
