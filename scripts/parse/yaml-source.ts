import type { VFile } from 'vfile';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { report } from '../diagnostics/report.js';

/** A parsed YAML document together with where its text starts in the file it came from. */
export interface YamlSource {
  readonly file: VFile;
  readonly document: Document.Parsed;
  /** Offset in `file` of the YAML text's first character (frontmatter starts after `---`). */
  readonly offset: number;
}

/**
 * Parses YAML that sits at `offset` in `file`. Syntax errors become `yaml-syntax` messages at the
 * exact position libyaml-compatible `yaml` reports; returns undefined when the text is unusable.
 */
export function parseYaml(file: VFile, text: string, offset: number): YamlSource | undefined {
  if (reportTabIndent(file, text, offset)) return undefined;
  const document = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    const [start, end] = error.pos;
    const reason = error.code === 'DUPLICATE_KEY' ? duplicateKey(text, start, (at) => String(file.value).slice(0, offset + at).split('\n').length) : undefined;
    report(file, 'yaml-syntax', reason ?? `Invalid YAML: ${firstLine(error.message)}. Check indentation, colons and quotes on this line.`, {
      offset: offset + start,
      endOffset: offset + Math.max(end, start),
    });
  }
  if (document.errors.length > 0) return undefined;
  // Aliases (*name) make toJS() throw when unresolved, and expand exponentially when nested (the
  // "billion laughs" attack, yaml's maxAliasCount). Course files never need them: refuse them all.
  let alias = false;
  visit(document, (_key, node) => {
    if (!isAlias(node)) return undefined;
    alias = true;
    const [start = 0, end = start] = node.range ?? [];
    report(file, 'yaml-syntax', `YAML aliases such as "*${node.source}" are not supported in course files. Write the value out in full.`, { offset: offset + start, endOffset: offset + end });
    return visit.BREAK;
  });
  return alias ? undefined : { file, document, offset };
}

/**
 * YAML forbids tabs in indentation (YAML 1.2 6.1), and the parser's own errors for them come one or
 * more per line without the word "tab": one message at the first tab names the cause and the lines.
 */
function reportTabIndent(file: VFile, text: string, offset: number): boolean {
  const lines: number[] = [];
  let first: number | undefined;
  let lineStart = 0;
  for (const [index, line] of text.split('\n').entries()) {
    const tab = /^[ ]*\t/.exec(line);
    // A tab after the indentation of a block scalar's text is content, but a tab that starts a line is never valid indentation.
    if (tab && /\S/.test(line)) {
      lines.push(index + 1);
      first ??= lineStart + tab[0].length - 1;
    }
    lineStart += line.length + 1;
  }
  if (first === undefined) return false;
  const shown = lines.length > 6 ? `${lines.slice(0, 6).join(', ')}...` : lines.join(', ');
  const what = lines.length === 1 ? 'This line is' : `${lines.length} lines (${shown}) are`;
  report(file, 'yaml-syntax', `${what} indented with a tab. YAML allows only spaces for indentation: replace each tab with spaces (two per level).`, { offset: offset + first, endOffset: offset + first + 1 });
  return true;
}

/**
 * A key written twice in one mapping (adding a setting that the file already has, often further up
 * with a comment): names it and where it first is, since YAML keeps neither and the parser says only
 * "Map keys must be unique".
 */
function duplicateKey(text: string, start: number, lineOf: (at: number) => number): string | undefined {
  // The parser points at the key's first character: the key runs to its colon.
  const key = (/^[^:\n]+?(?=\s*:)/.exec(text.slice(start))?.[0] ?? '').trim();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (key === '' || !/^[ -]*$/.test(indent)) return undefined;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const first = new RegExp(`^${indent.replace(/-/g, ' ')}${escaped}\\s*:`, 'm').exec(text.slice(0, lineStart));
  const where = first === null ? '' : ` (first on line ${lineOf(first.index)})`;
  return `"${key}" is written twice in this file${where}. Keep one of them: change the first, or remove it.`;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/\.$/, '');
}

/**
 * The file range of the YAML node at `path`: the value when it exists, else the closest existing
 * parent. With `key`, the range of the key itself (for unknown keys). Used to place schema errors
 * exactly on the offending key or value rather than on the file's first line.
 */
export function yamlRange(
  source: YamlSource,
  path: readonly PropertyKey[],
  options: { readonly key?: boolean } = {},
): { offset: number; endOffset: number } {
  let node: unknown = source.document.contents;
  let best: YamlNode | undefined = isNodeWithRange(node) ? node : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const last = segment === path[path.length - 1];
      if (options.key === true && last && isNodeWithRange(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      if (isNodeWithRange(node)) best = node;
      else if (isNodeWithRange(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (isNodeWithRange(node)) best = node;
      else break;
    } else break;
  }
  const range = best?.range ?? [0, 0, 0];
  return { offset: source.offset + range[0], endOffset: source.offset + range[1] };
}

function isNodeWithRange(value: unknown): value is YamlNode & { range: [number, number, number] } {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as { range: unknown }).range);
}
