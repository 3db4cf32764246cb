import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { CourseData } from '../../components/course-data.js';

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
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: course.language, dir: course.dir }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { name: 'color-scheme', content: 'light dark' }),
        h('title', course.title),
        ...(course.description ? [h('meta', { name: 'description', content: course.description })] : []),
        ...input.preload.map((href) => h('link', { rel: 'modulepreload', href })),
        h('script', { type: 'module', src: input.entry }),
      ]),
      h('body', [h('noscript', input.noScriptMessage)]),
    ]),
  ]);
  return `${toHtml(tree)}\n`;
}
