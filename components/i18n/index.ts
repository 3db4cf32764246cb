import { ar } from './ar.js';
import { en } from './en.js';
import type { Messages } from './messages.js';

export type { Messages } from './messages.js';

/** Every table, by primary subtag. The browser bundle carries only the course's (see `messageTableFor`). */
const TABLES: Readonly<Record<string, Messages>> = { en, ar };

/** The primary language subtag of a BCP 47 tag, lower-cased: `en-GB` -> `en`. */
function primarySubtag(language: string): string {
  return (language.split('-')[0] ?? '').toLowerCase();
}

/** The message table for a course language, by primary subtag; English when there is none. */
export function messagesFor(language: string): Messages {
  return TABLES[messageTableFor(language)] ?? en;
}

/**
 * Name of the table (`en`, `ar`, ...) a course language uses: also the module in this folder that
 * exports it under that name, which the build imports so a package carries one language only.
 */
export function messageTableFor(language: string): string {
  const subtag = primarySubtag(language);
  return Object.hasOwn(TABLES, subtag) ? subtag : 'en';
}

export { formatterFor, type Formatter } from './formatter.js';
