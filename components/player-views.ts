import { defineElement } from './define.js';

/**
 * The player's secondary views, its cover page and its table of contents, each its own chunk:
 * loaded and defined when first needed, so the entry carries only the shell.
 */
const VIEWS = {
  'cm-toc': () => import('./cm-toc.js').then((module) => module.CmToc),
  'cm-results': () => import('./cm-results.js').then((module) => module.CmResults),
  'cm-glossary': () => import('./cm-glossary.js').then((module) => module.CmGlossary),
  'cm-support-dialog': () => import('./cm-support-dialog.js').then((module) => module.CmSupportDialog),
  'cm-cover': () => import('./cm-cover.js').then((module) => module.CmCover),
} as const;

/** Loads and defines one of the player's secondary views, once. */
export async function loadView(tag: keyof typeof VIEWS): Promise<void> {
  if (customElements.get(tag) === undefined) defineElement(tag, await VIEWS[tag]());
}
