import type { nothing, TemplateResult } from 'lit';
import { addBrandFonts } from './brand-fonts.js';
import type { CourseOutline } from './course-data.js';
import { renderLogo } from './logo.js';

/**
 * The course's own logo and fonts in the player (course.yaml `theme.logo`, `theme.font`): their own
 * chunk, which only a course that has either loads (player-theme.ts `loadBrand`). Adds the fonts to
 * the document and returns the header's logo.
 */
export function applyBrand(outline: CourseOutline, base: string): TemplateResult | typeof nothing {
  addBrandFonts(outline.theme, base);
  return renderLogo(outline.theme.logo, 'header-logo');
}
