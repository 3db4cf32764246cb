/**
 * Number and percentage formatting in the course language, so Arabic courses show Arabic-Indic
 * digits and the right percent sign placement.
 */
export interface Formatter {
  number(value: number): string;
  percent(share: number): string;
}

const FORMATTERS = new Map<string, Formatter>();

export function formatterFor(language: string): Formatter {
  const cached = FORMATTERS.get(language);
  if (cached !== undefined) return cached;
  const formatter = createFormatter(safeLocale(language));
  FORMATTERS.set(language, formatter);
  return formatter;
}

function createFormatter(locale: string): Formatter {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return { number: (value) => num.format(value), percent: (share) => pct.format(share) };
}

function safeLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch (error: unknown) {
    // An invalid tag would make every Intl constructor throw; the build validates the tag, so
    // this only protects hand-written course modules.
    if (error instanceof RangeError) return 'en';
    throw error;
  }
}
