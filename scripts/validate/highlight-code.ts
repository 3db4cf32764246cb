/**
 * Code blocks with a language (```` ```python ````) are highlighted during the build (lowlight, the
 * highlight.js grammars of its `common` set): the page gets spans with `hljs-*` classes, coloured by
 * the player's theme (components/styles/prose.ts) with AA contrast in light and dark mode, and no
 * script. A block whose language is unknown, or has none, stays plain text. The highlighter is
 * loaded before analysis when a course has code fences (formula-and-code-renderers.ts).
 */
import type { ElementContent } from 'hast';
import type { Code } from 'mdast';
import { codeHighlighter as highlighter } from './formula-and-code-renderers.js';

// Past this size highlighting costs more than it gives (highlight.js grammars backtrack on odd input).
const MAX_HIGHLIGHTED = 100_000;

/** Puts the highlighted tokens into `node.data` for the render stage; returns whether it did. */
export function highlightCode(node: Code): boolean {
  const language = node.lang?.toLowerCase();
  if (language === undefined || node.value.length > MAX_HIGHLIGHTED || !highlighter().registered(language)) return false;
  const tree = highlighter().highlight(language, node.value);
  const tokens = tree.children.filter((child): child is ElementContent => child.type === 'element' || child.type === 'text');
  // mdast-util-to-hast ends a code block's text with a line break (as CommonMark's HTML does); keep it.
  node.data = { ...node.data, hChildren: [...tokens, { type: 'text', value: '\n' }] };
  return true;
}

/** The language names and aliases that are highlighted (for the author's guide and tests). */
export function highlightedLanguages(): string[] {
  return highlighter().listLanguages();
}
