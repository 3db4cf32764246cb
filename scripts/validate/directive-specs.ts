import type { Directives } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { closestName } from '../diagnostics/suggest.js';
import { isValidId } from './value-checks.js';

/** How an attribute's value is read. `id` values follow the course's id rule (isValidId). */
export type AttributeType = 'id' | 'text' | 'number' | 'boolean' | 'enum';

export interface AttributeSpec {
  readonly type: AttributeType;
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly min?: number;
  /** A hint shown when the value is wrong or missing. */
  readonly hint: string;
}

export type DirectiveKind = Directives['type'];

/** One directive, described as data (as Markdoc describes tags): where it may be and what it takes. */
export interface DirectiveSpec {
  readonly kind: DirectiveKind;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** What the author writes, shown when the directive is used with the wrong number of colons. */
  readonly example: string;
}

/** Attribute values after checking: text, number or boolean, by the spec's type. */
export type AttributeValues = Readonly<Record<string, string | number | boolean>>;

/**
 * Checks a directive's attributes against its spec and returns the typed values. Unknown or wrong
 * attributes become `directive-attribute` messages placed on the attribute itself when it can be found.
 */
export function readAttributes(node: Directives, spec: DirectiveSpec, file: VFile): AttributeValues {
  const values: Record<string, string | number | boolean> = {};
  const given = node.attributes ?? {};
  // A misspelled setting ("tpye") is one mistake: reported as such, not also as a missing "type".
  const meant = new Set<string>();
  for (const [name, raw] of Object.entries(given)) {
    const attribute = spec.attributes[name];
    const place = attributePlace(file, node, name);
    if (!attribute) {
      const known = Object.keys(spec.attributes);
      const shown = name === 'class' ? `.${raw ?? ''}` : name;
      const suggestion = name === 'class' ? undefined : closestName(name, known.filter((candidate) => !(candidate in given)));
      const takes = known.length > 0 ? `It takes: ${known.map((k) => (k === 'id' ? '#id' : k)).join(', ')}.` : 'It takes no settings.';
      report(file, 'directive-attribute', `"${node.name}" has no setting "${shown}".${suggestion === undefined ? ` ${takes}` : ` Did you mean "${suggestion}"?`}`, place);
      // The rest of the checks read it as meant, so that they report nothing that follows from the slip.
      const meantSpec = suggestion === undefined ? undefined : spec.attributes[suggestion];
      const meantValue = meantSpec === undefined ? undefined : readValue(raw ?? '', meantSpec);
      if (suggestion !== undefined) meant.add(suggestion);
      if (suggestion !== undefined && meantValue !== undefined) values[suggestion] = meantValue;
      continue;
    }
    if (attribute.type === 'text' && CURLY_WRAPPED.test(raw ?? '')) {
      report(file, 'directive-syntax', `The value of "${name}" is wrapped in curly quotes (${(raw ?? '').charAt(0)}…${(raw ?? '').slice(-1)}), as word processors type them, so they would be shown as part of it. Use straight quotes: ${name}="${(raw ?? '').slice(1, -1)}".`, place);
    }
    const value = readValue(raw ?? '', attribute);
    if (value === undefined) {
      report(file, 'directive-attribute', `"${name}" on "${node.name}" has the value "${raw ?? ''}"; it must be ${attribute.hint}.`, place);
      continue;
    }
    values[name] = value;
  }
  for (const [name, attribute] of Object.entries(spec.attributes)) {
    if (attribute.required === true && !(name in given) && !meant.has(name)) {
      report(file, 'directive-attribute', `"${node.name}" needs ${name === 'id' ? 'an id' : `"${name}"`}: ${attribute.hint}. Example: ${spec.example}`, node.position);
    }
  }
  return values;
}

const CURLY_WRAPPED = /^[\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb].*[\u201c\u201d\u2018\u2019\u00ab\u00bb]$/su;

function readValue(raw: string, spec: AttributeSpec): string | number | boolean | undefined {
  const value = raw.trim();
  switch (spec.type) {
    case 'id':
      return isValidId(value) ? value : undefined;
    case 'text':
      return value;
    case 'enum':
      return spec.values?.includes(value) === true ? value : undefined;
    case 'boolean':
      return value === '' || value === 'true' ? true : value === 'false' ? false : undefined;
    case 'number': {
      const number = value === '' ? Number.NaN : Number(value);
      return Number.isFinite(number) && number >= (spec.min ?? -Infinity) ? number : undefined;
    }
  }
}

/**
 * The source range of one attribute (`name=...`, or `#id`), found on the directive's own text, so
 * that a message points at the attribute rather than at the start of the line.
 */
export function attributePlace(file: VFile, node: Directives, name: string): { offset: number; endOffset: number } | Directives['position'] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return node.position;
  const source = String(file.value).slice(start, end);
  const braces = source.indexOf('{');
  if (braces < 0) return node.position;
  const pattern = name === 'id' ? /#[^\s}]*|\bid=("[^"]*"|'[^']*'|[^\s}]*)/ : name === 'class' ? /\.[^\s}#.]+/ : new RegExp(`(?<=[\\s{])${escapeRegExp(name)}(=("[^"]*"|'[^']*'|[^\\s}]*))?`);
  const match = pattern.exec(source.slice(braces));
  if (!match) return node.position;
  const offset = start + braces + match.index;
  return { offset, endOffset: offset + match[0].length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
