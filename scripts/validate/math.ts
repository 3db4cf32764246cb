/**
 * Maths written in TeX (`$...$` inline, `$$...$$` on lines of their own, remark-math) becomes
 * MathML during the build (Temml): the browser draws it natively, screen readers read it, and no
 * script runs on the page. A formula Temml cannot read is a `math-syntax` error placed at the
 * problem inside the formula. Temml is loaded before analysis when a course has a `$`
 * (formula-and-code-renderers.ts).
 */
import type { ElementContent, Properties } from 'hast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { mathRenderer } from './formula-and-code-renderers.js';

// Expansion and size caps keep a hostile formula (macros that expand forever) from stalling the build.
const OPTIONS = { throwOnError: true, annotate: true, trust: false, strict: false, maxExpand: 1000, maxSize: [-100, 100] as [number, number] };

/**
 * Renders one formula into `node.data` (the render stage then draws its MathML), or reports why it
 * cannot. Returns false when the node is not maths after all (`$5 and $10`): the caller keeps its text.
 */
export function renderMath(node: Math | InlineMath, file: VFile): boolean {
  const source = sourceOf(node, file);
  if (node.type === 'inlineMath' && looksLikeMoney(source, node.value, file, node)) return false;
  const display = node.type === 'math';
  let tree: unknown;
  try {
    tree = mathRenderer().__renderToMathMLTree(node.value, { ...OPTIONS, displayMode: display });
  } catch (error) {
    const { reason, at } = describe(error);
    const offset = at === undefined ? undefined : valueOffset(node, source, at);
    report(file, 'math-syntax', `This formula cannot be read: ${reason.trim()}. Check the TeX between the dollar signs; to show a dollar sign as text, write \\$.`, offset === undefined ? node.position : { offset });
    node.data = { ...node.data, hName: display ? 'div' : 'span', hProperties: { className: ['math-error'] }, hChildren: [{ type: 'text', value: node.value }] };
    return true;
  }
  const math = toHast(tree);
  node.data = { ...node.data, hName: display ? 'div' : 'span', hProperties: { className: [display ? 'math-display' : 'math-inline'] }, hChildren: math };
  return true;
}

function sourceOf(node: Math | InlineMath, file: VFile): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : String(file.value).slice(start, end);
}

/**
 * `$5 and $10`: as Pandoc does, a single-dollar formula must not start or end with a space nor be
 * followed by a digit; such text stays prose.
 */
function looksLikeMoney(source: string, value: string, file: VFile, node: InlineMath): boolean {
  if (source.startsWith('$$')) return false;
  const after = String(file.value).charAt(node.position?.end.offset ?? 0);
  return /^\s|\s$/.test(value) || /\d/.test(after);
}

/** File offset of position `at` of the formula's TeX, when the TeX sits in the source as written. */
function valueOffset(node: Math | InlineMath, source: string, at: number): number | undefined {
  const start = node.position?.start.offset;
  const index = source.indexOf(node.value);
  return start === undefined || index < 0 ? undefined : start + index + Math.min(at, node.value.length);
}

function describe(error: unknown): { reason: string; at: number | undefined } {
  // Temml's own mistakes on broken input (a TypeError on "x^") say nothing to an author.
  if (error instanceof Error && error.name === 'ParseError') {
    const position = (error as Error & { position?: unknown }).position;
    const reason = error.message.replace(/^Temml parse error:\s*/i, '').replace(/\s+at (position \d+|end of input).*$/s, '');
    return { reason: reason.replace(/\.$/, ''), at: typeof position === 'number' ? position : undefined };
  }
  return { reason: 'it is incomplete or malformed (a brace, an argument or an \\end missing?)', at: undefined };
}

interface MathNode {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly attributes?: unknown;
  readonly children?: unknown;
}

/**
 * Temml's MathML tree as hast. Its classes and inline styles are left out: the page's CSP forbids
 * inline styles, and the browser's MathML defaults draw `display="block"` as a block.
 */
function toHast(value: unknown): ElementContent[] {
  if (typeof value !== 'object' || value === null) return [];
  const node = value as MathNode;
  if (typeof node.text === 'string') return [{ type: 'text', value: node.text }];
  const children = Array.isArray(node.children) ? node.children.flatMap(toHast) : [];
  // A fragment (no tag) stands for its children.
  if (typeof node.type !== 'string') return children;
  const properties: Properties = {};
  for (const [name, attribute] of Object.entries(typeof node.attributes === 'object' && node.attributes !== null ? node.attributes : {})) {
    if (name !== 'style' && name !== 'class' && /^[a-z][a-z-]*$/.test(name) && typeof attribute === 'string') properties[name] = attribute;
  }
  return [{ type: 'element', tagName: node.type, properties, children }];
}
