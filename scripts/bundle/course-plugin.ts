import type { Plugin } from 'vite';
import type { RenderedModules } from '../render/render-modules.js';

export const COURSE_MODULE = 'virtual:coursemark/course';
export const TRACKER_MODULE = 'virtual:coursemark/tracker';
const PAGE_PREFIX = 'virtual:coursemark/page/';
// The \0 prefix marks ids that no other plugin should try to load from disk (Rollup convention).
const RESOLVED = '\0coursemark:';

/** Specifier of a page module, as the course module imports it. */
export const pageSpecifier = (pageId: string): string => `${PAGE_PREFIX}${pageId}`;

export interface CoursePluginOptions {
  readonly modules: RenderedModules;
  /** Absolute path of the tracking adapter module for the build's target. */
  readonly trackerModule: string;
}

/**
 * Serves the build's generated modules to Vite: `virtual:coursemark/course`, one
 * `virtual:coursemark/page/<id>` per page, and `virtual:coursemark/tracker` (the target's adapter).
 * Build-time data reaches the browser only through these imports, never through globals.
 */
export function coursePlugin(options: CoursePluginOptions): Plugin {
  return {
    name: 'coursemark:course',
    resolveId(id) {
      if (id === COURSE_MODULE) return `${RESOLVED}course.js`;
      if (id === TRACKER_MODULE) return `${RESOLVED}tracker.js`;
      if (id.startsWith(PAGE_PREFIX)) return `${RESOLVED}page/${id.slice(PAGE_PREFIX.length)}.js`;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const name = id.slice(RESOLVED.length);
      if (name === 'course.js') return options.modules.course;
      if (name === 'tracker.js') return `export { createTrackingAdapter } from ${JSON.stringify(options.trackerModule)};\n`;
      if (name.startsWith('page/')) return options.modules.pages.get(name.slice('page/'.length, -'.js'.length));
      return undefined;
    },
  };
}
