/**
 * Number and percentage formatting in the course language, so each course shows the digits,
 * separators and percent sign placement its readers expect (CLDR through `Intl`).
 */
export interface Formatter {
  number(value: number): string;
  percent(share: number): string;
}

const FORMATTERS = new Map<string, Formatter>();

export function formatterFor(language: string): Formatter {
  const cached = FORMATTERS.get(language);
  if (cached !== undefined) return cached;
  const locale = localeOf(language);
  // Made when first used: a page's first Intl.NumberFormat loads the number data of the browser's
  // ICU, 20-40 ms of the main thread on a slow machine, which must not come before the first view.
  let num: Intl.NumberFormat | undefined;
  let pct: Intl.NumberFormat | undefined;
  const formatter: Formatter = {
    number: (value) => (num ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value),
    percent: (share) => (pct ??= new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share),
  };
  FORMATTERS.set(language, formatter);
  return formatter;
}

/** The canonical form of a language tag, for `Intl`; English for a tag `Intl` refuses. */
export function localeOf(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch (error: unknown) {
    // An invalid tag would make every Intl constructor throw; the build validates the tag, so
    // this only protects hand-written course modules.
    if (error instanceof RangeError) return 'en';
    throw error;
  }
}
