import type { ThemeData } from './course-data.js';
import { safeUrl } from './url-policy.js';

const added = new Set<string>();

/**
 * Makes the font the course ships (course.yaml `theme.font`) available to the page through the CSS
 * Font Loading API rather than an `@font-face` style sheet: nothing is inserted that a strict
 * `style-src` policy would refuse, and nothing waits for the files. Each face downloads when text
 * first needs it (index.html preloads the regular one), with `font-display: swap`: text is painted
 * at once in the fallback stack and redrawn when the font arrives (CSS Fonts 4, 2.2).
 */
export function addBrandFonts(theme: ThemeData, base: string): void {
  const family = theme.fontFamily;
  if (family === undefined || theme.fontFaces === undefined || typeof FontFace === 'undefined') return;
  for (const face of theme.fontFaces) {
    const url = new URL(safeUrl(face.src), base).href;
    if (added.has(url)) continue;
    added.add(url);
    document.fonts.add(new FontFace(family, `url(${JSON.stringify(url)}) format("woff2")`, { weight: String(face.weight), style: face.style, display: 'swap' }));
  }
}

/** The face index.html preloads: the one body text uses (regular, upright), else the first. */
export function preloadedFace(theme: ThemeData): string | undefined {
  const faces = theme.fontFaces ?? [];
  return (faces.find((face) => face.weight === 400 && face.style === 'normal') ?? faces[0])?.src;
}
