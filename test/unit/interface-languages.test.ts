import { describe, expect, test } from 'vitest';
import { compileMessages, interfaceLanguageOf, PLURAL_CATEGORIES, TABLES, type InterfaceLanguage, type Messages } from '../../components/i18n/index.js';
import { en } from '../../components/i18n/en.js';
import type { MessageValue } from '../../components/i18n/messages.js';
import { interfaceTable } from '../../scripts/render/message-modules.js';

const LANGUAGES = Object.keys(TABLES) as InterfaceLanguage[];
const REFERENCE: Readonly<Record<string, MessageValue>> = en;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
/** Every placeholder a message has in English, by name. */
const argumentNames = (value: MessageValue): string[] =>
  typeof value === 'string' ? placeholders(value) : [...new Set(Object.values(value).flatMap((text) => placeholders(text)))];

/** Numbers that reach every plural category of the twelve languages (Welsh 0, 1, 2, 3, 6; Arabic 11, 100; Polish 22, 25). */
const COUNTS = [0, 1, 2, 3, 5, 6, 11, 22, 25, 100, 101, 1000000, 1.5];

test('twelve interface languages are shipped', () => {
  expect(LANGUAGES.sort()).toEqual(['ar', 'cy', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'zh-Hans']);
});

describe.each(LANGUAGES)('%s', (language) => {
  const table: Readonly<Record<string, MessageValue>> = TABLES[language];

  test('its plural categories are the ones CLDR gives the language (Intl.PluralRules)', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    expect([...PLURAL_CATEGORIES[language]].sort()).toEqual([...categories].sort());
  });

  test('it has every message of the English table, and nothing else', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(REFERENCE).sort());
    for (const [key, value] of Object.entries(REFERENCE)) {
      const own = table[key];
      if (typeof value === 'string') expect(typeof own, key).toBe('string');
      else if (typeof value.other === 'string') expect(Object.keys(own ?? {}).sort(), key).toEqual([...PLURAL_CATEGORIES[language]].sort());
      else expect(Object.keys(own ?? {}).sort(), key).toEqual(Object.keys(value).sort());
    }
  });

  test('every message formats, with every number a plural form can get, leaving no placeholder', () => {
    const messages = compileMessages<Messages>(TABLES[language], language);
    const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    let formatted = 0;
    for (const [key, compiled] of Object.entries(messages) as [string, unknown][]) {
      const reference = REFERENCE[key];
      if (reference === undefined) throw new Error(`${key} is not in the English table`);
      if (typeof compiled === 'string') {
        expect(compiled.trim(), key).not.toBe('');
        expect(compiled, key).not.toMatch(/\{\w+\}/);
        formatted += 1;
      } else if (typeof compiled === 'function') {
        const names = argumentNames(reference);
        for (const count of COUNTS) {
          const args = Object.fromEntries(names.map((name) => [name, name === 'count' ? count : `«${name}»`]));
          const text = (compiled as (args: Readonly<Record<string, string | number>>) => string)(args);
          expect(text.trim(), `${key} (${count})`).not.toBe('');
          expect(text, `${key} (${count})`).not.toMatch(/\{\w+\}/);
          // Every value the player passes appears, except a count a form may say in words (Arabic "دقيقتان").
          for (const name of names.filter((name) => name !== 'count')) expect(text, `${key} ${name}`).toContain(`«${name}»`);
          if (names.includes('count') && (count === 1000000 || count === 1.5)) expect(text, `${key} (${count})`).toContain(numbers.format(count));
          formatted += 1;
        }
      } else {
        for (const [name, text] of Object.entries(compiled as Record<string, string>)) expect(text.trim(), `${key}.${name}`).not.toBe('');
        formatted += 1;
      }
    }
    expect(formatted).toBeGreaterThan(Object.keys(REFERENCE).length);
  });
});

test.each(LANGUAGES.filter((language) => language !== 'en'))('%s is a translation: its texts are not the English ones', (language) => {
  const table: Readonly<Record<string, MessageValue>> = TABLES[language];
  const texts = (value: MessageValue | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : Object.values(value));
  const keys = Object.keys(REFERENCE);
  const same = keys.filter((key) => texts(table[key]).some((text) => texts(REFERENCE[key]).includes(text)));
  // A word or two may be the same in both languages ("Question" in French, "Glossary" never).
  expect(same.length, same.join(', ')).toBeLessThanOrEqual(3);
});

test('a course language finds its interface language by language, and Chinese by script', () => {
  expect(interfaceLanguageOf('fr-CA')).toBe('fr');
  expect(interfaceLanguageOf('pt-BR')).toBe('pt');
  expect(interfaceLanguageOf('cy-GB')).toBe('cy');
  expect(interfaceLanguageOf('zh')).toBe('zh-Hans');
  expect(interfaceLanguageOf('zh-CN')).toBe('zh-Hans');
  expect(interfaceLanguageOf('zh-TW')).toBeUndefined();
  expect(interfaceLanguageOf('sv')).toBeUndefined();
  expect(interfaceLanguageOf('not a tag')).toBeUndefined();
});

test('strings: replace the messages they name, a group keeping the texts it is not given', () => {
  const table = interfaceTable('fr', { next: 'Continuer', coverPages: { one: '{count} courte page', other: '{count} courtes pages' }, launchProblem: { 'lrs-unavailable': 'Hors ligne.' } });
  const messages = compileMessages<Messages>(table, 'fr');
  expect(messages.next).toBe('Continuer');
  expect(messages.previous).toBe('Précédent');
  expect(messages.coverPages({ count: 1 })).toBe('1 courte page');
  // French's "many" (1 000 000) falls back to "other" when the course gives no such form.
  expect(messages.coverPages({ count: 1000000 })).toBe(`${new Intl.NumberFormat('fr').format(1000000)} courtes pages`);
  expect(messages.launchProblem['lrs-unavailable']).toBe('Hors ligne.');
  expect(messages.launchProblem['relaunch-required']).toBe(TABLES.fr.launchProblem['relaunch-required']);
});

test('a language without a table gets the English one', () => {
  expect(interfaceTable('sv').next).toBe('Next');
});
