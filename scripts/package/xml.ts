import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/**
 * A namespaced XML element as plain data. Manifest modules turn their typed manifests into these
 * trees; `serializeXml` is the only place that writes XML text (through xmlbuilder2, which escapes
 * text and attribute values), so no manifest is ever built by string templates. Reading XML is in xml-dom.ts.
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

export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * xmlbuilder2 escapes `<`, `>` and quotes, but leaves an `&` alone when the text after it looks like
 * a reference, so a title such as `R&D;` would come out as an undefined entity (ill-formed XML,
 * XML 1.0 §4.1) and `&amp;` would lose its literal meaning. Writing every `&` as `&amp;` first
 * hands the builder only well-formed references, which it keeps as they are.
 */
const ampersands = (value: string): string => value.replace(/&/g, '&amp;');

function append(parent: XMLBuilder, node: XmlElement): void {
  write(parent.ele(node.ns, node.name), node);
}

function write(target: XMLBuilder, node: XmlElement): void {
  for (const attribute of node.attributes) target.att(attribute.ns ?? null, attribute.name, ampersands(attribute.value));
  if (node.text !== undefined && node.text !== '') target.txt(ampersands(node.text));
  for (const child of node.children) append(target, child);
}

/**
 * Serialises a document with xmlbuilder2: UTF-8 declaration, two-space indent, `\n` line ends
 * (never `os.EOL`), a final newline; the prefixes are declared on the root. Same input, same bytes.
 */
export function serializeXml(doc: XmlDocument): string {
  const builder = create({ version: '1.0', encoding: 'UTF-8' });
  const root = builder.ele(doc.root.ns, doc.root.name);
  for (const [prefix, uri] of doc.prefixes) root.att(XMLNS_NS, `xmlns:${prefix}`, uri);
  write(root, doc.root);
  return `${builder.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}
