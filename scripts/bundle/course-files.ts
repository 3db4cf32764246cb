import { createHash } from 'node:crypto';
import { init, parse } from 'es-module-lexer';
import type { CourseOutline } from '../../components/course-data.js';
import type { RenderedModules } from '../render/render-modules.js';
import { entryFile, kitEntryName, staticImports, type PlayerBuild, type PlayerFile } from './player-build.js';

/**
 * The course's own files, written next to the player without Vite: one module per page, the
 * support panel's content, the course data, and per target the course file index.html loads,
 * which hands the outline and the loaders of everything else to the player (`start`, mount.ts).
 * Each file is named by its content, so a page edit changes that page's file and the course file,
 * and leaves every other file (and its compressed zip entry) as it was.
 *
 * Page modules import player code (Lit's `html`, the page base class, directive elements); those
 * imports are pointed at the player build's kit entry, which exports the same names.
 */

/** What the course's generated modules import from the player: specifier -> the names imported. */
export type Kit = ReadonlyMap<string, ReadonlySet<string>>;

/** One file of the output, named by its content. */
export interface CourseFile {
  readonly fileName: string;
  readonly contents: Uint8Array;
}

const IMPORT_CLAUSE = /^import\s*\{([^}]*)\}\s*from\s*["'][^"']*["']\s*;?$/;

/** Reads the imports of the generated modules (each a static `import { a, b } from "…"`). */
export async function kitOf(modules: RenderedModules): Promise<Kit> {
  await init;
  const kit = new Map<string, Set<string>>();
  for (const source of generatedSources(modules)) {
    const [imports] = parse(source);
    for (const entry of imports) {
      const clause = IMPORT_CLAUSE.exec(source.slice(entry.ss, entry.se));
      // The render stage writes these modules: anything else is a bug there, not an author mistake.
      if (entry.n === undefined || entry.d !== -1 || clause === null) throw new Error(`A generated module has an import the build cannot link: ${source.slice(entry.ss, entry.se)}`);
      const names = kit.get(entry.n) ?? new Set<string>();
      for (const part of (clause[1] ?? '').split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0];
        if (name) names.add(name);
      }
      kit.set(entry.n, names);
    }
  }
  return kit;
}

/** The kit's entry name: one chunk for everything the course's modules import from the player. */
export const KIT = 'kit';

/**
 * Source of the kit module: re-exports every name the course's modules import, from its specifier.
 * One kit, not one per specifier: a page then loads one file for Lit's `html`, the page base class
 * and its directive elements, where one per specifier made a handful of small files (re-exports of
 * the shell among them), each a request the first page waited for behind the browser's six
 * connections per host (HTTP/1.1). The names are the components' exports, unique among them.
 */
export function kitModule(kit: Kit): string {
  const owners = new Map<string, string>();
  const lines: string[] = [];
  for (const [specifier, names] of [...kit].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const name of names) {
      const owner = owners.get(name);
      // The render stage writes these imports: two modules exporting one name is a bug there.
      if (owner !== undefined) throw new Error(`The generated modules import ${name} from both ${owner} and ${specifier}.`);
      owners.set(name, specifier);
    }
    lines.push(`export { ${[...names].sort().join(', ')} } from ${JSON.stringify(specifier)};\n`);
  }
  return lines.join('');
}

/** The course's files and, per target, its course file; all paths under `assets/`. */
export interface CourseFiles {
  /** Pages, support and details: the same in every package. */
  readonly shared: readonly CourseFile[];
  /** Target -> the course file its index.html loads. */
  readonly courseFile: ReadonlyMap<string, CourseFile>;
}

export interface CourseFilesInput {
  readonly outline: CourseOutline;
  readonly modules: RenderedModules;
  readonly kit: Kit;
  readonly player: PlayerBuild;
  /** Target -> the player entry chunk it starts (playerEntryName). */
  readonly entries: ReadonlyMap<string, PlayerFile>;
}

export async function courseFiles(input: CourseFilesInput): Promise<CourseFiles> {
  await init;
  const kitFiles = kitEntryFiles(input.kit, input.player);
  const pages = [...input.modules.pages].map(([id, source]) => {
    const linked = linkImports(source, kitFiles);
    return { ...namedFile(safeName(id) || 'page', linked.source), uses: linked.uses };
  });
  const support = input.modules.support === undefined ? undefined : namedFile('support', linkImports(input.modules.support, kitFiles).source);
  const details = namedFile('details', input.modules.details);
  const courseFile = new Map<string, CourseFile>();
  for (const [target, entry] of input.entries) {
    courseFile.set(target, namedFile('course', startSource(input, entry, pages, support, details)));
  }
  return { shared: [...pages.map(({ fileName, contents }) => ({ fileName, contents })), ...(support ? [support] : []), details], courseFile };
}

/** Specifier -> the kit entry chunk that exports its names. */
function kitEntryFiles(kit: Kit, player: PlayerBuild): Map<string, PlayerFile> {
  if (kit.size === 0) return new Map();
  const file = entryFile(player, kitEntryName(KIT));
  return new Map([...kit.keys()].map((specifier) => [specifier, file]));
}

/**
 * `source` with each import's specifier replaced by the kit chunk beside it (all files are in
 * assets/), and the kit chunks it imports.
 */
function linkImports(source: string, kitFiles: ReadonlyMap<string, PlayerFile>): { readonly source: string; readonly uses: readonly PlayerFile[] } {
  const [imports] = parse(source);
  const uses: PlayerFile[] = [];
  let linked = '';
  let at = 0;
  for (const entry of imports) {
    const file = entry.n === undefined ? undefined : kitFiles.get(entry.n);
    if (file === undefined) throw new Error(`A generated module imports ${entry.n ?? '?'}, which the player build does not export.`);
    uses.push(file);
    linked += `${source.slice(at, entry.s)}./${baseName(file.fileName)}`;
    at = entry.e;
  }
  return { source: linked + source.slice(at), uses };
}

/**
 * The course file of one target: imports the target's `start` and calls it with the outline and
 * loaders. A page's loader also starts the player chunks the page imports, so they download in
 * parallel with the page instead of after it; those the entry already loaded are left out.
 */
function startSource(input: CourseFilesInput, entry: PlayerFile, pages: readonly (CourseFile & { readonly uses: readonly PlayerFile[] })[], support: CourseFile | undefined, details: CourseFile): string {
  const closures = new Map<PlayerFile, readonly string[]>();
  const closure = (file: PlayerFile): readonly string[] => {
    let known = closures.get(file);
    if (known === undefined) closures.set(file, (known = [file.fileName, ...staticImports(input.player, file)]));
    return known;
  };
  const loaded = new Set(closure(entry));
  const table: string[] = [];
  const indexOf = (name: string): number => {
    const known = table.indexOf(name);
    if (known >= 0) return known;
    table.push(name);
    return table.length - 1;
  };
  const loaders = pages.map((page) => {
    const deps = new Set(page.uses.flatMap(closure).filter((name) => !loaded.has(name)));
    return `page(${JSON.stringify(`./${baseName(page.fileName)}`)}, [${[...deps].sort().map(indexOf).join(',')}])`;
  });
  const relative = (file: CourseFile): string => JSON.stringify(`./${baseName(file.fileName)}`);
  return [
    `import { start } from ${JSON.stringify(`./${baseName(entry.fileName)}`)};`,
    `const files = ${JSON.stringify(table.map((name) => `./${baseName(name)}`))};`,
    'const page = (file, deps) => () => {',
    '  for (const dep of deps) import(files[dep]).catch(() => undefined);',
    '  return import(file);',
    '};',
    'start({',
    `  outline: ${JSON.stringify(input.outline)},`,
    `  details: () => import(${relative(details)}),`,
    `  support: ${support === undefined ? 'undefined' : `() => import(${relative(support)})`},`,
    `  pages: [\n    ${loaders.join(',\n    ')},\n  ],`,
    '});',
    '',
  ].join('\n');
}

function namedFile(name: string, source: string): CourseFile {
  const contents = new TextEncoder().encode(source);
  // Eight URL-safe characters of a SHA-256, as Vite names its chunks.
  const hash = createHash('sha256').update(contents).digest('base64url').slice(0, 8);
  return { fileName: `assets/${name}-${hash}.js`, contents };
}

/** Letters, digits, `_` and `-` only: a page id becomes part of a file name in every LMS's file store. */
const safeName = (name: string): string => name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60);
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function generatedSources(modules: RenderedModules): string[] {
  return [...modules.pages.values(), ...(modules.support === undefined ? [] : [modules.support])];
}
