/**
 * Hash routes. Pages are `#/<page-id>` or `#/<page-id>/<heading-id>` (what the build writes for
 * internal links); the player's own views use `#/:glossary` and `#/:results`, which can never
 * clash with a page id (ids are lowercase letters, digits and hyphens).
 * Hash routing works from `file:` URLs and inside LMS iframes, where the path is not ours.
 */
import type { CourseOutline, PageOutline } from './course-data.js';

/** What routing needs of a course: its pages' ids and positions (a `CourseOutline` or `CourseData`). */
interface Routable {
  readonly pages: readonly PageOutline[];
}

export type Route =
  | { readonly kind: 'page'; readonly index: number; readonly heading?: string }
  | { readonly kind: 'glossary' }
  | { readonly kind: 'results' };

const GLOSSARY = ':glossary';
const RESULTS = ':results';

/** The route a hash names, or undefined for hashes that are not routes or name no page. */
export function parseRoute(course: Routable, hash: string): Route | undefined {
  if (!hash.startsWith('#/')) return undefined;
  const parts = hash.slice(2).split('/').map((part) => safeDecode(part));
  const [first, second] = parts;
  if (first === GLOSSARY) return { kind: 'glossary' };
  if (first === RESULTS) return { kind: 'results' };
  const page = course.pages.find((candidate) => candidate.id === first);
  if (page === undefined) return undefined;
  return second === undefined || second === '' ? { kind: 'page', index: page.index } : { kind: 'page', index: page.index, heading: second };
}

/**
 * The page a launch URL asks for with `?page=<page-id>`: how an LMS starts one page of the course
 * (the cmi5 per-section layout gives each page its own AU with such a URL).
 */
export function parseLaunchPage(course: Routable, search: string): Route | undefined {
  const id = new URLSearchParams(search).get('page');
  const page = id === null ? undefined : course.pages.find((candidate) => candidate.id === id);
  return page === undefined ? undefined : { kind: 'page', index: page.index };
}

/**
 * The view a launch opens: the URL's route (a shared link, a reload), else the page `?page=` asks for,
 * else the page at `fallback` (the first page, or where saved progress left the learner).
 */
export function openingRoute(course: Routable, location: Pick<Location, 'hash' | 'search'>, fallback: number): Route {
  return parseRoute(course, location.hash) ?? parseLaunchPage(course, location.search) ?? { kind: 'page', index: fallback };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch (error: unknown) {
    // A malformed escape (`%E0%A4%A`) is kept as written; it then simply matches no page.
    if (error instanceof URIError) return part;
    throw error;
  }
}

export function hrefFor(course: Routable, route: Route): string {
  switch (route.kind) {
    case 'glossary':
      return `#/${GLOSSARY}`;
    case 'results':
      return `#/${RESULTS}`;
    case 'page': {
      const id = course.pages[route.index]?.id ?? '';
      const base = `#/${encodeURIComponent(id)}`;
      return route.heading === undefined ? base : `${base}/${encodeURIComponent(route.heading)}`;
    }
  }
}

/**
 * Whether a launch opens on the cover page: the course has one and the URL names no view (a link
 * to a page, a reload, an LMS asking for one page with `?page=` go straight there).
 */
export function opensOnCover(outline: CourseOutline, location: Pick<Location, 'hash' | 'search'> = window.location): boolean {
  return outline.cover && parseRoute(outline, location.hash) === undefined && parseLaunchPage(outline, location.search) === undefined;
}
