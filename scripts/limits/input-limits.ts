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
  const inline = new InlineMarks();
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
      inline.end();
      skipUntil = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`);
      continue;
    }
    const marks = inline.line(line, start);
    if (marks !== undefined) {
      report(file, 'input-limit', marks, { offset: inline.start, endOffset: start + line.length });
      return false;
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
  const total = inline.finish();
  if (total !== undefined) {
    report(file, 'input-limit', total.reason, { offset: total.offset, endOffset: total.endOffset });
    return false;
  }
  return true;
}

// Two things make the Markdown parser's time grow with the square of a paragraph's length (measured
// on micromark 4: "*a_ " repeated over 195 KB, or "[ (](" over 391 KB, take minutes):
// - a closing emphasis or strikethrough mark that matches nothing looks back over every opening mark
//   not yet matched in the paragraph;
// - a "](" that starts a link's address and title scans ahead for the ")" that ends them, to the end
//   of the paragraph when there is none;
// and every opening mark costs a fixed amount besides ("~a " repeated over 512 KB takes half a minute).
// InlineCost estimates both per paragraph in one linear pass (matched marks, as in "*a*", cost
// nothing). A paragraph whose estimate is over MAX_WORK (a few seconds of parsing on a busy machine),
// or a page whose paragraphs add up to more, is refused where the costliest paragraph starts.
const MAX_WORK = 3_000_000;
// A scanned character costs about a twentieth of a look-back step, an opening mark about 150 of them.
const SCAN_WEIGHT = 1 / 20;
const OPENER_WEIGHT = 150;
// A line that starts a block of its own (list item, heading, table row, directive, quote): a new paragraph.
const BLOCK_START = /^[ \t>]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|:{2,}|\||$)|\|/;
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;

class InlineMarks {
  start = 0;
  private text = '';
  private total = 0;
  private worst = { cost: 0, offset: 0, endOffset: 0 };

  /** Adds one line to its paragraph; a message when that paragraph alone is too costly. */
  line(line: string, offset: number): string | undefined {
    if (BLOCK_START.test(line)) this.end();
    if (line.trim() === '') return undefined;
    if (this.text === '') this.start = offset;
    this.text += `${line}\n`;
    // Paragraphs are re-estimated as a whole only at their end, or when they grow large.
    if (this.text.length < 16_384 || this.text.length % 16_384 > line.length + 1) return undefined;
    const cost = inlineCost(this.text);
    if (cost <= MAX_WORK) return undefined;
    this.text = '';
    return TOO_COSTLY('This paragraph');
  }

  end(): void {
    if (this.text === '') return;
    const cost = inlineCost(this.text);
    this.total += cost;
    if (cost > this.worst.cost) this.worst = { cost, offset: this.start, endOffset: this.start + this.text.length - 1 };
    this.text = '';
  }

  /** The whole page's verdict, once every line is counted. */
  finish(): { reason: string; offset: number; endOffset: number } | undefined {
    this.end();
    if (this.total <= MAX_WORK) return undefined;
    return { reason: TOO_COSTLY(this.worst.cost > MAX_WORK ? 'This paragraph' : 'This page, of which this is the costliest paragraph,'), offset: this.worst.offset, endOffset: this.worst.endOffset };
  }
}

const TOO_COSTLY = (what: string): string =>
  `${what} has so many emphasis, strikethrough or link marks (* _ ~ [ ]( ) that match nothing that the Markdown parser would need minutes to read it. Split long paragraphs with blank lines, or escape marks that are not formatting with a backslash (\\*, \\[).`;

/** The estimate described above, for one paragraph's text. */
export function inlineCost(text: string): number {
  let cost = 0;
  const open = { '*': 0, _: 0, '~': 0 };
  let unmatched = 0;
  // Where the next ")" is, from each position: filled from the end.
  let nextClose = text.length;
  const closeAfter = new Int32Array(text.length + 1).fill(text.length);
  for (let index = text.length - 1; index >= 0; index -= 1) {
    if (text[index] === ')') nextClose = index;
    closeAfter[index] = nextClose;
  }
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (char === ']' && text[index + 1] === '(') {
      cost += ((closeAfter[index + 1] ?? text.length) - index) * SCAN_WEIGHT;
      continue;
    }
    if (char !== '*' && char !== '_' && char !== '~') continue;
    let end = index;
    while (text[end + 1] === char) end += 1;
    const before = text[index - 1] ?? ' ';
    const after = text[end + 1] ?? ' ';
    const canOpen = !/\s/.test(after) && (!PUNCTUATION_OR_SPACE.test(after) || PUNCTUATION_OR_SPACE.test(before));
    const canClose = !/\s/.test(before) && (!PUNCTUATION_OR_SPACE.test(before) || PUNCTUATION_OR_SPACE.test(after));
    if (canClose && open[char] > 0) {
      open[char] -= 1;
      unmatched -= 1;
      cost += 1;
    } else {
      if (canClose) cost += unmatched;
      if (canOpen) {
        open[char] += 1;
        unmatched += 1;
        // Each opening mark costs the parser a fixed amount too, matched or not (about 0.1 ms).
        cost += OPENER_WEIGHT;
      }
    }
    index = end;
  }
  return cost;
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
