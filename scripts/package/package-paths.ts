import type { OutputFile } from '../bundle/bundle-course.js';

/** The files of a package as the checker sees them: exact paths, and a case-folded index. */
export interface PackageIndex {
  readonly entries: readonly OutputFile[];
  readonly has: (path: string) => boolean;
  /** A path that differs only in letter case, when there is one. */
  readonly caseVariant: (path: string) => string | undefined;
  readonly read: (path: string) => Uint8Array | undefined;
}

export function packageIndex(entries: readonly OutputFile[]): PackageIndex {
  const byPath = new Map(entries.map((entry) => [entry.path, entry.contents] as const));
  const byFolded = new Map(entries.map((entry) => [entry.path.toLowerCase(), entry.path] as const));
  return {
    entries,
    has: (path) => byPath.has(path),
    caseVariant: (path) => {
      const variant = byFolded.get(path.toLowerCase());
      return variant !== undefined && variant !== path ? variant : undefined;
    },
    read: (path) => byPath.get(path),
  };
}

/** An href with a scheme (`https:`, `data:`) or a network path: not a file in the package. */
export const isExternalHref = (href: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(href) || href.startsWith('//');

/**
 * The package path an href names: query and fragment dropped, percent-escapes decoded, resolved
 * against `base` (xml:base, `/`-ended or empty). Undefined when it leaves the package root.
 */
export function hrefToPath(href: string, base = ''): string | undefined {
  const bare = href.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  const segments: string[] = [];
  for (const segment of `${base}${decoded}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return undefined;
    } else segments.push(segment);
  }
  return segments.join('/');
}

/** Query parameter names of a relative or absolute URL, in order. */
export function queryNames(url: string): string[] {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).replace(/#.*$/, '') : '';
  return [...new URLSearchParams(query).keys()];
}
