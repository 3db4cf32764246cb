import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';

// Lines that start like a directive but that Markdown did not read as one, and container directives
// that are never closed. Either way learners would see raw ":::" lines or a whole page inside a box,
// and the checks that follow would report at the wrong place: these run first, on the tree as parsed.

const OPENER = /^[ \t>]*(:{2,})([A-Za-z][\w-]*)/;
const FENCE = /^[ \t>]*(:{3,})[ \t]*$/;
const CURLY = /[\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb]/;

/**
 * Reports directive lines that could not be read (`directive-syntax`) and unclosed containers
 * (`directive-unclosed`). A container that holds another one opened with as many colons or more was
 * meant to end before it (the later ":::" line closes the outer one, CommonMark-style): it is
 * reported, and the inner directive and what follows are moved out after it, so every directive is
 * checked on its own and nothing is reported twice.
 */
export function checkDirectiveLines(tree: Root, file: VFile): void {
  const text = String(file.value);
  walk(tree, text, file, { pendingFences: 0, reported: new Set() });
}

interface WalkState {
  /** Unreadable container openers whose ":::" line is still to come. */
  pendingFences: number;
  /** Containers already reported as unclosed. */
  readonly reported: Set<ContainerDirective>;
}

function walk(parent: Root | Parent, text: string, file: VFile, state: WalkState): void {
  for (let index = 0; index < parent.children.length; index += 1) {
    const child = parent.children[index] as RootContent;
    if (child.type === 'paragraph') unreadableLines(child, text, file, state);
    if (child.type === 'containerDirective') {
      splitUnclosed(child, parent, index, text, file, state);
      if (!isClosed(child, text)) unclosed(child, text, file, undefined, state);
    }
    if ('children' in child && child.type !== 'paragraph') walk(child, text, file, state);
  }
}

/** Moves a nested container opened with as many colons or more (and what follows it) out of `node`. */
function splitUnclosed(node: ContainerDirective, parent: Root | Parent, index: number, text: string, file: VFile, state: WalkState): void {
  const colons = colonsAt(text, node.position?.start.offset);
  const inner = node.children.findIndex((child) => child.type === 'containerDirective' && colonsAt(text, child.position?.start.offset) >= colons);
  if (inner < 0) return;
  const moved = node.children.splice(inner);
  unclosed(node, text, file, moved[0] as ContainerDirective, state);
  const last = node.children.at(-1);
  if (node.position && last?.position) node.position = { start: node.position.start, end: last.position.end };
  (parent.children as RootContent[]).splice(index + 1, 0, ...moved);
}

function unclosed(node: ContainerDirective, text: string, file: VFile, next: ContainerDirective | undefined, state: WalkState): void {
  const start = node.position?.start;
  if (!start || state.reported.has(node)) return;
  state.reported.add(node);
  const colons = ':'.repeat(colonsAt(text, start.offset));
  const id = typeof node.attributes?.id === 'string' ? ` ("${node.attributes.id}")` : '';
  const where = next?.position ? ` before the "${colons}${next.name}" on line ${next.position.start.line}` : '';
  const lineEnd = text.indexOf('\n', start.offset ?? 0);
  const end = { offset: lineEnd < 0 ? text.length : lineEnd };
  report(
    file,
    'directive-unclosed',
    `The "${colons}${node.name}"${id} opened here is not closed${where}, so ${next ? 'what follows would be inside it' : 'the rest of the page would be inside it'}. Add a line "${colons}" where it ends.${next ? ` (To put one directive inside another, open the outer one with more colons: "${colons}:${node.name}".)` : ''}`,
    { offset: start.offset ?? 0, endOffset: end.offset },
  );
}

/** Whether the line after a container's content is its closing fence (as many colons or more). */
function isClosed(node: ContainerDirective, text: string): boolean {
  const colons = colonsAt(text, node.position?.start.offset);
  const last = node.children.at(-1);
  let from = last?.position?.end.offset;
  if (from === undefined) {
    const open = node.position?.start.offset ?? 0;
    const lineEnd = text.indexOf('\n', open);
    if (lineEnd < 0) return false;
    from = lineEnd;
  }
  for (const line of text.slice(from).split('\n').slice(1)) {
    if (line.trim().replace(/^>+/, '').trim() === '') continue;
    const fence = FENCE.exec(line)?.[1];
    return fence !== undefined && fence.length >= colons;
  }
  return false;
}

function colonsAt(text: string, offset: number | undefined): number {
  if (offset === undefined) return 3;
  let count = 0;
  while (text[offset + count] === ':') count += 1;
  return count;
}

/**
 * A paragraph line that starts like a directive was not read as one: say why. A lone ":::" line in
 * a paragraph closes nothing, unless an unreadable container opened before it (then it is its fence).
 */
function unreadableLines(node: Paragraph, text: string, file: VFile, state: WalkState): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  let offset = text.lastIndexOf('\n', start - 1) + 1;
  for (const line of text.slice(offset, end).split('\n')) {
    const opener = OPENER.exec(line);
    if (opener) {
      const [, colons = '', name = ''] = opener;
      if (colons.length >= 3) state.pendingFences += 1;
      report(file, 'directive-syntax', unreadableReason(line, colons, name), placeOfCause(line, offset));
    } else if (FENCE.test(line)) {
      if (state.pendingFences > 0) state.pendingFences -= 1;
      else report(file, 'directive-syntax', `This "${line.trim()}" line closes no directive, so learners would see it. Remove it, or check the line that should open the directive above.`, { offset, endOffset: offset + line.length });
    }
    offset += line.length + 1;
  }
}

function unreadableReason(line: string, colons: string, name: string): string {
  const what = `"${colons}${name}" cannot be read as a directive, so learners would see this line as text`;
  if (CURLY.test(line)) return `${what}: its settings use curly quotes (“ ” or ‘ ’), as word processors type them. Use straight quotes: {title="Before you read"}.`;
  const open = line.indexOf('{');
  if (open >= 0 && line.indexOf('}', open) < 0) return `${what}: its settings have no closing brace "}".`;
  if (/\[[^\]]*$/.test(line)) return `${what}: its label has no closing bracket "]".`;
  return `${what}: check its settings, written {#id key=value key2="with spaces"}, and that nothing but a label [...] and settings {...} follows the name on the line.`;
}

function placeOfCause(line: string, offset: number): { offset: number; endOffset: number } {
  const curly = CURLY.exec(line);
  if (curly) return { offset: offset + curly.index, endOffset: offset + curly.index + 1 };
  const indent = /^[ \t>]*/.exec(line)?.[0].length ?? 0;
  return { offset: offset + indent, endOffset: offset + line.length };
}
