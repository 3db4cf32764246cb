import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { seal, unseal, writeCacheFile } from './cache-file.js';
import type { CourseModel, PageModel } from '../model/course-model.js';
import { codeFingerprint } from './code-fingerprint.js';
import { pageInputs, type PageRenderOptions } from './page-module-cache.js';

// One file: MAGIC, the SHA-256 of the payload, the payload (a Map of key -> page source in V8's
// serialization format: reading it back copies strings, where JSON would unescape every quote).
const MAGIC = Buffer.from('coursemark pages 2\n');
const FILE = 'pages.bin';

/** The entries in a file's bytes, or an empty map when they are not an intact pages file. */
function decodePages(bytes: Buffer | undefined): ReadonlyMap<string, string> {
  const payload = unseal(bytes, MAGIC);
  if (payload === undefined) return new Map();
  try {
    const value: unknown = deserialize(payload);
    if (!(value instanceof Map) || ![...value].every(([key, source]) => typeof key === 'string' && typeof source === 'string')) return new Map();
    return value as Map<string, string>;
  } catch {
    return new Map();
  }
}

/**
 * Rendered page modules kept on disk between CLI builds (`<cache>/pages.bin`), so a rebuild after
 * editing one page renders that page only. A page's key covers everything its module is made from:
 * the code (codeFingerprint), its file's path and text, and what the model decides for it
 * (pageInputs: link and image URLs, asset paths, its questions and activities, the render
 * options). One file for the course: one read and at most one write per build. Entries the build
 * did not use are dropped when it saves; a file that is damaged (its digest) counts as empty.
 */
export class RenderedPageStore {
  private readonly used = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly folder: string | undefined,
    private readonly fingerprint: string,
    private readonly known: ReadonlyMap<string, string>,
  ) {}

  static async open(folder: string | undefined): Promise<RenderedPageStore> {
    const fingerprint = await codeFingerprint();
    const bytes = folder === undefined ? undefined : await readFile(join(folder, FILE)).catch(() => undefined);
    return new RenderedPageStore(folder, fingerprint, decodePages(bytes));
  }

  /** The `renderPage` option of renderModules for one model. */
  forModel(model: CourseModel, options: PageRenderOptions): (page: PageModel, render: () => string) => string {
    const inputsOf = pageInputs(model, options);
    return (page, render) => {
      const { file } = page.section;
      const key = createHash('sha256').update(`${this.fingerprint}\0${file.path}\0${inputsOf(page)}\0`).update(String(file.value)).digest('hex');
      const known = this.known.get(key);
      const source = known ?? render();
      if (known === undefined) this.changed = true;
      this.used.set(key, source);
      return source;
    };
  }

  /** Writes the entries this build used (atomically), when any is new or any old one went unused. */
  async save(): Promise<void> {
    const folder = this.folder;
    const dropped = [...this.known.keys()].some((key) => !this.used.has(key));
    if (folder === undefined || (!this.changed && !dropped)) return;
    await writeCacheFile(join(folder, FILE), seal(serialize(this.used), MAGIC));
  }
}
