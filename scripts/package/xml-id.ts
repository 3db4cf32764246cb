import { createHash } from 'node:crypto';

/**
 * XML Schema `xs:ID` is an NCName (XML Namespaces 1.0 §3): starts with a letter or `_`, then
 * letters, digits, `.`, `-`, `_`; no colon, no space. SCORM manifest identifiers are xs:ID
 * (IMS CP 1.1.4 `identifier`, SCORM 1.2 CAM 2.3.x / SCORM 2004 CAM 3.4.1.x), so they must be
 * unique in the document and match this pattern. We restrict to ASCII.
 */
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export const isNcName = (value: string): boolean => NCNAME.test(value);

/**
 * Turns any string into an ASCII NCName usable as `xs:ID`, deterministically: the same input
 * always gives the same id, across builds and machines. Accents are folded, runs of other
 * characters become `-`, and a leading digit/dot/hyphen gets `prefix` (default `_`).
 * When the readable form had to drop or change characters, an 8-hex sha256 of the original is
 * appended so that two different inputs (`a/b`, `a b`) do not collapse into the same id.
 */
export function toXmlId(value: string, prefix = ''): string {
  const readable = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const lossless = readable === value;
  const base = lossless ? readable : `${readable}${readable ? '-' : ''}${shortHash(value)}`;
  const id = `${prefix}${base}`;
  return isNcName(id) ? id : `_${id}`;
}

function shortHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);
}
