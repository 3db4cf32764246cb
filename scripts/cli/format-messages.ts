import { join, relative } from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { printable, printableJson } from '../diagnostics/printable.js';

/** One problem as `check --format json` prints it. Lines and columns are 1-based. */
export interface JsonMessage {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning';
  readonly ruleId: string;
  readonly message: string;
}

interface Located {
  readonly file: VFile;
  readonly message: VFileMessage;
  readonly path: string;
}

/** Messages of all files, in file order then position order, with display paths relative to `cwd`. */
function collect(files: readonly VFile[], cwd: string): Located[] {
  return files.flatMap((file) => {
    const path = relative(cwd, join(file.cwd, file.path)) || file.path;
    return [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => ({ file, message, path: path.split('\\').join('/') }));
  });
}

export function toJsonMessages(files: readonly VFile[], cwd: string): JsonMessage[] {
  return collect(files, cwd).map(({ message, path }) => {
    const line = message.line ?? 1;
    const column = message.column ?? 1;
    return {
      file: path,
      line,
      column,
      endLine: message.place && 'end' in message.place ? message.place.end.line : line,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : column,
      severity: message.fatal === true ? 'error' : 'warning',
      ruleId: message.ruleId ?? 'unknown',
      message: message.reason,
    };
  });
}

export interface TextStyle {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const plainStyle: TextStyle = { error: (t) => t, warning: (t) => t, dim: (t) => t };

/** `check --format json`'s text: the messages as JSON, with no character a terminal would act on. */
export const jsonText = (files: readonly VFile[], cwd: string): string => printableJson(`${JSON.stringify(toJsonMessages(files, cwd), null, 2)}\n`);

/**
 * The text report: `path:line:column  severity  message  rule-id`, a code frame under each
 * message, and a closing count. Returns '' when there is nothing to say. File names, messages
 * (which quote addresses and text from the course) and source lines are printed with control
 * characters escaped, so a course cannot write to the terminal (diagnostics/printable.ts).
 */
export function formatText(files: readonly VFile[], cwd: string, style: TextStyle = plainStyle): string {
  const located = collect(files, cwd);
  if (located.length === 0) return '';
  const blocks = located.map(({ file, message, path }) => {
    const severity = message.fatal === true ? style.error('error') : style.warning('warning');
    const head = `${printable(path)}:${message.line ?? 1}:${message.column ?? 1}  ${severity}  ${printable(message.reason)}  ${style.dim(printable(message.ruleId ?? ''))}`;
    const frame = codeFrame(String(file.value ?? ''), message);
    return frame ? `${head}\n${style.dim(frame)}` : head;
  });
  const errors = located.filter(({ message }) => message.fatal === true).length;
  const warnings = located.length - errors;
  const fileCount = new Set(located.map(({ path }) => path)).size;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
  return `${blocks.join('\n\n')}\n\n${errors > 0 ? style.error(summary) : style.warning(summary)}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The lines around a message with a caret under its columns, as compilers print them. */
export function codeFrame(text: string, message: VFileMessage): string {
  if (!message.line || text === '') return '';
  const lines = text.split(/\r?\n/);
  const line = message.line;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const content = (lines[number - 1] ?? '').replace(/\t/g, ' ');
    const cut = content.length > 160 ? `${content.slice(0, 157)}...` : content;
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${printable(cut)}`);
    if (number === line) {
      const column = message.column ?? 1;
      const end = message.place && 'end' in message.place && message.place.end.line === line ? message.place.end.column : column + 1;
      // Columns count characters of the source; an escaped character takes more room on screen.
      const from = printable(cut.slice(0, Math.max(0, column - 1))).length;
      const to = printable(cut.slice(0, Math.max(column, Math.min(end, cut.length + 1)) - 1)).length;
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(from)}${'^'.repeat(Math.max(1, to - from))}`);
    }
  }
  return out.join('\n');
}
