/**
 * Derives readable colours from the author's brand colours. The colours themselves are used as
 * given wherever they carry no text (brand bars, button fills, the cover's band); text, links,
 * focus rings and selected controls must meet WCAG 2.2 SC 1.4.3 (4.5:1) and SC 1.4.11 (3:1), so
 * they use the brand colour darkened (light scheme) or lightened (dark scheme) just enough, and
 * text on a brand fill is black or white, whichever contrasts more. The build computes the
 * palette (the shell never loads this module) and `check` says where a shade differs.
 */

type Rgb = readonly [number, number, number];

/**
 * The darkest light-scheme surface and the lightest dark-scheme surface a shade may sit on
 * (tinted boxes included), so one derived colour is readable on every surface of its scheme.
 */
export const LIGHT_BACKGROUND = '#e6e6e6';
export const DARK_BACKGROUND = '#3a3a3a';
/** Text contrast, WCAG 2.2 SC 1.4.3 (AA). */
export const TEXT_CONTRAST = 4.5;
export const DEFAULT_ACCENT = '#3b5ba9';
/** The player's text colours in the light scheme, for text on a brand surface. */
const DARK_TEXT = '#1b1b1f';
const LIGHT_TEXT = '#ffffff';

function parseHex(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (match === null) return undefined;
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, WCAG 2.2 definition. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio of two #rrggbb colours (1 when either cannot be read). */
export function contrastRatio(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  if (x === undefined || y === undefined) return 1;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(rgb: Rgb, toward: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => (rgb[i] ?? 0) + ((toward[i] ?? 0) - (rgb[i] ?? 0)) * amount) as unknown as Rgb;
}

/**
 * `color` moved toward black (on a light background) or white (on a dark one) by the least amount
 * that reaches `ratio` against `background`; `color` itself when it already does.
 */
export function ensureContrast(color: string, background: string, ratio: number): string {
  const rgb = parseHex(color) ?? parseHex(DEFAULT_ACCENT);
  const bg = parseHex(background);
  if (rgb === undefined || bg === undefined) return DEFAULT_ACCENT;
  const toward: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  const shade = (amount: number): string => toHex(mix(rgb, toward, amount));
  if (contrastRatio(shade(0), background) >= ratio) return shade(0);
  // Contrast grows steadily with the amount: halve the interval until the step is under one level.
  let [low, high] = [0, 1];
  while (high - low > 1 / 512) {
    const middle = (low + high) / 2;
    if (contrastRatio(shade(middle), background) >= ratio) high = middle;
    else low = middle;
  }
  return shade(high);
}

/** Black-ish or white text, whichever contrasts more with `fill`: at least 4.58:1 on any colour. */
function textOn(fill: string): string {
  return contrastRatio(fill, LIGHT_TEXT) >= contrastRatio(fill, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** Brand colours as the author gives them, validated #rrggbb. */
export interface BrandColourSet {
  readonly accent?: string | undefined;
  readonly secondary?: string | undefined;
  readonly surface?: string | undefined;
}

/** The brand colours a course gives (course.yaml `theme`), with the ones it gives for dark mode (`theme.dark`). */
export interface BrandColours extends BrandColourSet {
  readonly accent: string;
  readonly dark?: BrandColourSet | undefined;
}

export interface BrandPalette {
  /** The accent as the author gave it (or the default): brand bars, button fills. */
  readonly accent: string;
  /** Text colour on an accent fill. */
  readonly onAccent: string;
  /** Accent for text, focus rings and selected controls on the light scheme's surfaces. */
  readonly accentText: string;
  /** The same on the dark scheme's surfaces. */
  readonly accentTextDark: string;
  /** The accent fill in dark mode, when the author gives one (`theme.dark.accent`), and its text colour. */
  readonly accentDark?: string;
  readonly onAccentDark?: string;
  /** The secondary colour as given (the cover's band), and its shades for text in each scheme. */
  readonly secondary?: string;
  readonly secondaryDark?: string;
  readonly secondaryText?: string;
  readonly secondaryTextDark?: string;
  /** The header's and the cover's background as given, and the text, link and focus colour on it; the same for dark mode. */
  readonly brandSurface?: string;
  readonly onBrandSurface?: string;
  readonly brandSurfaceDark?: string;
  readonly onBrandSurfaceDark?: string;
}

const valid = (colour: string | undefined): string | undefined => (colour === undefined || parseHex(colour) === undefined ? undefined : colour.toLowerCase());

export function brandPalette(colours: BrandColours): BrandPalette {
  const accent = valid(colours.accent) ?? DEFAULT_ACCENT;
  const accentDark = valid(colours.dark?.accent);
  const secondary = valid(colours.secondary);
  const secondaryDark = valid(colours.dark?.secondary) ?? secondary;
  const surface = valid(colours.surface);
  const surfaceDark = valid(colours.dark?.surface);
  return {
    accent,
    onAccent: textOn(accent),
    accentText: ensureContrast(accent, LIGHT_BACKGROUND, TEXT_CONTRAST),
    accentTextDark: ensureContrast(accentDark ?? accent, DARK_BACKGROUND, TEXT_CONTRAST),
    ...(accentDark === undefined ? {} : { accentDark, onAccentDark: textOn(accentDark) }),
    ...(secondary === undefined ? {} : { secondary, secondaryText: ensureContrast(secondary, LIGHT_BACKGROUND, TEXT_CONTRAST) }),
    ...(secondaryDark === undefined ? {} : { secondaryTextDark: ensureContrast(secondaryDark, DARK_BACKGROUND, TEXT_CONTRAST) }),
    ...(secondaryDark === undefined || secondaryDark === secondary ? {} : { secondaryDark }),
    ...(surface === undefined ? {} : { brandSurface: surface, onBrandSurface: textOn(surface) }),
    ...(surfaceDark === undefined ? {} : { brandSurfaceDark: surfaceDark, onBrandSurfaceDark: textOn(surfaceDark) }),
  };
}

/** A derived shade that differs from the colour the author gave, with both contrast figures. */
export interface ShadeChange {
  readonly colour: 'accent' | 'secondary';
  readonly scheme: 'light' | 'dark';
  /** The colour the author gave for that scheme (`theme.dark.<colour>`, else `theme.<colour>`). */
  readonly given: string;
  readonly shade: string;
  /** The surface both figures are measured against. */
  readonly background: string;
  readonly givenRatio: number;
  readonly shadeRatio: number;
}

/** Every text shade of `palette` that is not the colour the author gave for its scheme (what `check` notes). */
export function shadeChanges(palette: BrandPalette): ShadeChange[] {
  const changes: ShadeChange[] = [];
  const compare = (colour: ShadeChange['colour'], scheme: ShadeChange['scheme'], given: string | undefined, shade: string | undefined): void => {
    if (given === undefined || shade === undefined || shade === given) return;
    const background = scheme === 'light' ? LIGHT_BACKGROUND : DARK_BACKGROUND;
    changes.push({ colour, scheme, given, shade, background, givenRatio: contrastRatio(given, background), shadeRatio: contrastRatio(shade, background) });
  };
  compare('accent', 'light', palette.accent, palette.accentText);
  compare('accent', 'dark', palette.accentDark ?? palette.accent, palette.accentTextDark);
  compare('secondary', 'light', palette.secondary, palette.secondaryText);
  compare('secondary', 'dark', palette.secondaryDark ?? palette.secondary, palette.secondaryTextDark);
  return changes;
}
