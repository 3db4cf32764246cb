/**
 * Custom element definitions. Importing component modules has no side effects; elements are
 * defined where they are first needed, so each lands in the chunk that uses it:
 * - `defineElements()` defines the shell (`cm-player`), once, before the player is created;
 * - every generated page module defines the directive elements it renders (scripts/directives/);
 * - the player defines its table of contents as the first view loads (its space is reserved by the
 *   shell's styles), and its results, glossary and support views when it first opens them;
 * - page elements (`cm-page-<n>`) are defined by page-registry.ts.
 */
import { CmPlayer } from './cm-player.js';

/** Defines `element` as `tag` unless the tag is already defined; safe to call more than once. */
export function defineElement(tag: string, element: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  if (registry.get(tag) === undefined) registry.define(tag, element);
}

/** Defines the player shell's elements. */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  defineElement('cm-player', CmPlayer, registry);
}
