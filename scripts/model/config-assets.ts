import type { VFile } from 'vfile';
import type { CoverData, FontFaceData, ImageData, LogoData, PageInfo, ThemeData } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import type { RuleId } from '../diagnostics/rules.js';
import type { ResolvedCourseConfig } from '../validate/course-config.js';
import type { ConfigFile, ConfigImage } from '../validate/theme-config.js';
import { notAnImage, resolveInCourse } from '../validate/url-check.js';
import { mediaPath, type CourseFileIndex, type MediaFile } from './course-model.js';
import { packagedSize } from './images.js';

/** Why a file cannot serve: the rule and the message. */
type Refusal = { readonly rule: RuleId; readonly reason: string } | undefined;

/** The look and the cover as the browser gets them: files by their paths in the package. */
export interface ConfigAssets {
  readonly theme: ThemeData;
  readonly cover: CoverData | undefined;
}

/**
 * Resolves the files course.yaml names (the logo, the cover image, font files) against the course
 * folder, adds them to `media` so every package carries them, and reports each one that is outside
 * the folder, missing or of the wrong kind, at its place in course.yaml.
 */
export function resolveConfigAssets(config: ResolvedCourseConfig, configFile: VFile, files: CourseFileIndex, media: Map<string, MediaFile>, pages: readonly PageInfo[]): ConfigAssets {
  const add = (file: ConfigFile, kind: (path: string) => Refusal): MediaFile | undefined => {
    const path = resolveInCourse('course.yaml', file.path);
    if (path === undefined) {
      report(configFile, 'path-escape', `The path "${file.path}" leads outside the course folder. Copy the file into the course (for example into assets/) and name it from there.`, file.place);
      return undefined;
    }
    if (!files.has(path)) {
      const variant = files.caseVariant(path);
      report(configFile, 'missing-asset', variant ? `"${path}" does not exist, but "${variant}" does: letter case matters on web servers. Use the exact name.` : `The file "${path}" does not exist in the course folder. Check the path (it is relative to course.yaml).`, file.place);
      return undefined;
    }
    const refusal = kind(path);
    if (refusal !== undefined) {
      report(configFile, refusal.rule, refusal.reason, file.place);
      return undefined;
    }
    const size = files.imageSize?.(path);
    const entry = media.get(path) ?? { source: path, output: mediaPath(path), ...(size ? { size: packagedSize(size) } : {}) };
    media.set(path, entry);
    return entry;
  };
  const image = (file: ConfigImage, kind: (path: string) => Refusal): ImageData | undefined => {
    const entry = add(file, kind);
    return entry === undefined ? undefined : { src: entry.output, alt: file.alt, ...entry.size };
  };
  const { theme } = config;
  const logoImage = theme.logo === undefined ? undefined : image(theme.logo, logoProblem);
  const logoDark = theme.logo?.dark === undefined ? undefined : add(theme.logo.dark, logoProblem)?.output;
  const logo: LogoData | undefined = logoImage === undefined ? undefined : { ...logoImage, ...(logoDark === undefined ? {} : { dark: logoDark }) };
  const family = theme.fontFamily;
  const faces: FontFaceData[] = [];
  if (family !== undefined) {
    for (const file of family.files) {
      const src = add(file, fontProblem)?.output;
      if (src !== undefined) faces.push({ src, weight: file.weight, style: file.style });
    }
    if (family.license === undefined) {
      report(
        configFile,
        'font-license',
        `Every package carries the font "${family.family}", so its licence must allow you to pass it on, embedded in a course: fonts under the SIL Open Font License do, many bought fonts do not. Check it, then name it in theme.font.license (such as license: OFL-1.1).`,
        family.place,
      );
    }
  }
  const cover = config.cover;
  const coverImage = cover?.image === undefined ? undefined : image(cover.image, coverImageProblem);
  const durations = pages.map((page) => page.duration);
  const duration = cover?.duration ?? (durations.length > 0 && durations.every((minutes) => minutes !== undefined) ? durations.reduce<number>((sum, minutes) => sum + (minutes ?? 0), 0) : undefined);
  return {
    theme: {
      accent: theme.accent,
      ...(theme.secondary === undefined ? {} : { secondary: theme.secondary }),
      ...(theme.surface === undefined ? {} : { surface: theme.surface }),
      ...(theme.dark === undefined ? {} : { dark: theme.dark }),
      font: theme.font,
      ...(family === undefined || faces.length === 0 ? {} : { fontFamily: family.family, fontFaces: faces }),
      ...(logo === undefined ? {} : { logo }),
    },
    cover:
      cover === undefined
        ? undefined
        : {
            description: cover.description ?? config.description,
            ...(coverImage === undefined ? {} : { image: coverImage }),
            ...(duration === undefined ? {} : { duration }),
            outcomes: cover.outcomes,
          },
  };
}

/** Why a file cannot be the logo: the header shows an SVG or PNG (sharp at any size, or a fixed-size picture with transparency). */
function logoProblem(path: string): Refusal {
  if (/\.(svg|png)$/i.test(path)) return undefined;
  return { rule: 'image-type', reason: `"${path}" cannot be the logo: use an SVG file (sharp at every size) or a PNG.` };
}

function coverImageProblem(path: string): Refusal {
  const problem = notAnImage(path);
  return problem === undefined ? undefined : { rule: 'image-type', reason: `"${path}" is ${problem}: a browser cannot show it as the cover image. Use a PNG, JPEG, GIF, SVG, WebP or AVIF image.` };
}

function fontProblem(path: string): Refusal {
  if (/\.woff2$/i.test(path)) return undefined;
  return { rule: 'font-file', reason: `"${path}" is not a WOFF2 font file. Browsers load WOFF2 fastest and every current one reads it: convert the font (fonttools' "pyftsubset --flavor=woff2", or an online converter the font's licence allows) and name the .woff2 file.` };
}
