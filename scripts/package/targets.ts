/** The package formats coursemark produces. `xapi` is a TinCan package (tincan.xml). */
export type PackageTarget = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi';

export const PACKAGE_TARGETS: readonly PackageTarget[] = ['scorm12', 'scorm2004', 'cmi5', 'xapi'];
