import type { Plugin } from 'vite';

/** A Lit `css` tagged template without interpolations: the tag, then everything up to the closing backtick. */
const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

/**
 * Collapses the white space and comments of the player's `css` tagged templates. The JavaScript
 * minifier leaves template literal contents alone, and the shell's styles are a good part of the
 * entry chunk. Only changes that cannot alter CSS: comments go, white space runs become one space,
 * white space next to `{`, `}`, `;`, `,` and `>` (the child combinator; no value uses `>`) or after
 * `:` goes, and so does the `;` before a `}`. Quoted strings are kept as written; literals with
 * `${...}` or escapes are not touched at all.
 */
export function minifyCssLiterals(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("[^"]*"|'[^']*')/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}')))
    .join('')
    .trim();
}

/** Applies `minifyCssLiterals` to the `css` templates of modules under `folder` (components/). */
export function cssLiteralsPlugin(folder: string): Plugin {
  return {
    name: 'coursemark:css-literals',
    transform(code, id) {
      if (!id.startsWith(folder) || !code.includes('css`')) return undefined;
      return { code: code.replace(CSS_LITERAL, (_match, body: string) => `css\`${minifyCssLiterals(body)}\``), map: null };
    },
  };
}
