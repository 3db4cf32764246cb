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
    pages: course.pages.map(({ id, title, index, lang, dir }) => ({ id, title, index, ...(lang === undefined ? {} : { lang }), ...(dir === undefined ? {} : { dir }) })),
    hasGlossary: course.glossary.length > 0,
    parts: course.parts,
    cover: course.cover !== undefined,
  };
}
