import { BUILD_MESSAGES, SHELL_MESSAGES, tableFor, type AnyTable } from '../../components/i18n/index.js';
import { progressFullOf } from '../../components/i18n/compile-messages.js';
import type { MessageValue } from '../../components/i18n/messages.js';

/** course.yaml's `strings:`, checked (validate/interface-strings.ts): messages replaced for one course. */
export type StringOverrides = Readonly<Record<string, MessageValue>>;

/**
 * The interface table of a course: its language's (English when coursemark has none), with the
 * course's own `strings:` in place of the messages they name. A group (`launchProblem`) takes the
 * texts it is given and keeps the others.
 */
export function interfaceTable(language: string, overrides: StringOverrides = {}): AnyTable {
  const table: Record<string, MessageValue> = { ...tableFor(language) };
  for (const [key, value] of Object.entries(overrides)) {
    const current = table[key];
    const group = typeof current === 'object' && typeof value === 'object' && !('other' in current);
    table[key] = group ? { ...current, ...value } : value;
  }
  return table;
}

/** A build-time message of a table (index.html's noscript text, the footnotes heading). */
export function buildMessage(table: AnyTable, key: (typeof BUILD_MESSAGES)[number]): string {
  const value = table[key];
  return typeof value === 'string' ? value : '';
}

/**
 * Sources of `virtual:coursemark/messages` (the shell's strings, in the entry's chunk) and
 * `virtual:coursemark/view-messages` (the rest, loaded with the first page or view). Each inlines
 * its part of the table as JSON and compiles it in the browser (i18n/compile-messages.ts), so a
 * package carries the course language's strings only.
 */
export function messageModules(table: AnyTable, language: string, componentsImport: string): { readonly shell: string; readonly views: string } {
  const shellKeys = new Set<string>(SHELL_MESSAGES);
  const buildKeys = new Set<string>(BUILD_MESSAGES);
  const pick = (keep: (key: string) => boolean): AnyTable => Object.fromEntries(Object.entries(table).filter(([key]) => keep(key)));
  const module = (part: AnyTable): string =>
    [
      `import { compileMessages } from ${JSON.stringify(`${componentsImport}/i18n/compile-messages.js`)};`,
      `export const messages = compileMessages(${JSON.stringify(part)}, ${JSON.stringify(language)});`,
      '',
    ].join('\n');
  const shell = pick((key) => shellKeys.has(key));
  return {
    shell: module({ ...shell, progressFull: progressFullOf(shell, language) }),
    views: module(pick((key) => !shellKeys.has(key) && !buildKeys.has(key))),
  };
}
