/** Small builders of hast for the directives' renderers (scripts/directives/). */
import type { Element, ElementContent, Properties } from 'hast';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { LitValue } from './lit-template.js';

/** Block Markdown as a nested template. */
export function blocks(state: State, nodes: readonly RootContent[]): LitValue {
  return { template: state.all({ type: 'root', children: [...nodes] }) };
}

/** Inline Markdown as a nested template. */
export function inline(state: State, nodes: readonly PhrasingContent[]): LitValue {
  const paragraph: Paragraph = { type: 'paragraph', children: [...nodes] };
  return { template: state.all(paragraph) };
}

export function inlineRecord(state: State, parts: Readonly<Record<string, readonly PhrasingContent[]>>): LitValue {
  return { record: Object.fromEntries(Object.entries(parts).map(([key, nodes]) => [key, inline(state, nodes)])) };
}

/** The `heading` property of a titled box, when it has a title. */
export function titled(title: string | undefined): Properties {
  return title === undefined ? {} : { heading: title };
}

export function element(tagName: string, properties: Properties, children: ElementContent[], litProperties?: Record<string, LitValue>): Element {
  return { type: 'element', tagName, properties, children, ...(litProperties ? { data: { litProperties } } : {}) };
}
