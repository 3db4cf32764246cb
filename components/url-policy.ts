/**
 * The one place where the player decides whether a URL may be bound to `href` or `src`.
 * The build already refuses unsafe links (rule `unsafe-url`), but the player checks again so a
 * hand-edited or third-party page module cannot smuggle in a `javascript:` URL (defence in depth,
 * and a prerequisite for running under a strict Content Security Policy with Trusted Types).
 */

const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** What a refused URL becomes: a same-document link that does nothing harmful. */
const REFUSED = '#';

/**
 * Returns `url` unchanged when it is relative, a fragment (`#...`) or uses an allowed scheme
 * (https, http, mailto, tel); anything else (`javascript:`, `data:`, `vbscript:`...) becomes `#`.
 */
export function safeUrl(url: string): string {
  // Browsers ignore leading/trailing C0 controls and spaces, and tabs/newlines anywhere in a
  // scheme (URL Standard, "basic URL parser"), so `java\nscript:` must be judged as `javascript:`.
  const trimmed = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const compact = trimmed.replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (scheme === null) {
    // No scheme: relative path, query, fragment or protocol-relative URL. A protocol-relative
    // `//host` inherits http(s) from the page, which is allowed anyway.
    return trimmed;
  }
  const name = `${(scheme[1] ?? '').toLowerCase()}:`;
  return ALLOWED_SCHEMES.has(name) ? trimmed : REFUSED;
}
