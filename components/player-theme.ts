import type { nothing, TemplateResult } from 'lit';
import type { CourseOutline } from './course-data.js';

const FONTS = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", "Noto Naskh Arabic", serif',
} as const;

/**
 * Puts the course's language, direction, colours and font on the player element: the tokens
 * (styles/theme.ts) read the custom properties, so every component inside follows them.
 */
export function applyCourseLook(host: HTMLElement, outline: CourseOutline): void {
  host.lang = outline.language;
  host.dir = outline.dir;
  // accentTextDark -> --cm-accent-text-dark.
  for (const [name, colour] of Object.entries(outline.palette)) host.style.setProperty(`--cm-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, colour);
  const { font, fontFamily } = outline.theme;
  host.style.setProperty('--cm-font', fontFamily === undefined ? FONTS[font] : `"${fontFamily}", ${FONTS[font]}`);
}

export { hasBrand } from './course-outline.js';

/** Loads player-brand.ts, adds the course's fonts and resolves to the header's logo. */
export async function loadBrand(outline: CourseOutline): Promise<TemplateResult | typeof nothing> {
  const { applyBrand } = await import('./player-brand.js');
  return applyBrand(outline, document.baseURI);
}
