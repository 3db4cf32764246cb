import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { preloadedFace } from '../../components/brand-fonts.js';
import type { CourseData } from '../../components/course-data.js';

/** The course's icon, next to index.html. */
export const FAVICON = 'favicon.svg';

/** A plain icon in the course's accent colour (a page with no icon makes browsers ask for /favicon.ico). */
export function faviconSvg(accent: string): string {
  const colour = /^#[0-9a-f]{6}$/i.test(accent) ? accent : '#3b5ba9';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${colour}"/><path d="M9 9h10a4 4 0 0 1 4 4v10H13a4 4 0 0 1-4-4z" fill="#fff"/></svg>\n`;
}

export interface IndexHtmlInput {
  readonly course: CourseData;
  /** Output path of the entry chunk, relative to index.html. */
  readonly entry: string;
  /** Chunks the entry imports statically, preloaded so they download in parallel. */
  readonly preload: readonly string[];
  readonly noScriptMessage: string;
}

/**
 * The launch page. Built as a hast tree and serialised by hast-util-to-html (escaping included),
 * with no inline script or style, so it runs under a strict Content-Security-Policy.
 */
export function indexHtml(input: IndexHtmlInput): string {
  const { course } = input;
  const font = preloadedFace(course.theme);
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: course.language, dir: course.dir }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { name: 'color-scheme', content: 'light dark' }),
        h('title', course.title),
        // Browsers ask for /favicon.ico when a page names no icon: a 404 in every launch's log.
        h('link', { rel: 'icon', href: `./${FAVICON}`, type: 'image/svg+xml' }),
        ...(course.description ? [h('meta', { name: 'description', content: course.description })] : []),
        ...input.preload.map((href) => h('link', { rel: 'modulepreload', href })),
        // The course's own font, fetched alongside the scripts; text does not wait for it (brand-fonts.ts).
        ...(font === undefined ? [] : [h('link', { rel: 'preload', href: `./${font}`, as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' })]),
        h('script', { type: 'module', src: input.entry }),
      ]),
      h('body', [h('noscript', input.noScriptMessage)]),
    ]),
  ]);
  return `${toHtml(tree)}\n`;
}
