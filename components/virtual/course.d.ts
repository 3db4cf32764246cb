// Types of the `virtual:coursemark/course` module that the build generates (scripts/bundle/).
import type { TemplateResult } from 'lit';
import type { CourseData, CourseOutline } from '../course-data.js';
import type { CoursePage } from '../course-page.js';

/** What the shell paints from the entry chunk alone. */
export declare const outline: CourseOutline;
/** Loads the rest of the course data (questions, glossary, headings, objectives): its own chunk. */
export declare const details: () => Promise<{ course: CourseData }>;
/**
 * Loads the rich content of the course's `support` directive, shown in the help-and-support panel
 * (its own chunk, loaded when the learner opens the panel); undefined when the course has none.
 */
export declare const support: (() => Promise<{ content: TemplateResult }>) | undefined;
/** One loader per page, in `course.pages` order; each page is its own chunk, loaded on demand. */
export declare const pages: readonly (() => Promise<{ default: typeof CoursePage }>)[];
