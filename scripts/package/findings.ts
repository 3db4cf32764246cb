/**
 * Package check findings. Each has a permanent code (tests and the `verify` command match on it)
 * and a message that says what is wrong, where, and what to do. A finding is rendered as the
 * string `<code>: <message>`.
 */
export type FindingCode =
  // Zip contents (standards Z2, Z3, Z4, Z6)
  | 'path-invalid'
  | 'path-duplicate'
  | 'path-case-duplicate'
  | 'junk-file'
  | 'manifest-missing'
  | 'manifest-not-at-root'
  | 'xml-unreadable'
  | 'xml-doctype'
  // What verify refuses to unpack (scripts/verify/README.md)
  | 'zip-damaged'
  | 'zip-entries'
  | 'zip-size'
  | 'zip-ratio'
  | 'zip-overlap'
  | 'zip-symlink'
  | 'zip-unsupported'
  // SCORM 1.2 and 2004 (standards M1-M8, N1-N7, V4)
  | 'scorm-namespace'
  | 'scorm-schema'
  | 'scorm-schemaversion'
  | 'scorm-identifier-invalid'
  | 'scorm-identifier-duplicate'
  | 'scorm-default-organization'
  | 'scorm-organization-empty'
  | 'scorm-item-resource'
  | 'scorm-identifierref-missing'
  | 'scorm-scormtype-attribute'
  | 'scorm-href-missing'
  | 'scorm-href-invalid'
  | 'scorm-file-missing'
  | 'scorm-file-case'
  | 'scorm-file-unlisted'
  | 'scorm-schema-file-missing'
  | 'scorm-item-order'
  // cmi5 (standards K1-K5)
  | 'cmi5-namespace'
  | 'cmi5-id-relative'
  | 'cmi5-id-duplicate'
  | 'cmi5-url-reserved-parameter'
  | 'cmi5-url-file-missing'
  | 'cmi5-mastery-score'
  // IMS Common Cartridge 1.1 and its QTI quizzes (docs/lms-guide.md, "Common Cartridge")
  | 'cc-schema'
  | 'cc-organization'
  | 'cc-identifier'
  | 'cc-identifierref-missing'
  | 'cc-resource-type'
  | 'cc-file-missing'
  | 'cc-file-unlisted'
  | 'cc-qti'
  | 'cc-weblink'
  // TinCan (Rustici launch spec)
  | 'tincan-namespace'
  | 'tincan-id-relative'
  | 'tincan-launch'
  | 'tincan-launch-file-missing';

/** A finding as a string: `<code>: <message>`. */
export type Finding = `${FindingCode}: ${string}`;

export const finding = (code: FindingCode, message: string): Finding => `${code}: ${message}`;

/** The code of a finding string. */
export const findingCode = (value: Finding): FindingCode => value.slice(0, value.indexOf(':')) as FindingCode;

/**
 * An absolute IRI (RFC 3987 scheme ":" ...), with a host for http(s). Fragments are tolerated:
 * cmi5 3.0 asks for fully qualified IRIs, not IRI references such as `au1` or `/au1`.
 */
export function isAbsoluteIri(value: string): boolean {
  if (value === '' || /\s/.test(value) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol !== 'http:' && url.protocol !== 'https:') || url.host.length > 0;
  } catch {
    // Not parseable as a URL at all: not an IRI we can accept (the finding says so).
    return false;
  }
}
