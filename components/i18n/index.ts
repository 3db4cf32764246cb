/**
 * Every interface table, for the build (Node). Browser code never imports this module: the build
 * inlines the course language's table in generated modules (scripts/render/message-modules.ts).
 */
import { ar } from './ar.js';
import { cy } from './cy.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { zhHans } from './zh-Hans.js';
import type { AnyTable, InterfaceLanguage, TableFor } from './messages.js';

export type { AnyTable, InterfaceLanguage, Messages, MessageKey, ShellMessages, ViewMessages } from './messages.js';
export { BUILD_MESSAGES, PLURAL_CATEGORIES, SHELL_MESSAGES } from './messages.js';

/**
 * One complete table per interface language. The type is the completeness check: a table that
 * lacks a message, a placeholder or a plural form of its language does not compile.
 */
export const TABLES: { readonly [L in InterfaceLanguage]: TableFor<L> } = { en, ar, fr, es, de, pt, it, nl, pl, cy, 'zh-Hans': zhHans, ja };

const isInterfaceLanguage = (name: string): name is InterfaceLanguage => Object.hasOwn(TABLES, name);

/**
 * The interface language of a course language (a BCP 47 tag), or undefined when coursemark has
 * none: by primary subtag (`fr-CA` -> `fr`), and for Chinese by script (`zh`, `zh-CN` and `zh-SG`
 * are written in Simplified characters; `zh-TW` and `zh-Hant` are not).
 */
export function interfaceLanguageOf(language: string): InterfaceLanguage | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language).maximize();
  } catch (error: unknown) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const name = locale.language === 'zh' ? `zh-${locale.script ?? ''}` : locale.language;
  return isInterfaceLanguage(name) ? name : undefined;
}

/** The table of a course language: its interface language's, else English's. */
export function tableFor(language: string): AnyTable {
  return TABLES[interfaceLanguageOf(language) ?? 'en'];
}

export { compileMessages } from './compile-messages.js';
export { formatterFor, localeOf, type Formatter } from './formatter.js';
