/**
 * Turns a message table (data) into the strings and functions the player calls. Runs in the
 * browser, on the course language's table only (the build inlines it in a generated module).
 */
import { formatterFor, localeOf } from './formatter.js';
import type { AnyTable, MessageValue, PluralForms, ShellMessages } from './messages.js';

type Arguments = Readonly<Record<string, string | number>>;
type Compiled = string | ((args: Arguments) => string) | Readonly<Record<string, string>>;

/**
 * `{name}` placeholders are filled from the arguments (numbers written as the course language
 * writes them); plural forms are chosen by `Intl.PluralRules` on the `count` argument, `other`
 * when the table has no form for the category (a region's rules can differ from its language's).
 */
export function compileMessages<T>(table: AnyTable, language: string): T {
  const rules = new Intl.PluralRules(localeOf(language));
  const numbers = formatterFor(language);
  const fill = (text: string, args: Arguments): string =>
    text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = args[name];
      return value === undefined ? placeholder : typeof value === 'number' ? numbers.number(value) : value;
    });
  const compile = (value: MessageValue): Compiled => {
    if (typeof value === 'string') return value.includes('{') ? (args) => fill(value, args) : value;
    if (typeof value.other === 'string') {
      const forms = value as PluralForms;
      return (args) => fill(forms[rules.select(Number(args.count))] ?? forms.other, args);
    }
    return value;
  };
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [key, compile(value)])) as T;
}

/**
 * `progressComplete` at 100 % (the shell's `progressFull`): written by the build into the shell's
 * strings, so that the header reserves the figure's width at the first paint without formatting
 * a number in the browser first.
 */
export function progressFullOf(table: AnyTable, language: string): string {
  return compileMessages<ShellMessages>(table, language).progressComplete({ percent: formatterFor(language).percent(1) });
}
