/**
 * The package formats coursemark produces. `xapi` is a TinCan package (tincan.xml); `cc` is an IMS
 * Common Cartridge 1.1 (`.imscc`), whose quizzes the LMS imports into its own quiz tool.
 */
export type PackageTarget = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi' | 'cc';

export const PACKAGE_TARGETS: readonly PackageTarget[] = ['scorm12', 'scorm2004', 'cmi5', 'xapi', 'cc'];

/**
 * What `build` makes without `--target`. A cartridge is left out: it is a different way to deliver
 * the course (the LMS's own pages and quizzes, not a tracked package), chosen on purpose.
 */
export const DEFAULT_PACKAGE_TARGETS: readonly PackageTarget[] = ['scorm12', 'scorm2004', 'cmi5', 'xapi'];
