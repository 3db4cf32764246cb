import { fileURLToPath } from 'node:url';
import type { Rollup } from 'vite';
import type { CourseModel } from '../model/course-model.js';
import type { RenderedModules } from '../render/render-modules.js';
import { coursePlugin } from './course-plugin.js';
import { indexHtml } from './index-html.js';

/** One file of the built output, in memory until it is written (see write-output.ts). */
export interface OutputFile {
  /** Path inside the output folder, `/`-separated. */
  readonly path: string;
  readonly contents: Uint8Array;
}

export const componentsDir = fileURLToPath(new URL('../../components/', import.meta.url));

export interface BundleOptions {
  /** Absolute path of the tracking adapter for the target. */
  readonly trackerModule: string;
  /** Reads a course file (media) by its path inside the course folder. */
  readonly readCourseFile: (path: string) => Promise<Uint8Array>;
  /** index.html's message for browsers with JavaScript off, in the course language. */
  readonly noScriptMessage: string;
}

/**
 * Bundles the player, the generated course and page modules and the target's tracking adapter with
 * Vite, in memory. Returns every output file (JS chunks, index.html, media) for the writer.
 */
export async function bundleWeb(model: CourseModel, modules: RenderedModules, options: BundleOptions): Promise<OutputFile[]> {
  // Vite is the heaviest import of the build: load it only when a bundle is actually made.
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    envFile: false,
    root: componentsDir,
    base: './',
    logLevel: 'silent',
    publicDir: false,
    // No environment variable may reach the browser bundle (LRS secrets, VITE_* values): the prefix matches none.
    envPrefix: '__COURSEMARK_NO_ENV__',
    plugins: [coursePlugin({ modules, trackerModule: options.trackerModule })],
    build: {
      write: false,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
      assetsDir: 'assets',
      rollupOptions: {
        input: `${componentsDir}main.ts`,
        output: { entryFileNames: 'assets/player-[hash].js', chunkFileNames: 'assets/[name]-[hash].js' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const encoder = new TextEncoder();
  const files: OutputFile[] = [];
  let entry: Rollup.OutputChunk | undefined;
  for (const output of outputs) {
    for (const item of output.output) {
      if (item.type === 'chunk') {
        if (item.isEntry) entry = item;
        files.push({ path: item.fileName, contents: encoder.encode(item.code) });
      } else {
        files.push({ path: item.fileName, contents: typeof item.source === 'string' ? encoder.encode(item.source) : item.source });
      }
    }
  }
  if (!entry) throw new Error('The bundle has no entry chunk.');
  const html = indexHtml({
    course: model.data,
    entry: `./${entry.fileName}`,
    preload: entry.imports.map((path) => `./${path}`),
    noScriptMessage: options.noScriptMessage,
  });
  files.push({ path: 'index.html', contents: encoder.encode(html) });
  for (const media of model.media.values()) {
    files.push({ path: media.output, contents: await options.readCourseFile(media.source) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
