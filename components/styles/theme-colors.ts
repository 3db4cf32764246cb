/**
 * Derives readable colours from the author's accent. An author may pick any #rrggbb; the player
 * must still meet WCAG 2.2 SC 1.4.3 (4.5:1 for text) and SC 1.4.11 (3:1 for focus indicators),
 * so links and focus rings use the accent darkened (light scheme) or lightened (dark scheme) just
 * enough, and text on accent-coloured buttons is black or white, whichever contrasts more.
 */

type Rgb = readonly [number, number, number];

/**
 * The darkest light-scheme surface and the lightest dark-scheme surface the accent may sit on
 * (tinted boxes included), so one derived colour is readable on every surface of its scheme.
 */
export const LIGHT_BACKGROUND = '#e6e6e6';
export const DARK_BACKGROUND = '#3a3a3a';
const FALLBACK_ACCENT = '#3b5ba9';

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

/** Moves `color` toward black or white until it reaches `ratio` against `background`. */
export function ensureContrast(color: string, background: string, ratio: number): string {
  const rgb = parseHex(color) ?? parseHex(FALLBACK_ACCENT);
  const bg = parseHex(background);
  if (rgb === undefined || bg === undefined) return FALLBACK_ACCENT;
  const toward: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 20; step += 1) {
    const candidate = toHex(mix(rgb, toward, step / 20));
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return toHex(toward);
}

export interface AccentPalette {
  /** The accent as the author gave it (validated #rrggbb, or the default). */
  readonly accent: string;
  /** Accent for text and focus rings on the light background. */
  readonly accentText: string;
  /** Accent for text and focus rings on the dark background. */
  readonly accentTextDark: string;
  /** Text colour on an accent-filled button. */
  readonly onAccent: string;
}

export function accentPalette(accent: string): AccentPalette {
  const base = parseHex(accent) === undefined ? FALLBACK_ACCENT : accent.toLowerCase();
  const onAccent = contrastRatio(base, '#ffffff') >= contrastRatio(base, '#000000') ? '#ffffff' : '#000000';
  return {
    accent: base,
    accentText: ensureContrast(base, LIGHT_BACKGROUND, 4.5),
    accentTextDark: ensureContrast(base, DARK_BACKGROUND, 4.5),
    onAccent,
  };
}
