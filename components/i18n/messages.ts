/**
 * The player's interface strings, as data. A language is one file in this folder exporting one
 * table: a text per message, with `{name}` placeholders where the player puts a value, and plural
 * forms (by CLDR plural category, chosen with `Intl.PluralRules` on `{count}`) where a number
 * changes the words. Author text never goes through these tables, only the player's own interface.
 *
 * English (en.ts) is the reference: its keys and placeholders are what every other table must
 * have, which `MessageTable` checks at compile time. The build turns the course language's table
 * (with course.yaml's `strings:` applied) into two generated modules, `virtual:coursemark/messages`
 * (what the shell paints with, `SHELL_MESSAGES`) and `virtual:coursemark/view-messages` (the rest,
 * loaded with the first page or view), so a package carries one language and the first paint only
 * the strings it shows.
 */
import type { LaunchProblem } from '../tracker.js';
import type { en } from './en.js';

export type PluralCategory = Intl.LDMLPluralRule;

/** A message whose words depend on a number: one text per plural category, `other` always. */
export type PluralForms = { readonly other: string } & { readonly [C in PluralCategory]?: string };

/** What a table holds for one message: a text, plural forms, or a group of texts by name. */
export type MessageValue = string | PluralForms | { readonly [name: string]: string };

/** Any table, as the build and the runtime see it. */
export type AnyTable = { readonly [key: string]: MessageValue };

/** What the English table, the reference, is checked against: its groups keyed as their types say. */
export type ReferenceTable = AnyTable & { readonly launchProblem: Readonly<Record<LaunchProblem, string>> };

type Reference = typeof en;

/** The name of every message. */
export type MessageKey = keyof Reference;

/**
 * Messages the launch page and the build use (index.html's noscript text, the footnotes heading, the
 * Common Cartridge's static pages):
 * never sent to the browser as messages.
 */
export const BUILD_MESSAGES = ['footnotes', 'noScript', 'cartridgeQuiz', 'cartridgeInQuiz', 'cartridgeShowAnswer', 'cartridgeNotCollected'] as const satisfies readonly MessageKey[];

/**
 * Messages the shell paints with before the first page has loaded: in the entry's chunk. The table
 * of contents, the notices about the session and the view after Exit come later, with the other
 * strings (they only show once their chunk or the session is there).
 */
export const SHELL_MESSAGES = [
  'skipToContent',
  'helpAndSupport',
  'courseProgress',
  'progressComplete',
  'pageNavigation',
  'previous',
  'next',
  'seeResults',
  'loading',
  'loadFailed',
  'retry',
] as const satisfies readonly MessageKey[];

export type ShellKey = (typeof SHELL_MESSAGES)[number];
type RuntimeKey = Exclude<MessageKey, (typeof BUILD_MESSAGES)[number]>;

/** The placeholders (`{name}`) of a text, as a union of names. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The placeholders of a message: of its text, or of any of its plural forms. */
type PlaceholdersOf<V> = V extends string ? Placeholders<V> : V extends PluralForms ? Placeholders<V[keyof V]> : never;

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** A text that contains every one of the placeholders `P`, in any order (plain `string` when none). */
type Containing<P extends string> = [P] extends [never] ? string : Intersection<P extends string ? `${string}{${P}}${string}` : never>;

/**
 * A complete table for a language whose plural categories are `C`: every message of the English
 * table, each text with all of that message's placeholders, each plural message with a form for
 * every category (a form may leave `{count}` out: Arabic says "two minutes" in one word).
 */
export type MessageTable<C extends PluralCategory> = {
  readonly [K in MessageKey]: Reference[K] extends string
    ? Containing<Placeholders<Reference[K]>>
    : Reference[K] extends PluralForms
      ? { readonly [F in C | 'other']: Containing<Exclude<PlaceholdersOf<Reference[K]>, 'count'>> }
      : { readonly [G in keyof Reference[K]]: string };
};

/**
 * The plural categories CLDR gives each interface language, which its plural messages must all
 * have (a test compares this list with `Intl.PluralRules`).
 */
export const PLURAL_CATEGORIES = {
  en: ['one', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
  fr: ['one', 'many', 'other'],
  es: ['one', 'many', 'other'],
  de: ['one', 'other'],
  pt: ['one', 'many', 'other'],
  it: ['one', 'many', 'other'],
  nl: ['one', 'other'],
  pl: ['one', 'few', 'many', 'other'],
  cy: ['zero', 'one', 'two', 'few', 'many', 'other'],
  'zh-Hans': ['other'],
  ja: ['other'],
} as const satisfies Readonly<Record<string, readonly PluralCategory[]>>;

/** The interface languages coursemark ships, by the name of their file in this folder. */
export type InterfaceLanguage = keyof typeof PLURAL_CATEGORIES;

/** The table type of one interface language: `export const fr = { ... } satisfies TableFor<'fr'>;`. */
export type TableFor<L extends InterfaceLanguage> = MessageTable<(typeof PLURAL_CATEGORIES)[L][number]>;

/** Arguments of a message: its placeholders; `count` (plural forms) is a number. */
type Arguments<V> = { readonly [P in PlaceholdersOf<V>]: P extends 'count' ? number : string | number };

/** A message as the player calls it: a text, or a function of its placeholders' values. */
type Compiled<V> = V extends string
  ? [Placeholders<V>] extends [never]
    ? string
    : (args: Arguments<V>) => string
  : V extends PluralForms
    ? (args: Arguments<V>) => string
    : { readonly [G in keyof V]: string };

/**
 * Every string the player shows, ready to use (see compile-messages.ts): numbers passed as
 * arguments are formatted with `Intl.NumberFormat` in the course language.
 */
export type Messages = { readonly [K in RuntimeKey]: Compiled<Reference[K]> };

/** The strings the shell paints with (`virtual:coursemark/messages`). */
export type ShellMessages = Pick<Messages, ShellKey> & {
  /**
   * `progressComplete` at 100 %, written by the build: the header reserves the width of the
   * progress figure with it at the first paint, before any number is formatted (formatter.ts).
   */
  readonly progressFull: string;
};

/** The rest (`virtual:coursemark/view-messages`), for pages and views. */
export type ViewMessages = Omit<Messages, ShellKey>;
