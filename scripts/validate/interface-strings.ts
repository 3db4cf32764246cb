import type { VFile } from 'vfile';
import { z } from 'zod';
import { en } from '../../components/i18n/en.js';
import { interfaceLanguageOf, TABLES } from '../../components/i18n/index.js';
import type { MessageValue, PluralCategory } from '../../components/i18n/messages.js';
import { report } from '../diagnostics/report.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { yamlRange, type YamlSource } from '../parse/yaml-source.js';
import type { StringOverrides } from '../render/message-modules.js';

/** course.yaml `strings:`: the player's messages this course words its own way (checked by `checkStrings`). */
export const stringsSchema = z
  .record(z.string(), z.union([z.string(), z.record(z.string(), z.string({ error: 'must be text' }))], { error: 'must be text, or texts by plural category (one, other...)' }), {
    error: 'must map message names to texts, such as "next: Continue"',
  })
  .default({});

const CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const REFERENCE: Readonly<Record<string, MessageValue>> = en;

const placeholdersOf = (text: string): Set<string> => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''));
const listed = (names: Iterable<string>): string => [...names].map((name) => `{${name}}`).join(', ');

/**
 * Checks `strings:` against the English table, the reference: each name must be a message, each
 * text must keep the message's placeholders (a plural form may leave `{count}` out) and use no
 * others, plural forms are named by CLDR category with `other` among them, a group (launchProblem)
 * names its own texts. Returns the overrides that can be used, a single text for a plural message
 * standing for every number.
 */
export function checkStrings(file: VFile, source: YamlSource, strings: Readonly<Record<string, string | Readonly<Record<string, string>>>>): StringOverrides {
  const overrides: Record<string, MessageValue> = {};
  const problem = (path: readonly PropertyKey[], reason: string): void => report(file, 'config-invalid', reason, yamlRange(source, ['strings', ...path]));
  for (const [key, value] of Object.entries(strings)) {
    const reference = REFERENCE[key];
    if (reference === undefined) {
      const suggestion = didYouMean(key, Object.keys(REFERENCE));
      report(file, 'config-invalid', `"strings.${key}" is not a message of the player.${suggestion || ' The messages and their English texts are listed in components/i18n/en.ts of the coursemark package.'}`, yamlRange(source, ['strings', key], { key: true }));
      continue;
    }
    const wanted = typeof reference === 'string' ? placeholdersOf(reference) : new Set(Object.values(reference).flatMap((text) => [...placeholdersOf(text)]));
    const textProblem = (text: string, optional: ReadonlySet<string>): string | undefined => {
      const used = placeholdersOf(text);
      const unknown = [...used].filter((name) => !wanted.has(name));
      if (unknown.length > 0) return `uses ${listed(unknown)}, which this message does not have${wanted.size > 0 ? ` (it has ${listed(wanted)})` : ''}`;
      const missing = [...wanted].filter((name) => !used.has(name) && !optional.has(name));
      if (missing.length > 0) return `must keep ${listed(missing)}, where the player puts the value (the English text is "${typeof reference === 'string' ? reference : (reference.other ?? '')}")`;
      return undefined;
    };
    if (typeof reference === 'string') {
      if (typeof value !== 'string') problem([key], `"strings.${key}" must be one text, such as "${reference}".`);
      else {
        const wrong = textProblem(value, new Set());
        if (wrong === undefined) overrides[key] = value;
        else problem([key], `"strings.${key}" ${wrong}.`);
      }
      continue;
    }
    if (typeof reference.other === 'string') {
      const forms: Readonly<Record<string, string>> = typeof value === 'string' ? { other: value } : value;
      let usable = forms.other !== undefined;
      if (!usable) problem([key], `"strings.${key}" needs "other", the form for any number a more precise form does not cover (or give one text for every number).`);
      for (const [category, text] of Object.entries(forms)) {
        const wrong = CATEGORIES.includes(category as PluralCategory) ? textProblem(text, new Set(['count'])) : `is not a plural category (${CATEGORIES.join(', ')})`;
        if (wrong === undefined) continue;
        usable = false;
        problem(typeof value === 'string' ? [key] : [key, category], `"strings.${key}${typeof value === 'string' ? '' : `.${category}`}" ${wrong}.`);
      }
      if (usable) overrides[key] = forms as MessageValue;
      continue;
    }
    const names = Object.keys(reference);
    if (typeof value === 'string') {
      problem([key], `"strings.${key}" holds one text for each of ${names.join(', ')}: write them under it.`);
      continue;
    }
    const group: Record<string, string> = {};
    for (const [name, text] of Object.entries(value)) {
      if (names.includes(name)) group[name] = text;
      else report(file, 'config-invalid', `"strings.${key}.${name}" is not one of its texts (${names.join(', ')}).${didYouMean(name, names)}`, yamlRange(source, ['strings', key, name], { key: true }));
    }
    overrides[key] = group;
  }
  return overrides;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A warning when the player cannot speak the course language: no `language` at all (the course is
 * marked English), a tag no language has (`english`), or a language coursemark has no table for. Its
 * interface is then in English, unless `strings:` words every message.
 */
export function checkInterfaceLanguage(file: VFile, source: YamlSource, language: string | undefined, overrides: StringOverrides): void {
  if (language === undefined) {
    report(file, 'interface-language', 'course.yaml gives no language, so the course is marked as English (en) for browsers, screen readers and the LMS, and the player speaks English. Add "language:" with the language of your pages, such as "language: fr".', { line: 1, column: 1 });
    return;
  }
  if (interfaceLanguageOf(language) !== undefined) return;
  const missing = Object.keys(REFERENCE).filter((key) => !Object.hasOwn(overrides, key));
  if (missing.length === 0) return;
  const name = languageNames.of(language);
  const shipped = Object.keys(TABLES).map((tag) => `${languageNames.of(tag) ?? tag} (${tag})`);
  const where = yamlRange(source, ['language']);
  if (name === undefined) {
    const tags = new Map(Object.keys(TABLES).map((tag) => [languageNames.of(tag) ?? tag, tag]));
    const suggestion = didYouMean(language, tags.keys(), (known) => `"${tags.get(known) ?? known}" (${known})`);
    report(file, 'interface-language', `"${language}" is not a language that browsers and screen readers know, so they cannot read the pages in it, and the player speaks English.${suggestion} Use a BCP 47 tag such as en, fr or pt-BR.`, where);
    return;
  }
  report(
    file,
    'interface-language',
    `The player has no interface strings in ${name} (${language}): its buttons and messages will be in English, while the pages are marked as ${name}. Translate the ${missing.length} messages under "strings:" in course.yaml, or contribute a table (see "Interface languages" in the authoring guide). coursemark speaks ${shipped.join(', ')}.`,
    where,
  );
}
