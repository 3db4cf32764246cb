import { isRasterImage, packageImage } from '../model/images.js';
import type { Rollup } from 'vite';
import type { CourseModel } from '../model/course-model.js';
import { fromRoot } from '../project-root.js';
import type { RenderedModules } from '../render/render-modules.js';
import { coursePlugin, entrySpecifier } from './course-plugin.js';
import { cssLiteralsPlugin } from './minify-css-literals.js';
import { FAVICON, faviconSvg, indexHtml } from './index-html.js';

/** One file of the built output, in memory until it is written (see write-output.ts). */
export interface OutputFile {
  /** Path inside the output folder, `/`-separated. */
  readonly path: string;
  readonly contents: Uint8Array;
}

export const componentsDir = `${fromRoot('components')}/`;

export interface BundleOptions {
  /** Target name -> absolute path of the module exporting its `createTrackingAdapter`. */
  readonly adapters: ReadonlyMap<string, string>;
  /** Reads a course file (media) by its path inside the course folder. */
  readonly readCourseFile: (path: string) => Promise<Uint8Array>;
  /** index.html's message for browsers with JavaScript off, in the course language. */
  readonly noScriptMessage: string;
}

/**
 * Bundles the player with the generated course and page modules, in memory, in one Vite build
 * with one entry per target (each mounting the player with its own tracking adapter). Chunks shared
 * by the targets (Lit, the player, the pages) are built once. Returns, per target, exactly the files
 * its entry can load, plus its index.html and the course media.
 */
export async function bundleCourse(model: CourseModel, modules: RenderedModules, options: BundleOptions): Promise<Map<string, OutputFile[]>> {
  const targets = [...options.adapters.keys()];
  const byName = await bundleChunks(modules, options.adapters);
  const encoder = new TextEncoder();
  const contents = (item: Rollup.OutputChunk | Rollup.OutputAsset): Uint8Array =>
    item.type === 'chunk' ? encoder.encode(item.code) : typeof item.source === 'string' ? encoder.encode(item.source) : item.source;
  const media: OutputFile[] = [];
  for (const file of model.media.values()) {
    const bytes = await options.readCourseFile(file.source);
    media.push({ path: file.output, contents: isRasterImage(file.source) ? await packageImage(bytes, file.source) : bytes });
  }

  const bundles = new Map<string, OutputFile[]>();
  for (const target of targets) {
    const entry = entryChunk(byName, target);
    const files = [...reachable(entry, byName)].map((item) => ({ path: item.fileName, contents: contents(item) }));
    const html = indexHtml({ course: model.data, entry: `./${entry.fileName}`, preload: staticImports(entry, byName).map((path) => `./${path}`), noScriptMessage: options.noScriptMessage });
    files.push({ path: 'index.html', contents: encoder.encode(html) }, { path: FAVICON, contents: encoder.encode(faviconSvg(model.data.theme.accent)) }, ...media);
    bundles.set(target, files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }
  return bundles;
}

export type OutputItem = Rollup.OutputChunk | Rollup.OutputAsset;

/** The entry chunk of one target in a bundle made by `bundleChunks`. */
export function entryChunk(byName: ReadonlyMap<string, OutputItem>, target: string): Rollup.OutputChunk {
  const entry = [...byName.values()].find((item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry && item.name === `player-${target}`);
  if (!entry) throw new Error(`The bundle has no entry for target ${target}.`);
  return entry;
}

/**
 * The Vite build itself: every chunk and asset, by output file name. Exported so tests can check
 * the bundle's structure (what the entry loads before first paint).
 */
export async function bundleChunks(modules: RenderedModules, adapters: ReadonlyMap<string, string>): Promise<Map<string, OutputItem>> {
  // Vite is the heaviest import of the build: load it only when a bundle is actually made.
  const { build } = await import('vite');
  const targets = [...adapters.keys()];
  const result = await build({
    configFile: false,
    envFile: false,
    root: componentsDir,
    base: './',
    logLevel: 'silent',
    publicDir: false,
    // Packages always carry production code. Vite would otherwise pick export conditions from
    // NODE_ENV, and take Lit's development build (warnings, a debug global) under a test runner.
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['module', 'browser', 'production'] },
    // No environment variable may reach the browser bundle (LRS secrets, VITE_* values): the prefix matches none.
    envPrefix: '__COURSEMARK_NO_ENV__',
    plugins: [coursePlugin({ modules, mountModule: `${componentsDir}mount.ts`, adapters }), cssLiteralsPlugin(componentsDir)],
    build: {
      write: false,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      reportCompressedSize: false,
      // index.html preloads the entry's static imports itself. For lazy chunks, Vite lists each one's
      // own imports so they load in parallel with it; course-plugin.ts replaces Vite's helper, and
      // no polyfill is needed (every browser the player supports has modulepreload).
      // The imported chunk itself is left out of its list: the import starts it anyway, and a
      // 500-page course would otherwise name every page twice in the entry chunk.
      modulePreload: { polyfill: false, resolveDependencies: (chunk, deps) => deps.filter((dep) => dep !== chunk) },
      assetsDir: 'assets',
      rollupOptions: {
        input: Object.fromEntries(targets.map((target) => [`player-${target}`, entrySpecifier(target)])),
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          // The chunk every entry shares is the player shell; Rollup would name it after any one of its modules.
          chunkFileNames: (chunk) => (chunk.moduleIds.includes(`${componentsDir}mount.ts`) ? 'assets/shell-[hash].js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return new Map(outputs.flatMap((output) => output.output.map((item) => [item.fileName, item] as const)));
}

/** Every output file an entry can load: static and dynamic imports, and the assets they reference. */
function reachable(entry: Rollup.OutputChunk, byName: ReadonlyMap<string, OutputItem>): Set<OutputItem> {
  const seen = new Set<OutputItem>();
  const visit = (item: OutputItem | undefined): void => {
    if (!item || seen.has(item)) return;
    seen.add(item);
    if (item.type !== 'chunk') return;
    for (const name of [...item.imports, ...item.dynamicImports, ...(item.viteMetadata?.importedAssets ?? []), ...(item.viteMetadata?.importedCss ?? [])]) visit(byName.get(name));
  };
  visit(entry);
  return seen;
}

/** The chunks an entry needs before it can run, for `<link rel="modulepreload">`. */
export function staticImports(entry: Rollup.OutputChunk, byName: ReadonlyMap<string, OutputItem>): string[] {
  const seen = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk): void => {
    for (const name of chunk.imports) {
      const item = byName.get(name);
      if (seen.has(name) || item?.type !== 'chunk') continue;
      seen.add(name);
      visit(item);
    }
  };
  visit(entry);
  return [...seen].sort();
}
