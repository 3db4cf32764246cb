/** Small predicates shared by the course, frontmatter and directive schemas. */

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids of pages, questions, activities and terms: lowercase letters, digits, single hyphens. */
export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

// Schemes that name things rather than run or fetch them: the course id becomes the cmi5/xAPI
// activity id, which LMSs and LRS viewers show and sometimes make into a link.
const ID_SCHEMES = new Set(['http:', 'https:', 'urn:', 'tag:']);

/**
 * An absolute IRI with a scheme, an authority for http(s), and only http, https, urn or tag as its
 * scheme (a `javascript:` or `data:` id would be a link that runs code where an LMS shows it). Used
 * for the course id (xAPI activity id). No control or invisible characters.
 */
export function isAbsoluteIri(value: string): boolean {
  if (/[\s\p{Cc}\p{Cf}]/u.test(value) || value.includes('#')) return false;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  try {
    const url = new URL(value);
    if (!ID_SCHEMES.has(url.protocol)) return false;
    return (url.protocol !== 'http:' && url.protocol !== 'https:') || (url.host.length > 0 && url.username === '' && url.password === '');
  } catch {
    // Not parseable as a URL: not an absolute IRI we can build page and question ids under.
    return false;
  }
}

/** A well-formed BCP 47 language tag, checked by the platform's own Intl implementation. */
export function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    // Intl throws RangeError for malformed tags; that is the answer, not a failure.
    return false;
  }
}

// Scripts written right to left (Unicode CLDR likely-subtags); the primary subtags that default to them.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg']);

/** Writing direction for a BCP 47 tag: an explicit script subtag wins over the language's default. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const parts = tag.toLowerCase().split('-');
  const script = parts.find((part, index) => index > 0 && part.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(parts[0] ?? '') ? 'rtl' : 'ltr';
}
