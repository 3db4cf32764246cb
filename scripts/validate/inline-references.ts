import type { Definition, Image, Link, Parent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';

/** What `inlineReferences` did: where each converted node's address is written, and the definitions used. */
export interface InlinedReferences {
  /** Link or image made from a reference -> the position of its definition (where the address is). */
  readonly addressPlaces: Map<Link | Image, Position | undefined>;
  readonly usedDefinitions: Set<Definition>;
}

/**
 * Turns reference-style links and images (`[text][ref]`, `![alt][ref]`, `[ref]`) into the inline
 * links and images they stand for, with the address and title of their definition. Every check and
 * the renderer then treat both styles alike: the same URL rules, page links, assets and draft-mode
 * omissions. (Markdown makes a reference only when its definition exists; others stay text.)
 */
export function inlineReferences(tree: Root): InlinedReferences {
  const definitions = new Map<string, Definition>();
  const collect = (parent: Root | Parent): void => {
    for (const child of parent.children) {
      // The first definition of a label wins (CommonMark 4.7).
      if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child);
      if ('children' in child) collect(child);
    }
  };
  collect(tree);
  const result: InlinedReferences = { addressPlaces: new Map(), usedDefinitions: new Set() };
  if (definitions.size === 0) return result;
  const replace = (parent: Root | Parent): void => {
    const children = parent.children as RootContent[];
    for (const [index, child] of children.entries()) {
      if (child.type === 'linkReference' || child.type === 'imageReference') {
        const definition = definitions.get(child.identifier);
        if (definition === undefined) continue;
        result.usedDefinitions.add(definition);
        const common = { url: definition.url, ...(definition.title ? { title: definition.title } : {}), ...(child.position ? { position: child.position } : {}) };
        const inline: Link | Image = child.type === 'linkReference' ? { type: 'link', ...common, children: child.children } : { type: 'image', ...common, alt: child.alt ?? '' };
        children[index] = inline;
        result.addressPlaces.set(inline, definition.position);
        if (inline.type === 'link') replace(inline);
        continue;
      }
      if ('children' in child) replace(child);
    }
  };
  replace(tree);
  return result;
}
