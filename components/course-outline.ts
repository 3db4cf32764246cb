import type { CourseData, CourseOutline } from './course-data.js';
import { accentPalette } from './styles/theme-colors.js';

/** The part of a course the player shell needs to paint (see `CourseOutline`). */
export function outlineOf(course: CourseData): CourseOutline {
  return {
    title: course.title,
    language: course.language,
    dir: course.dir,
    theme: course.theme,
    palette: accentPalette(course.theme.accent),
    pages: course.pages.map(({ id, title, index }) => ({ id, title, index })),
    hasGlossary: course.glossary.length > 0,
    parts: course.parts,
  };
}
