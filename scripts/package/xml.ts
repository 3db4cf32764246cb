import XMLBuilder from 'fast-xml-builder';

/**
 * A namespaced XML element as plain data. Manifest modules turn their typed manifests into these
 * trees; `serializeXml` is the only place that writes XML text (through fast-xml-builder, which
 * escapes text and attribute values), so no manifest is ever built by string templates. Reading XML
 * is in xml-dom.ts.
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


/** fast-xml-builder's ordered form: one record per node, its attributes under ':@'. */
type OrderedNode = { readonly [name: string]: OrderedNode[] | string | Readonly<Record<string, string>> };

/** Prefix ('' for the default namespace) -> namespace URI in scope at an element. */
type Scope = ReadonlyMap<string, string>;

const prefixOf = (qualifiedName: string): string => {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? '' : qualifiedName.slice(0, colon);
};

/**
 * One element in ordered form. Namespaces are written as XML Namespaces 1.0 section 3 declares them:
 * an element or a prefixed attribute whose prefix is not bound to its namespace in scope gets its
 * `xmlns` / `xmlns:prefix` declaration on this element, before its attributes.
 */
function ordered(node: XmlElement, scope: Scope, declarations: readonly XmlAttribute[] = []): OrderedNode {
  const inScope = new Map(scope);
  const declared: XmlAttribute[] = [...declarations];
  for (const declaration of declarations) inScope.set(declaration.name === 'xmlns' ? '' : declaration.name.slice('xmlns:'.length), declaration.value);
  const bind = (prefix: string, ns: string): void => {
    // The xml prefix is bound by definition (XML Namespaces 1.0 §3): `xml:lang` needs no declaration.
    if (inScope.get(prefix) === ns || prefix === 'xml') return;
    inScope.set(prefix, ns);
    declared.push({ name: prefix === '' ? 'xmlns' : `xmlns:${prefix}`, value: ns });
  };
  bind(prefixOf(node.name), node.ns);
  for (const attribute of node.attributes) if (attribute.ns !== undefined) bind(prefixOf(attribute.name), attribute.ns);
  const attributes = Object.fromEntries([...declared, ...node.attributes].map((attribute) => [attribute.name, attribute.value]));
  const children: OrderedNode[] = node.text !== undefined && node.text !== '' ? [{ '#text': node.text }] : node.children.map((child) => ordered(child, inScope));
  return { [node.name]: children, ':@': attributes };
}

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });

/**
 * Serialises a document: UTF-8 declaration, two-space indent, `\n` line ends (never `os.EOL`), a
 * final newline; the default namespace and the prefixes are declared on the root. Same input, same
 * bytes.
 */
export function serializeXml(doc: XmlDocument): string {
  const declarations = [{ name: 'xmlns', value: doc.root.ns }, ...doc.prefixes.map(([prefix, uri]) => ({ name: `xmlns:${prefix}`, value: uri }))];
  const text = String(builder.build([{ '?xml': [], ':@': { version: '1.0', encoding: 'UTF-8' } }, ordered(doc.root, new Map(), declarations)]));
  return `${text.trimEnd()}\n`;
}
