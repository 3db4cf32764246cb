/**
 * A namespaced XML element as plain data. Manifest modules turn their typed manifests into these
 * trees; `serializeXml` is the only place that writes XML text (escaping every text and attribute
 * value), so no manifest is ever built by string templates. Reading XML is in xml-dom.ts.
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

/** Text content: `&`, `<` and `>` as references (XML 1.0 §2.4), every `&`, so literal entity text survives. */
const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Attribute values, always double-quoted: `"` as well (XML 1.0 §3.1, AttValue). */
const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;');

const attribute = (name: string, value: string): string => ` ${name}="${escapeAttribute(value)}"`;

/**
 * One element and its children, `depth` levels indented. A prefixed name (element or attribute)
 * must use a prefix the document declares, for the same namespace; an unprefixed name declares its namespace as the
 * default when it differs from the parent's.
 */
function writeElement(node: XmlElement, depth: number, scope: { readonly prefixes: ReadonlyMap<string, string>; readonly defaultNs: string | undefined }, declarations: string, out: string[]): void {
  const colon = node.name.indexOf(':');
  if (colon > 0 && scope.prefixes.get(node.name.slice(0, colon)) !== node.ns) throw new Error(`XML element ${node.name}: its prefix is not declared for ${node.ns}.`);
  const defaultNs = colon > 0 ? scope.defaultNs : node.ns;
  const indent = '  '.repeat(depth);
  let open = `${indent}<${node.name}${defaultNs === scope.defaultNs ? '' : attribute('xmlns', node.ns)}${declarations}`;
  for (const { ns, name, value } of node.attributes) {
    if (ns !== undefined && scope.prefixes.get(name.slice(0, name.indexOf(':'))) !== ns) throw new Error(`XML attribute ${name}: its prefix is not declared for ${ns}.`);
    open += attribute(name, value);
  }
  if (node.text !== undefined && node.text !== '') out.push(`${open}>${escapeText(node.text)}</${node.name}>`);
  else if (node.children.length === 0) out.push(`${open}/>`);
  else {
    out.push(`${open}>`);
    for (const child of node.children) writeElement(child, depth + 1, { prefixes: scope.prefixes, defaultNs }, '', out);
    out.push(`${indent}</${node.name}>`);
  }
}

/**
 * Serialises a document: UTF-8 declaration, two-space indent, `\n` line ends (never `os.EOL`),
 * a final newline; the prefixes are declared on the root. Same input, same bytes.
 */
export function serializeXml(doc: XmlDocument): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const declarations = doc.prefixes.map(([prefix, uri]) => attribute(`xmlns:${prefix}`, uri)).join('');
  writeElement(doc.root, 0, { prefixes: new Map(doc.prefixes), defaultNs: undefined }, declarations, out);
  return `${out.join('\n')}\n`;
}
