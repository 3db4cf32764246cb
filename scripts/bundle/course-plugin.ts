import type { Plugin } from 'vite';
import { DETAILS_MODULE, MESSAGES_MODULE, SUPPORT_MODULE, VIEW_MESSAGES_MODULE, type RenderedModules } from '../render/render-modules.js';

export const COURSE_MODULE = 'virtual:coursemark/course';
const PAGE_PREFIX = 'virtual:coursemark/page/';
const ENTRY_PREFIX = 'virtual:coursemark/entry/';
const KIT_PREFIX = 'virtual:coursemark/kit/';
// The \0 prefix marks ids that no other plugin should try to load from disk (Rollup convention).
const RESOLVED = '\0coursemark:';
// Vite wraps every dynamic import in a helper that preloads the imported chunk's own imports (and
// CSS) with <link rel=modulepreload>. The player has no CSS, and starting those imports is all it
// needs, so this one-liner replaces Vite's 3.4 KB helper: it imports every dependency in parallel
// with the chunk itself (no waterfall: a page and its directive components load together).
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const PLAIN_PRELOAD_HELPER = [
  'export const __vitePreload = (load, deps, importer) => {',
  '  for (const dep of deps ?? []) import(/* @vite-ignore */ new URL(dep, importer).href).catch(() => undefined);',
  '  return load();',
  '};',
  '',
].join('\n');

/** Resolved id of the entry module of one target (in a bundle's module graph). */
export const resolvedEntryId = (target: string): string => `${RESOLVED}entry/${target}.js`;

export const pageSpecifier = (pageId: string): string => `${PAGE_PREFIX}${pageId}`;

/** Specifier of the entry module of one target. */
export const entrySpecifier = (target: string): string => `${ENTRY_PREFIX}${target}`;

/** Specifier of one kit module (see `CoursePluginOptions.kit`). */
export const kitSpecifier = (name: string): string => `${KIT_PREFIX}${name}`;

/** The generated modules a build serves: the strings always; the course, details, support and pages where the build has them. */
export type ServedModules = Pick<RenderedModules, 'messages' | 'viewMessages'> & Partial<Omit<RenderedModules, 'messages' | 'viewMessages'>>;

export interface CoursePluginOptions {
  readonly modules: ServedModules;
  /** Absolute path of the player's `mount` module (components/mount.ts). */
  readonly mountModule: string;
  /** Target name -> absolute path of the target's tracking entry (mount.ts `TrackingEntry`). */
  readonly adapters: ReadonlyMap<string, string>;
  /**
   * What each target's entry does. 'mount' (the preview): it mounts the player with
   * `virtual:coursemark/course` at once. 'start' (a package): it exports `start(course)`, and the
   * course comes from a file the build writes apart from the player (course-files.ts).
   * @default 'mount'
   */
  readonly entries?: 'mount' | 'start';
  /** Kit name -> source of `virtual:coursemark/kit/<name>`: the player code page modules import (player-build.ts). */
  readonly kit?: ReadonlyMap<string, string>;
}

/**
 * Serves the build's generated modules to Vite: `virtual:coursemark/course`, `…/details`, `…/messages`, `…/view-messages`,
 * `…/support` (when the course has a support panel), one `virtual:coursemark/page/<id>` per page, one `virtual:coursemark/entry/<target>` per target,
 * which mounts (or exports a function that mounts) the player with that target's tracking adapter,
 * and the kit modules of a package build. Build-time data reaches the browser only through these
 * imports (and, in a package, the course file that calls `start`), never through globals.
 */
export function coursePlugin(options: CoursePluginOptions): Plugin {
  return {
    name: 'coursemark:course',
    // Before Vite's own plugins, so the plain preload helper replaces Vite's.
    enforce: 'pre',
    resolveId(id) {
      if (id === PRELOAD_HELPER) return PRELOAD_HELPER;
      if (id === COURSE_MODULE) return `${RESOLVED}course.js`;
      if (id === DETAILS_MODULE) return `${RESOLVED}details.js`;
      if (id === MESSAGES_MODULE) return `${RESOLVED}messages.js`;
      if (id === VIEW_MESSAGES_MODULE) return `${RESOLVED}view-messages.js`;
      if (id === SUPPORT_MODULE && options.modules.support !== undefined) return `${RESOLVED}support.js`;
      if (id.startsWith(ENTRY_PREFIX) && options.adapters.has(id.slice(ENTRY_PREFIX.length))) return resolvedEntryId(id.slice(ENTRY_PREFIX.length));
      if (id.startsWith(KIT_PREFIX) && options.kit?.has(id.slice(KIT_PREFIX.length)) === true) return `${RESOLVED}kit/${id.slice(KIT_PREFIX.length)}.js`;
      if (id.startsWith(PAGE_PREFIX)) return `${RESOLVED}page/${id.slice(PAGE_PREFIX.length)}.js`;
      return undefined;
    },
    load(id) {
      if (id === PRELOAD_HELPER) return PLAIN_PRELOAD_HELPER;
      if (!id.startsWith(RESOLVED)) return undefined;
      const name = id.slice(RESOLVED.length);
      if (name === 'course.js') return options.modules.course;
      if (name === 'details.js') return options.modules.details;
      if (name === 'messages.js') return options.modules.messages;
      if (name === 'view-messages.js') return options.modules.viewMessages;
      if (name === 'support.js') return options.modules.support;
      if (name.startsWith('entry/')) {
        const adapter = options.adapters.get(name.slice('entry/'.length, -'.js'.length));
        if (adapter === undefined) return undefined;
        // Members named one by one, not the namespace object itself: the bundler then needs no
        // helper to build that object (`launchScope` is undefined where an adapter has none).
        const imports = [
          `import { mount } from ${JSON.stringify(options.mountModule)};`,
          `import * as adapter from ${JSON.stringify(adapter)};`,
          'const tracking = { createTrackingAdapter: adapter.createTrackingAdapter, launchScope: adapter.launchScope };',
        ];
        if (options.entries === 'start') return [...imports, 'export const start = (course) => mount(tracking, course);', ''].join('\n');
        return [...imports, `import * as course from ${JSON.stringify(COURSE_MODULE)};`, 'mount(tracking, course);', ''].join('\n');
      }
      if (name.startsWith('kit/')) return options.kit?.get(name.slice('kit/'.length, -'.js'.length));
      if (name.startsWith('page/')) return options.modules.pages?.get(name.slice('page/'.length, -'.js'.length));
      return undefined;
    },
  };
}
