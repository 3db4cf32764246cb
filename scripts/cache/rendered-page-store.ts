import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CourseModel, PageModel } from '../model/course-model.js';
import { codeFingerprint } from './code-fingerprint.js';
import { pageInputs, type PageRenderOptions } from './page-module-cache.js';

// One file: MAGIC, the SHA-256 of the payload, the payload (a Map of key -> page source in V8's
// serialization format: reading it back copies strings, where JSON would unescape every quote).
const MAGIC = Buffer.from('coursemark pages 2\n');
const DIGEST = 32;
const FILE = 'pages.bin';

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** The entries in a file's bytes, or an empty map when they are not an intact pages file. */
function decodePages(bytes: Buffer | undefined): ReadonlyMap<string, string> {
  const empty = new Map<string, string>();
  if (bytes === undefined || bytes.length <= MAGIC.length + DIGEST || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return empty;
  const payload = bytes.subarray(MAGIC.length + DIGEST);
  if (!sha256(payload).equals(bytes.subarray(MAGIC.length, MAGIC.length + DIGEST))) return empty;
  try {
    const value: unknown = deserialize(payload);
    if (!(value instanceof Map) || ![...value].every(([key, source]) => typeof key === 'string' && typeof source === 'string')) return empty;
    return value as Map<string, string>;
  } catch {
    return empty;
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
    const payload = serialize(this.used);
    const path = join(folder, FILE);
    const staging = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(staging, Buffer.concat([MAGIC, sha256(payload), payload]));
      await rename(staging, path);
    } catch {
      // A cache that cannot be written only makes the next build slower.
      await rm(staging, { force: true }).catch(() => undefined);
    }
  }
}
