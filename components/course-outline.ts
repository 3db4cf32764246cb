import type { CourseData, CourseOutline } from './course-data.js';
import { brandPalette } from './styles/theme-colors.js';

/** The part of a course the player shell needs to paint (see `CourseOutline`). */
export function outlineOf(course: CourseData): CourseOutline {
  return {
    title: course.title,
    language: course.language,
    dir: course.dir,
    theme: course.theme,
    palette: brandPalette(course.theme),
    pages: course.pages.map(({ id, title, index, lang, dir, optional }) => ({
      id,
      title,
      index,
      ...(lang === undefined ? {} : { lang }),
      ...(dir === undefined ? {} : { dir }),
      ...(optional === true ? { optional } : {}),
    })),
    hasGlossary: course.glossary.length > 0,
    parts: course.parts,
    cover: course.cover !== undefined,
  };
}

/**
 * Whether the course shows a logo or ships a font: then the shell loads player-brand.ts before it
 * paints, and index.html preloads that chunk with the shell (scripts/bundle/bundle-course.ts).
 */
export function hasBrand(outline: CourseOutline): boolean {
  return outline.theme.logo !== undefined || outline.theme.fontFaces !== undefined;
}
