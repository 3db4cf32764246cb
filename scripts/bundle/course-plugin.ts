import type { Plugin } from 'vite';
import type { RenderedModules } from '../render/render-modules.js';

export const COURSE_MODULE = 'virtual:coursemark/course';
const PAGE_PREFIX = 'virtual:coursemark/page/';
const ENTRY_PREFIX = 'virtual:coursemark/entry/';
// The \0 prefix marks ids that no other plugin should try to load from disk (Rollup convention).
const RESOLVED = '\0coursemark:';

/** Specifier of a page module, as the course module imports it. */
export const pageSpecifier = (pageId: string): string => `${PAGE_PREFIX}${pageId}`;

/** Specifier of the entry module of one target. */
export const entrySpecifier = (target: string): string => `${ENTRY_PREFIX}${target}`;

export interface CoursePluginOptions {
  readonly modules: RenderedModules;
  /** Absolute path of the player's `mount` module (components/mount.ts). */
  readonly mountModule: string;
  /** Target name -> absolute path of the module exporting that target's `createTrackingAdapter`. */
  readonly adapters: ReadonlyMap<string, string>;
}

/**
 * Serves the build's generated modules to Vite: `virtual:coursemark/course`, one
 * `virtual:coursemark/page/<id>` per page, and one `virtual:coursemark/entry/<target>` per target,
 * which mounts the player with that target's tracking adapter. Build-time data reaches the browser
 * only through these imports, never through globals.
 */
export function coursePlugin(options: CoursePluginOptions): Plugin {
  return {
    name: 'coursemark:course',
    resolveId(id) {
      if (id === COURSE_MODULE) return `${RESOLVED}course.js`;
      if (id.startsWith(ENTRY_PREFIX) && options.adapters.has(id.slice(ENTRY_PREFIX.length))) return `${RESOLVED}entry/${id.slice(ENTRY_PREFIX.length)}.js`;
      if (id.startsWith(PAGE_PREFIX)) return `${RESOLVED}page/${id.slice(PAGE_PREFIX.length)}.js`;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const name = id.slice(RESOLVED.length);
      if (name === 'course.js') return options.modules.course;
      if (name.startsWith('entry/')) {
        const adapter = options.adapters.get(name.slice('entry/'.length, -'.js'.length));
        if (adapter === undefined) return undefined;
        return [
          `import { mount } from ${JSON.stringify(options.mountModule)};`,
          `import { createTrackingAdapter } from ${JSON.stringify(adapter)};`,
          'mount(createTrackingAdapter);',
          '',
        ].join('\n');
      }
      if (name.startsWith('page/')) return options.modules.pages.get(name.slice('page/'.length, -'.js'.length));
      return undefined;
    },
  };
}
