import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CourseModel, PageModel } from '../model/course-model.js';
import { codeFingerprint } from './code-fingerprint.js';
import { pageInputs, type PageRenderOptions } from './page-module-cache.js';

const FORMAT = 'coursemark pages 1';
const FILE = 'pages.json';

interface StoredPages {
  readonly format: string;
  /** Key -> the page module's source. */
  readonly entries: Readonly<Record<string, string>>;
}

const isStoredPages = (value: unknown): value is StoredPages =>
  typeof value === 'object' &&
  value !== null &&
  Reflect.get(value, 'format') === FORMAT &&
  typeof Reflect.get(value, 'entries') === 'object' &&
  Object.values(Reflect.get(value, 'entries') as object).every((source) => typeof source === 'string');

/**
 * Rendered page modules kept on disk between CLI builds (`<cache>/pages.json`), so a rebuild after
 * editing one page renders that page only. A page's key covers everything its module is made from:
 * the code (codeFingerprint), its file's path and text, and what the model decides for it
 * (pageInputs: link and image URLs, asset paths, its questions and activities, the render
 * options). One file for the course: one read and at most one write per build. Entries the build
 * did not use are dropped when it saves; a file that cannot be read or parsed counts as empty.
 */
export class RenderedPageStore {
  private readonly used = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly folder: string | undefined,
    private readonly fingerprint: string,
    private readonly known: Readonly<Record<string, string>>,
  ) {}

  static async open(folder: string | undefined): Promise<RenderedPageStore> {
    const fingerprint = await codeFingerprint();
    if (folder === undefined) return new RenderedPageStore(undefined, fingerprint, {});
    const text = await readFile(join(folder, FILE), 'utf8').catch(() => undefined);
    let stored: unknown;
    try {
      stored = text === undefined ? undefined : JSON.parse(text);
    } catch {
      stored = undefined;
    }
    return new RenderedPageStore(folder, fingerprint, isStoredPages(stored) ? stored.entries : {});
  }

  /** The `renderPage` option of renderModules for one model. */
  forModel(model: CourseModel, options: PageRenderOptions): (page: PageModel, render: () => string) => string {
    const inputsOf = pageInputs(model, options);
    return (page, render) => {
      const { file } = page.section;
      const key = createHash('sha256').update(`${this.fingerprint}\0${file.path}\0${inputsOf(page)}\0`).update(String(file.value)).digest('hex');
      const known = Object.hasOwn(this.known, key) ? this.known[key] : undefined;
      const source = known ?? render();
      if (known === undefined) this.changed = true;
      this.used.set(key, source);
      return source;
    };
  }

  /** Writes the entries this build used (atomically), when any is new or any old one went unused. */
  async save(): Promise<void> {
    const folder = this.folder;
    const dropped = Object.keys(this.known).some((key) => !this.used.has(key));
    if (folder === undefined || (!this.changed && !dropped)) return;
    const stored: StoredPages = { format: FORMAT, entries: Object.fromEntries(this.used) };
    const path = join(folder, FILE);
    const staging = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(staging, JSON.stringify(stored));
      await rename(staging, path);
    } catch {
      // A cache that cannot be written only makes the next build slower.
      await rm(staging, { force: true }).catch(() => undefined);
    }
  }
}
