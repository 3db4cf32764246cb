import { create } from 'xmlbuilder2';

/**
 * Reading XML for the package checker: a namespace-aware DOM through xmlbuilder2's parser, and
 * small helpers over it. Kept apart from the writer (xml.ts), so that building packages does not
 * load the parser.
 */

/** Parses XML text into a DOM element (namespace-aware), or returns the parser's complaint. */
export function parseXml(text: string): { readonly root: Element } | { readonly error: string } {
  try {
    const node = create(text).root().node as unknown as Element;
    if (typeof node.localName !== 'string' || node.localName === '') return { error: 'the document has no root element' };
    return { root: node };
  } catch (error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Child elements of `parent` in namespace `ns` named `localName` (direct children only). */
export function childElements(parent: Element, ns: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (el.namespaceURI === ns && (localName === undefined || el.localName === localName)) out.push(el);
  }
  return out;
}

/** Every child element, whatever its namespace. */
export function allChildElements(parent: Element): Element[] {
  return Array.from(parent.childNodes).filter((child): child is Element => child.nodeType === 1);
}

/** Text content of the first matching child, trimmed; undefined when there is none. */
export function childText(parent: Element, ns: string, localName: string): string | undefined {
  const child = childElements(parent, ns, localName)[0];
  return child === undefined ? undefined : (child.textContent ?? '').trim();
}

/** Every descendant element in `ns` named `localName`, in document order. */
export function descendants(root: Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}
