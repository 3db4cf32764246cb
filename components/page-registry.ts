/**
 * Page classes come from lazily loaded modules, so they cannot be defined in `define.ts`; each is
 * defined on first use under a tag derived from its position. A custom element must be defined
 * before `new` is called on its class.
 */
import type { CoursePage } from './course-page.js';

export function pageTagName(index: number): string {
  return `cm-page-${index}`;
}

/** Defines `pageClass` as `cm-page-<index>` (once) and returns a new instance of it. */
export function createPageElement(index: number, pageClass: typeof CoursePage): CoursePage {
  const tag = pageTagName(index);
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, pageClass);
  } else if (existing !== pageClass) {
    throw new Error(`coursemark: ${tag} is already defined by another page class`);
  }
  return new pageClass();
}
