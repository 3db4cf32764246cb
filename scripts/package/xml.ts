import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/**
 * A namespaced XML element as plain data. Manifest modules turn their typed manifests into these
 * trees; `serializeXml` is the only place that writes XML text (through xmlbuilder2, which escapes
 * text and attribute values), so no manifest is ever built by string templates.
 */
export interface XmlAttribute {
  /** Namespace of a prefixed attribute (`adlcp:scormtype`); unprefixed attributes have none. */
  readonly ns?: string;
  /** Qualified name, with its prefix when it has a namespace. */
  readonly name: string;
  readonly value: string;
}

export interface XmlElement {
  readonly ns: string;
  /** Qualified name: `prefix:local` for a prefixed namespace, `local` for the default one. */
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Text content; an element has either text or children. */
  readonly text?: string;
}

export interface XmlDocument {
  readonly root: XmlElement;
  /** Prefix -> namespace, declared on the root in this order (the root's own namespace is the default). */
  readonly prefixes: readonly (readonly [prefix: string, uri: string])[];
}

export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Attributes from a record, skipping undefined values; key order is kept, so output is stable. */
export function attrs(values: Readonly<Record<string, string | undefined>>): XmlAttribute[] {
  return Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
}

/** An element with children. */
export function element(ns: string, name: string, attributes: readonly XmlAttribute[], children: readonly XmlElement[] = []): XmlElement {
  return { ns, name, attributes, children };
}

/** An element holding only text. */
export function textElement(ns: string, name: string, text: string, attributes: readonly XmlAttribute[] = []): XmlElement {
  return { ns, name, attributes, children: [], text };
}

function append(parent: XMLBuilder, node: XmlElement): void {
  const child = parent.ele(node.ns, node.name);
  write(child, node);
}

function write(target: XMLBuilder, node: XmlElement): void {
  for (const attribute of node.attributes) target.att(attribute.ns ?? null, attribute.name, attribute.value);
  if (node.text !== undefined && node.text !== '') target.txt(node.text);
  for (const child of node.children) append(target, child);
}

/**
 * Serialises a document: UTF-8 declaration, two-space indent, `\n` line ends (never `os.EOL`),
 * a final newline. Same input, same bytes.
 */
export function serializeXml(doc: XmlDocument): string {
  const builder = create({ version: '1.0', encoding: 'UTF-8' });
  const root = builder.ele(doc.root.ns, doc.root.name);
  for (const [prefix, uri] of doc.prefixes) root.att(XMLNS_NS, `xmlns:${prefix}`, uri);
  write(root, doc.root);
  return `${builder.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}

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
