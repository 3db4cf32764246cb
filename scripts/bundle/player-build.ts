import type { Rollup } from 'vite';
import { componentsDir } from './components-dir.js';
import { coursePlugin, entrySpecifier, kitSpecifier, resolvedEntryId } from './course-plugin.js';
import { cssLiteralsPlugin } from './minify-css-literals.js';

/** One file of the player build: a chunk or an asset, with the links between files the packages need. */
export interface PlayerFile {
  /** Path inside the output folder, `/`-separated (`assets/shell-….js`). */
  readonly fileName: string;
  readonly contents: Uint8Array;
  /** Chunks this one imports statically (they must load before it runs). */
  readonly imports: readonly string[];
  /** Chunks it may import later, and the assets it references. */
  readonly loads: readonly string[];
  /** For an entry chunk, its entry's name (`player-scorm12`, `kit-cm-figure`). */
  readonly entry: string | undefined;
  /** The modules whose code it carries: absolute paths under components/, packages, virtual ids. */
  readonly moduleIds: readonly string[];
}

/** The player, built once for every target: no course content in it besides its interface strings. */
export interface PlayerBuild {
  readonly files: readonly PlayerFile[];
}

export interface PlayerInput {
  /** Target name -> absolute path of the module exporting its tracking entry (mount.ts `TrackingEntry`). */
  readonly adapters: ReadonlyMap<string, string>;
  /** Sources of `virtual:coursemark/messages` and `…/view-messages`: the strings in the course language. */
  readonly messages: string;
  readonly viewMessages: string;
  /** Kit name -> source of the kit module: what page modules import from the player (course-files.ts). */
  readonly kit: ReadonlyMap<string, string>;
}

export const playerEntryName = (target: string): string => `player-${target}`;
export const kitEntryName = (name: string): string => `kit-${name}`;

/**
 * Builds the player with Vite: one entry per target, exporting `start(course)` (mount.ts), and one
 * per kit module, exporting what page modules import, under the same names ('strict' entry
 * signatures). Chunks shared by the targets (Lit, the shell, the directive elements) are built once.
 * The pages are not in it: they are written apart (course-files.ts), so a page edit leaves every
 * file of this build, and so its cache (player-build-cache.ts), as it was.
 */
export async function buildPlayer(input: PlayerInput): Promise<PlayerBuild> {
  // Vite is the heaviest import of the build: load it only when the player is actually built.
  const { build } = await import('vite');
  const targets = [...input.adapters.keys()];
  const inShell = shellTest(new Set(targets.map(resolvedEntryId)));
  const inRuntime = reachedFrom([sessionModule, pageModule]);
  const inBrand = reachedFrom([brandModule]);
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
    plugins: [
      coursePlugin({ modules: { messages: input.messages, viewMessages: input.viewMessages }, mountModule, adapters: input.adapters, entries: 'start', kit: input.kit }),
      cssLiteralsPlugin(componentsDir),
    ],
    build: {
      write: false,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      reportCompressedSize: false,
      // index.html preloads the entry's static imports itself. For lazy chunks, Vite lists each one's
      // own imports so they load in parallel with it; course-plugin.ts replaces Vite's helper, and
      // no polyfill is needed (every browser the player supports has modulepreload).
      // The imported chunk itself is left out of its list: the import starts it anyway.
      modulePreload: { polyfill: false, resolveDependencies: (chunk, deps) => deps.filter((dep) => dep !== chunk) },
      assetsDir: 'assets',
      rollupOptions: {
        input: Object.fromEntries([
          ...targets.map((target) => [playerEntryName(target), entrySpecifier(target)]),
          ...[...input.kit.keys()].map((name) => [kitEntryName(name), kitSpecifier(name)]),
        ]),
        // The course file calls `start`, and page modules import the kit by name: entries keep their exports.
        preserveEntrySignatures: 'strict',
        output: {
          // Everything mount.ts imports, directly or not, is one chunk (the shell, with Lit): the
          // first paint loads it and the target's entry, nothing else. Left to itself, the bundler
          // splits out each module a lazy chunk shares with the shell, and the first paint waits for
          // a handful of small files.
          // The same goes for what the first view loads next: the session (player-session.ts), the
          // page base class (course-page.ts) and all they import besides the shell (scoring, the
          // question registry, the interface strings, prose styles, @lit/context's controllers)
          // is one chunk, the runtime, which the page kit and the tracking adapters import too.
          // Left apart, they were ten files the first page waited for, behind the browser's six
          // connections per host over HTTP/1.1.
          // A group also takes the modules its modules import, unless a group of higher priority
          // took them first: the shell takes Lit before the runtime, which imports it too, and the
          // chunk the brand chunk shares with it (player-brand.ts is preloaded with the shell) before it.
          codeSplitting: {
            groups: [
              { name: (id, context) => (inShell(id, (moduleId) => context.getModuleInfo(moduleId)) ? 'shell' : null), priority: 3 },
              {
                name: (id, context) => {
                  const infoOf = (moduleId: string) => context.getModuleInfo(moduleId);
                  return inBrand(id, infoOf) && inRuntime(id, infoOf) ? 'brand-shared' : null;
                },
                priority: 2,
              },
              { name: (id, context) => (inRuntime(id, (moduleId) => context.getModuleInfo(moduleId)) ? 'runtime' : null), priority: 1 },
            ],
          },
          entryFileNames: (chunk) => (chunk.name.startsWith('kit-') ? `assets/${chunk.name.slice('kit-'.length)}-[hash].js` : 'assets/[name]-[hash].js'),
          // The chunk every entry shares is the player shell; Rollup would name it after any one of its modules.
          chunkFileNames: (chunk) => (chunk.moduleIds.includes(mountModule) ? 'assets/shell-[hash].js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const encoder = new TextEncoder();
  const files = outputs.flatMap((output) =>
    output.output.map((item): PlayerFile => {
      if (item.type === 'asset') {
        return { fileName: item.fileName, contents: typeof item.source === 'string' ? encoder.encode(item.source) : item.source, imports: [], loads: [], entry: undefined, moduleIds: [] };
      }
      return {
        fileName: item.fileName,
        contents: encoder.encode(item.code),
        imports: item.imports,
        loads: [...item.dynamicImports, ...(item.viteMetadata?.importedAssets ?? []), ...(item.viteMetadata?.importedCss ?? [])],
        entry: item.isEntry ? item.name : undefined,
        // Modules whose code it carries (a module all of whose code was shaken off stays out).
        moduleIds: item.moduleIds.filter((id) => (item.modules[id]?.renderedLength ?? 0) > 0),
      };
    }),
  );
  return { files: files.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0)) };
}

type ModuleInfoOf = (id: string) => { readonly importers: readonly string[] } | null;
type ImportsOf = (id: string) => { readonly importedIds: readonly string[] } | null;

const mountModule = `${componentsDir}mount.ts`;
const sessionModule = `${componentsDir}player-session.ts`;
const pageModule = `${componentsDir}course-page.ts`;
// Preloaded with the shell for a course with a logo or fonts (bundle-course.ts): what it shares with
// the runtime (url-policy.ts) is a chunk of its own, taken before the runtime, or a branded
// course's first paint would load the whole runtime.
const brandModule = `${componentsDir}player-brand.ts`;
const RUNTIME = /^\0?rolldown[\\/]runtime/;

/**
 * Whether a module belongs in the shell: every target's entry imports it statically (directly or
 * through other modules). That is the player (mount.ts and all it imports, Lit included) and what
 * every tracking adapter shares. The kit's entries import from it.
 */
function shellTest(entries: ReadonlySet<string>): (id: string, infoOf: ModuleInfoOf) => boolean {
  const reachedBy = new Map<string, ReadonlySet<string>>();
  const entriesReaching = (id: string, infoOf: ModuleInfoOf, visiting: Set<string>): ReadonlySet<string> => {
    const known = reachedBy.get(id);
    if (known !== undefined) return known;
    if (entries.has(id)) return new Set([id]);
    if (visiting.has(id)) return new Set();
    visiting.add(id);
    const found = new Set<string>();
    for (const importer of infoOf(id)?.importers ?? []) for (const entry of entriesReaching(importer, infoOf, visiting)) found.add(entry);
    visiting.delete(id);
    // An answer met inside a cycle may miss entries reached through the module being visited:
    // only the outermost call's is complete.
    if (visiting.size === 0) reachedBy.set(id, found);
    return found;
  };
  // The bundler's own helpers (its runtime module has no importers in the graph) go with the shell too.
  return (id, infoOf) => RUNTIME.test(id) || (!entries.has(id) && entriesReaching(id, infoOf, new Set()).size === entries.size);
}

/**
 * Whether a module is one of `roots` or imported by one statically, directly or through other
 * modules: the set is walked down from the roots once, on the first question (a walk up the
 * importers for each module asked about went over the graph again and again).
 */
function reachedFrom(roots: readonly string[]): (id: string, infoOf: ImportsOf) => boolean {
  let reached: Set<string> | undefined;
  return (id, infoOf) => {
    if (reached === undefined) {
      const found = new Set<string>();
      const pending = [...roots];
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (found.has(next)) continue;
        found.add(next);
        pending.push(...(infoOf(next)?.importedIds ?? []));
      }
      reached = found;
    }
    return reached.has(id);
  };
}

/** The entry chunk named `name` (playerEntryName, kitEntryName). */
export function entryFile(player: PlayerBuild, name: string): PlayerFile {
  const file = player.files.find((candidate) => candidate.entry === name);
  if (file === undefined) throw new Error(`The player build has no entry ${name}.`);
  return file;
}

/** The chunks `file` needs before it runs, transitively (for `<link rel="modulepreload">`), sorted. */
export function staticImports(player: PlayerBuild, file: PlayerFile): string[] {
  const byName = new Map(player.files.map((item) => [item.fileName, item]));
  const seen = new Set<string>();
  const visit = (item: PlayerFile): void => {
    for (const name of item.imports) {
      const next = byName.get(name);
      if (seen.has(name) || next === undefined) continue;
      seen.add(name);
      visit(next);
    }
  };
  visit(file);
  return [...seen].sort();
}

/** Every file the given ones can load: static and later imports, and the assets they reference. */
export function reachableFiles(player: PlayerBuild, from: readonly PlayerFile[]): PlayerFile[] {
  const byName = new Map(player.files.map((item) => [item.fileName, item]));
  const seen = new Set<PlayerFile>();
  const visit = (item: PlayerFile | undefined): void => {
    if (item === undefined || seen.has(item)) return;
    seen.add(item);
    for (const name of [...item.imports, ...item.loads]) visit(byName.get(name));
  };
  for (const file of from) visit(file);
  return [...seen];
}
