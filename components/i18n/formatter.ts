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
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const formatter: Formatter = { number: (value) => num.format(value), percent: (share) => pct.format(share) };
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
