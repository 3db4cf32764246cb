/**
 * Defines every coursemark custom element. Importing component modules has no side effects;
 * call `defineElements()` once, before the player is created. Page elements (`cm-page-<n>`)
 * are defined on demand by page-registry.ts, because their modules load lazily.
 */
import { CmActivity } from './cm-activity.js';
import { CmContentWarning } from './cm-content-warning.js';
import { CmFigure } from './cm-figure.js';
import { CmGlossary } from './cm-glossary.js';
import { CmNote } from './cm-note.js';
import { CmPlayer } from './cm-player.js';
import { CmQuestion } from './cm-question.js';
import { CmResults } from './cm-results.js';
import { CmSupportDialog } from './cm-support-dialog.js';
import { CmSupportLink } from './cm-support-link.js';
import { CmTerm } from './cm-term.js';
import { CmToc } from './cm-toc.js';

const ELEMENTS: readonly (readonly [string, CustomElementConstructor])[] = [
  ['cm-activity', CmActivity],
  ['cm-content-warning', CmContentWarning],
  ['cm-figure', CmFigure],
  ['cm-glossary', CmGlossary],
  ['cm-note', CmNote],
  ['cm-player', CmPlayer],
  ['cm-question', CmQuestion],
  ['cm-results', CmResults],
  ['cm-support-dialog', CmSupportDialog],
  ['cm-support-link', CmSupportLink],
  ['cm-term', CmTerm],
  ['cm-toc', CmToc],
];

/** Defines all elements that are not yet defined; safe to call more than once. */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of ELEMENTS) {
    if (registry.get(tag) === undefined) registry.define(tag, element);
  }
}
