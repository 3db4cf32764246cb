import type { ElementContent, Properties, Root, RootContent } from 'hast';
import { find, html as htmlSchema } from 'property-information';

/**
 * A value bound to an element property (`.name=${...}`): plain JSON data, a nested template
 * (rich author content), or a record of those.
 */
export type LitValue =
  | { readonly json: unknown }
  | { readonly template: readonly ElementContent[] }
  | { readonly record: Readonly<Record<string, LitValue>> };

declare module 'hast' {
  interface ElementData {
    /** Properties the render stage binds on a coursemark element (`.question=${...}`). */
    litProperties?: Readonly<Record<string, LitValue>>;
  }
}

// Elements that never have children or a closing tag (HTML Living Standard 13.1.2).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const URL_ATTRIBUTES = new Set(['href', 'src']);
const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Turns hast into the source of a Lit `html` template. Author text and every attribute value go
 * into `${...}` expressions, which Lit escapes when it renders, so no author string can become markup
 * (a tag or attribute name here only ever comes from the renderer, and is checked against NAME).
 * URL attributes go through the player's `safeUrl` policy as a second line of defence.
 */
export function litTemplate(nodes: Root | readonly (RootContent | ElementContent)[]): string {
  const list = Array.isArray(nodes) ? nodes : (nodes as Root).children;
  return `html\`${list.map(node).join('')}\``;
}

function node(item: RootContent | ElementContent): string {
  switch (item.type) {
    case 'text':
      // The spaces and line breaks between elements are layout: static. Any other text is author
      // content, tabs and no-break spaces included (a tab-only line of code, "&nbsp;"), and goes
      // into an expression so that it reaches the page exactly as written.
      return /^[ \n]*$/.test(item.value) ? item.value : `\${${JSON.stringify(item.value)}}`;
    case 'element':
      return element(item.tagName, item.properties, item.children, item.data?.litProperties);
    default:
      // Comments, doctypes and raw HTML never reach a page (raw HTML is refused at validation).
      return '';
  }
}

function element(tagName: string, properties: Properties, children: readonly ElementContent[], bound: Readonly<Record<string, LitValue>> | undefined): string {
  if (!NAME.test(tagName)) throw new Error(`Renderer produced an invalid tag name: ${tagName}`);
  let open = `<${tagName}`;
  for (const [key, value] of Object.entries(properties)) open += attribute(key, value);
  for (const [key, value] of Object.entries(bound ?? {})) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) throw new Error(`Renderer produced an invalid property name: ${key}`);
    open += ` .${key}=\${${expression(value)}}`;
  }
  open += '>';
  if (VOID.has(tagName)) return open;
  return `${open}${children.map(node).join('')}</${tagName}>`;
}

function attribute(key: string, value: Properties[string]): string {
  if (value === null || value === undefined || value === false) return '';
  const info = find(htmlSchema, key);
  const name = info.attribute;
  if (!NAME.test(name)) throw new Error(`Renderer produced an invalid attribute name: ${name}`);
  if (value === true) return ` ${name}`;
  const text = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
  const literal = JSON.stringify(text);
  return ` ${name}=\${${URL_ATTRIBUTES.has(name) ? `safeUrl(${literal})` : literal}}`;
}

function expression(value: LitValue): string {
  if ('json' in value) return JSON.stringify(value.json) ?? 'undefined';
  if ('template' in value) return litTemplate(value.template);
  const entries = Object.entries(value.record).map(([key, inner]) => `${JSON.stringify(key)}: ${expression(inner)}`);
  return `{${entries.join(', ')}}`;
}
