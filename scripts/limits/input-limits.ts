import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';

/**
 * Limits on one page's Markdown. The Markdown parser is fast on ordinary pages but slows down
 * sharply on deeply nested lists (about 45 s for 1,000 levels) and overflows the stack on
 * thousands of nested block quotes, so pages are checked by this linear scan before parsing
 * (B2 in the test plan; CommonMark's pathological tests). docs/authoring.md, "Limits and exit codes".
 */
export interface InputLimits {
  /** Largest page, in UTF-16 code units of the decoded text (about bytes for most languages). */
  readonly maxPageSize: number;
  /** Deepest nesting of block quotes, lists and container directives. */
  readonly maxNesting: number;
}

export const defaultLimits: InputLimits = { maxPageSize: 512 * 1024, maxNesting: 32 };

// One line's block prefix: indentation, block-quote markers and list markers ("> - 1. text").
const PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const OPEN_DIRECTIVE = /^[ \t]*:{3,}[A-Za-z]/;
const CLOSE_DIRECTIVE = /^[ \t]*:{3,}[ \t]*$/;

/** Reports an `input-limit` error and returns false when the page must not be parsed. */
export function withinLimits(file: VFile, limits: InputLimits = defaultLimits): boolean {
  const text = String(file.value);
  if (text.length > limits.maxPageSize) {
    report(file, 'input-limit', `This page is ${Math.ceil(text.length / 1024)} KB, over the limit of ${Math.floor(limits.maxPageSize / 1024)} KB. Split it into several pages (or raise --max-page-kb).`, { line: 1, column: 1 });
    return false;
  }
  let offset = 0;
  let directives = 0;
  // Frontmatter (YAML) and fenced code are not Markdown blocks: their indentation nests nothing.
  const lines = text.split('\n');
  let skipUntil: RegExp | undefined = /^---[ \t]*\r?$/.test(lines[0] ?? '') ? /^---[ \t]*\r?$/ : undefined;
  for (const [index, line] of lines.entries()) {
    const start = offset;
    offset += line.length + 1;
    if (index === 0 && skipUntil) continue;
    if (skipUntil) {
      if (skipUntil.test(line)) skipUntil = undefined;
      continue;
    }
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      skipUntil = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`);
      continue;
    }
    const prefix = PREFIX.exec(line)?.[0] ?? '';
    const markers = (prefix.match(/>|[-*+](?=[ \t]|$)|\d{1,9}[.)]/g) ?? []).length;
    // Indentation before a list marker nests it further: count two columns per level (a tab is four).
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (OPEN_DIRECTIVE.test(line)) directives += 1;
    else if (CLOSE_DIRECTIVE.test(line)) directives = Math.max(0, directives - 1);
    const depth = markers + (markers > 0 ? Math.floor(indent / 2) : 0) + directives;
    if (depth > limits.maxNesting) {
      report(file, 'input-limit', `Blocks are nested ${depth} levels deep here, over the limit of ${limits.maxNesting}. Flatten the lists, quotes or directives (or raise --max-nesting).`, { offset: start });
      return false;
    }
  }
  return true;
}

/** Limits from the CLI's --max-page-kb and --max-nesting; a message when a value is not a positive whole number. */
export function limitsFromOptions(pageKb: string | undefined, nesting: string | undefined): InputLimits | string {
  const parse = (value: string | undefined, fallback: number, name: string): number | string => {
    if (value === undefined) return fallback;
    return /^[1-9]\d{0,6}$/.test(value) ? Number(value) : `${name} must be a whole number of 1 or more, not "${value}".`;
  };
  const kb = parse(pageKb, defaultLimits.maxPageSize / 1024, '--max-page-kb');
  const depth = parse(nesting, defaultLimits.maxNesting, '--max-nesting');
  if (typeof kb === 'string') return kb;
  if (typeof depth === 'string') return depth;
  return { maxPageSize: kb * 1024, maxNesting: depth };
}
