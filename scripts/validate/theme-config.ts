import type { VFile } from 'vfile';
import { z } from 'zod';
import { brandPalette, DEFAULT_ACCENT, shadeChanges, TEXT_CONTRAST, type ShadeChange } from '../../components/styles/theme-colors.js';
import { report } from '../diagnostics/report.js';
import { yamlRange, type YamlSource } from '../parse/yaml-source.js';

type Place = { readonly offset: number; readonly endOffset: number };

/** A file course.yaml names (logo, cover image, font file), by its path in the course folder. */
export interface ConfigFile {
  readonly path: string;
  readonly place: Place;
}

/** An image course.yaml names, with its alternative text ('' for a decorative cover image). */
export interface ConfigImage extends ConfigFile {
  readonly alt: string;
}

export interface FontFileConfig extends ConfigFile {
  readonly weight: number;
  readonly style: 'normal' | 'italic';
}

/** course.yaml `theme`, checked, with the places of what later stages check against the course folder. */
export interface ThemeConfig {
  readonly accent: string;
  readonly secondary?: string;
  readonly surface?: string;
  /** The brand's colours for dark mode, where it has its own. */
  readonly dark?: { readonly accent?: string; readonly secondary?: string; readonly surface?: string };
  readonly font: 'sans' | 'serif';
  readonly fontFamily?: { readonly family: string; readonly files: readonly FontFileConfig[]; readonly license?: string; readonly place: Place };
  readonly logo?: ConfigImage & { readonly dark?: ConfigFile };
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const colour = z.string({ error: 'must be a colour written #rrggbb, such as "#3b5ba9" (in quotes)' }).regex(HEX, { error: 'must be a colour written #rrggbb, such as "#3b5ba9" (in quotes: YAML reads # as a comment)' });
const path = (what: string) => z.string({ error: `must be ${what}` }).trim().min(1, { error: `must be ${what}` });
const STACKS = ['sans', 'serif'] as const;

const fontFileSchema = z.strictObject({
  src: path('the path of a .woff2 file in the course folder, such as assets/fonts/open-sans-regular.woff2'),
  weight: z.number({ error: 'must be a number from 1 to 1000 (400 regular, 700 bold)' }).int({ error: 'must be a whole number, such as 400' }).min(1, { error: 'must be from 1 to 1000' }).max(1000, { error: 'must be from 1 to 1000' }).default(400),
  style: z.enum(['normal', 'italic'], { error: 'must be normal or italic' }).default('normal'),
});

const shippedFontSchema = z.strictObject({
  family: z
    .string({ error: 'must be the font\'s family name, such as "Open Sans"' })
    .trim()
    .min(1, { error: 'must be the font\'s family name, such as "Open Sans"' })
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, { error: 'may hold letters, digits, spaces, hyphens and underscores only' }),
  files: z.array(fontFileSchema, { error: 'must list the font\'s .woff2 files, each with src and weight' }).min(1, { error: 'must list at least one .woff2 file' }),
  fallback: z.enum(STACKS, { error: 'must be sans or serif: the fonts used until yours has loaded, and for letters it lacks' }).default('sans'),
  license: z.string({ error: 'must be text, such as OFL-1.1' }).trim().min(1, { error: 'must not be empty' }).optional(),
});

export const themeSchema = z
  .strictObject({
    accent: colour.default(DEFAULT_ACCENT),
    secondary: colour.optional(),
    surface: colour.optional(),
    dark: z.strictObject({ accent: colour.optional(), secondary: colour.optional(), surface: colour.optional() }, { error: 'must hold the brand\'s colours for dark mode: accent, secondary, surface' }).optional(),
    font: z.union([z.enum(STACKS), shippedFontSchema], { error: 'must be sans, serif, or a font the course ships (family, files, license)' }).default('sans'),
    logo: z
      .strictObject({
        src: path('the path of an SVG or PNG file in the course folder, such as assets/logo.svg'),
        alt: z.string({ error: 'must say what the logo shows, such as the institution\'s name' }).trim().min(1, { error: 'must say what the logo shows, such as the institution\'s name' }),
        dark: path('the path of the logo\'s version for dark mode (light on dark), such as assets/logo-white.svg').optional(),
      })
      .optional(),
  })
  .default({ accent: DEFAULT_ACCENT, font: 'sans' });

/** The keys of `theme`, and of its parts, for a "did you mean" under an unknown key. */
export function themeKeysAt(path: readonly PropertyKey[]): readonly string[] | undefined {
  const at = path.map(String).join('.');
  if (at === 'theme') return Object.keys(themeSchema.unwrap().shape);
  if (at === 'theme.font') return Object.keys(shippedFontSchema.shape);
  if (/^theme\.font\.files\.\d+$/.test(at)) return Object.keys(fontFileSchema.shape);
  if (at === 'theme.logo') return ['src', 'alt', 'dark'];
  if (at === 'theme.dark') return ['accent', 'secondary', 'surface'];
  return undefined;
}

/** The checked `theme`, with the place of every file it names. */
export function resolveTheme(theme: z.output<typeof themeSchema>, source: YamlSource): ThemeConfig {
  const at = (...segments: PropertyKey[]): Place => yamlRange(source, ['theme', ...segments]);
  const font = theme.font;
  const lower = (colours: { readonly accent?: string | undefined; readonly secondary?: string | undefined; readonly surface?: string | undefined }): { accent?: string; secondary?: string; surface?: string } =>
    Object.fromEntries(Object.entries(colours).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value.toLowerCase()]] : [])));
  return {
    ...lower({ secondary: theme.secondary, surface: theme.surface }),
    accent: theme.accent.toLowerCase(),
    ...(theme.dark === undefined ? {} : { dark: lower(theme.dark) }),
    font: typeof font === 'string' ? font : font.fallback,
    ...(typeof font === 'string'
      ? {}
      : {
          fontFamily: {
            family: font.family,
            files: font.files.map((file, index) => ({ path: file.src, weight: file.weight, style: file.style, place: at('font', 'files', index, 'src') })),
            ...(font.license === undefined ? {} : { license: font.license }),
            place: at('font', 'family'),
          },
        }),
    ...(theme.logo === undefined
      ? {}
      : { logo: { path: theme.logo.src, alt: theme.logo.alt, place: at('logo', 'src'), ...(theme.logo.dark === undefined ? {} : { dark: { path: theme.logo.dark, place: at('logo', 'dark') } }) } }),
  };
}

const ratio = (value: number): string => `${(Math.floor(value * 10) / 10).toFixed(1)}:1`;

/**
 * A note for every readable shade that is not the brand colour the author gave for its scheme
 * (the colour itself stays as given where it carries no text), with both contrast figures, at the
 * colour in course.yaml. The default accent, which the author did not choose, draws none.
 */
export function reportShadeChanges(file: VFile, source: YamlSource, theme: ThemeConfig): void {
  const byPlace = new Map<string, { readonly path: readonly string[]; readonly changes: ShadeChange[] }>();
  for (const change of shadeChanges(brandPalette(theme))) {
    const own = change.scheme === 'dark' && source.document.hasIn(['theme', 'dark', change.colour]);
    const path = own ? ['theme', 'dark', change.colour] : ['theme', change.colour];
    if (!source.document.hasIn(path)) continue;
    const key = path.join('.');
    byPlace.set(key, { path, changes: [...(byPlace.get(key)?.changes ?? []), change] });
  }
  for (const [key, { path, changes }] of byPlace) {
    const first = changes[0];
    if (first === undefined) continue;
    const uses = first.colour === 'accent' ? 'links, focus rings and selected answers use' : 'the small print on the cover uses';
    const keeps = first.colour === 'accent' ? 'brand bars and button fills' : 'the cover\'s band';
    const schemes = changes.map(
      (change) =>
        `in ${change.scheme} mode it has ${ratio(change.givenRatio)} against the ${change.scheme === 'light' ? 'darkest light' : 'lightest dark'} surface (${change.background}), so ${uses} ${change.shade} there (${ratio(change.shadeRatio)})`,
    );
    const darkHint = changes.some((change) => change.scheme === 'dark') && path.length === 2 ? ` To choose the dark-mode colour yourself, give theme.dark.${first.colour}.` : '';
    report(file, 'theme-contrast', `${key} ${first.given} is used as given for ${keeps}; text needs ${TEXT_CONTRAST}:1 (WCAG 2.2 AA): ${schemes.join('; ')}.${darkHint} This is a note: nothing needs fixing.`, yamlRange(source, path));
  }
}
