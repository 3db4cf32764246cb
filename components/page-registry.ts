/**
 * Page classes come from lazily loaded modules, so they cannot be defined in `define.ts`; each is
 * defined on first use under a tag derived from its position. A custom element must be defined
 * before `new` is called on its class.
 */
import type { CoursePage } from './course-page.js';

export function pageTagName(index: number): string {
  return `cm-page-${index}`;
}

/**
 * Defines `pageClass` as `cm-page-<index>` (once) and returns a new instance of it. A new version of
 * the page's module (the preview, after an edit) gets the next free `cm-page-<index>-<n>`, as a tag
 * cannot be defined twice.
 */
export function createPageElement(index: number, pageClass: typeof CoursePage): CoursePage {
  for (let version = 0; ; version++) {
    const tag = version === 0 ? pageTagName(index) : `${pageTagName(index)}-${version}`;
    const existing = customElements.get(tag);
    if (existing === undefined) customElements.define(tag, pageClass);
    if (existing === undefined || existing === pageClass) return new pageClass();
  }
}
