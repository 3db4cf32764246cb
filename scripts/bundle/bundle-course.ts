import { hasBrand, outlineOf } from '../../components/course-outline.js';
import { componentsDir } from './components-dir.js';
import { ImageCache } from '../cache/image-cache.js';
import { isRasterImage, packageImage } from '../model/images.js';
import type { CourseModel } from '../model/course-model.js';
import type { RenderedModules } from '../render/render-modules.js';
import { courseFiles, KIT, kitModule, kitOf, type CourseFiles } from './course-files.js';
import { FAVICON, faviconSvg, indexHtml } from './index-html.js';
import { buildPlayer, entryFile, playerEntryName, reachableFiles, staticImports, type PlayerBuild, type PlayerFile, type PlayerInput } from './player-build.js';
import { playerBuildKey, readPlayerBuild, writePlayerBuild } from './player-build-cache.js';

export { componentsDir } from './components-dir.js';

/** One file of the built output, in memory until it is written (see write-output.ts). */
export interface OutputFile {
  /** Path inside the output folder, `/`-separated. */
  readonly path: string;
  readonly contents: Uint8Array;
}

export interface BundleOptions {
  /** Target name -> absolute path of the module exporting its `createTrackingAdapter`. */
  readonly adapters: ReadonlyMap<string, string>;
  /** Reads a course file (media) by its path inside the course folder. */
  readonly readCourseFile: (path: string) => Promise<Uint8Array>;
  /** index.html's message for browsers with JavaScript off, in the course language. */
  readonly noScriptMessage: string;
  /** Cache folder of the previous build (its player build is reused when nothing it depends on changed), or undefined. */
  readonly cacheDir?: string | undefined;
}

/** A bundled course: the player build, the course's own files, and what each target ships. */
export interface CourseBundle {
  readonly player: PlayerBuild;
  readonly course: CourseFiles;
  /** Target -> its player entry chunk (the course file imports it; index.html preloads it). */
  readonly entries: ReadonlyMap<string, PlayerFile>;
  /** Target -> every file of its package: what its index.html can load, index.html itself and the media. */
  readonly files: ReadonlyMap<string, OutputFile[]>;
}

/**
 * Builds every target's files in memory: the player (Vite, or the previous build's from the cache:
 * player-build.ts), the course's own files beside it (course-files.ts), index.html and the media.
 * Returns, per target, exactly the files its index.html can load, plus index.html and the media.
 */
export async function bundleCourse(model: CourseModel, modules: RenderedModules, options: BundleOptions): Promise<Map<string, OutputFile[]>> {
  return new Map((await buildCourseBundle(model, modules, options)).files);
}

/** `bundleCourse`, with the parts it is made of (for tests of the bundle's structure). */
export async function buildCourseBundle(model: CourseModel, modules: RenderedModules, options: BundleOptions): Promise<CourseBundle> {
  const kit = await kitOf(modules);
  const player = await cachedPlayer({ adapters: options.adapters, messages: modules.messages, viewMessages: modules.viewMessages, kit: new Map(kit.size === 0 ? [] : [[KIT, kitModule(kit)]]) }, options.cacheDir);
  const entries = new Map([...options.adapters.keys()].map((target) => [target, entryFile(player, playerEntryName(target))]));
  const outline = outlineOf(model.data);
  const course = await courseFiles({ outline, modules, kit, player, entries });
  // A course with a logo or its own fonts paints once player-brand.ts is there: fetched with the shell.
  const brand = hasBrand(outline) ? player.files.find((file) => file.moduleIds.includes(`${componentsDir}player-brand.ts`)) : undefined;
  const kitFiles = player.files.filter((file) => file.entry?.startsWith('kit-') === true);
  const media: OutputFile[] = [];
  const images = await ImageCache.open(options.cacheDir);
  for (const file of model.media.values()) {
    const bytes = await options.readCourseFile(file.source);
    media.push({ path: file.output, contents: isRasterImage(file.source) ? await images.packaged(bytes, file.source, () => packageImage(bytes, file.source)) : bytes });
  }
  await images.prune();
  const encoder = new TextEncoder();
  const files = new Map<string, OutputFile[]>();
  for (const [target, entry] of entries) {
    const start = course.courseFile.get(target);
    if (start === undefined) throw new Error(`No course file for target ${target}.`);
    const shipped = [...reachableFiles(player, [entry, ...kitFiles]), ...course.shared, start].map((file) => ({ path: file.fileName, contents: file.contents }));
    const html = indexHtml({ course: model.data, entry: `./${start.fileName}`, preload: [...new Set([entry.fileName, ...staticImports(player, entry), ...(brand ? [brand.fileName, ...staticImports(player, brand)] : [])])].map((path) => `./${path}`), noScriptMessage: options.noScriptMessage });
    shipped.push({ path: 'index.html', contents: encoder.encode(html) }, { path: FAVICON, contents: encoder.encode(faviconSvg(model.data.theme.accent)) }, ...media);
    files.set(target, shipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }
  return { player, course, entries, files };
}

/** The player build: the previous one from the cache when its key matches, else built (and kept). */
async function cachedPlayer(input: PlayerInput, cacheDir: string | undefined): Promise<PlayerBuild> {
  if (cacheDir === undefined) return buildPlayer(input);
  const key = await playerBuildKey(input);
  const cached = await readPlayerBuild(cacheDir, key);
  if (cached !== undefined) return cached;
  const built = await buildPlayer(input);
  await writePlayerBuild(cacheDir, key, built);
  return built;
}
