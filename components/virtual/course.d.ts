// Types of the `virtual:coursemark/course` module that the build generates (scripts/bundle/).
import type { TemplateResult } from 'lit';
import type { CourseData } from '../course-data.js';
import type { CoursePage } from '../course-page.js';

export declare const course: CourseData;
/** The rich content of the course's `support` directive, shown in the help-and-support panel. */
export declare const support: TemplateResult | undefined;
/** One loader per page, in `course.pages` order; each page is its own chunk, loaded on demand. */
export declare const pages: readonly (() => Promise<{ default: typeof CoursePage }>)[];
