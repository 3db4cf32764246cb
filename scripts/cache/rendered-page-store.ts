import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCacheFile } from './cache-file.js';
import type { CourseModel, PageModel } from '../model/course-model.js';
import { codeFingerprint } from './code-fingerprint.js';
import { pageInputs, type PageRenderOptions } from './page-module-cache.js';
import { decodeRecords, encodeRecords } from './record-file.js';

// One file of checked records (record-file.ts): a page's key, then its module's source as UTF-8.
// Pages kept from one build to the next are written back as the bytes that were read, so saving
// after a one-page edit re-encodes that page only.
const MAGIC = Buffer.from('coursemark pages 3\n');
const FILE = 'pages.bin';

/**
 * Rendered page modules kept on disk between CLI builds (`<cache>/pages.bin`), so a rebuild after
 * editing one page renders that page only. A page's key covers everything its module is made from:
 * the code (codeFingerprint), its file's path and text, and what the model decides for it
 * (pageInputs: link and image URLs, asset paths, its questions and activities, the render
 * options). One file for the course: one read and at most one write per build. Entries the build
 * did not use are dropped when it saves; a damaged record (its CRC) is rendered again, and a file
 * of another format counts as empty.
 */
export class RenderedPageStore {
  private readonly used = new Map<string, Uint8Array>();
  private changed = false;

  private constructor(
    private readonly folder: string | undefined,
    private readonly fingerprint: string,
    private readonly known: ReadonlyMap<string, Uint8Array>,
  ) {}

  static async open(folder: string | undefined): Promise<RenderedPageStore> {
    const fingerprint = await codeFingerprint();
    const bytes = folder === undefined ? undefined : await readFile(join(folder, FILE)).catch(() => undefined);
    return new RenderedPageStore(folder, fingerprint, bytes === undefined ? new Map() : decodeRecords(MAGIC, bytes));
  }

  /** The `renderPage` option of renderModules for one model. */
  forModel(model: CourseModel, options: PageRenderOptions): (page: PageModel, render: () => string) => string {
    const inputsOf = pageInputs(model, options);
    return (page, render) => {
      const { file } = page.section;
      const key = createHash('sha256').update(`${this.fingerprint}\0${file.path}\0${inputsOf(page)}\0`).update(String(file.value)).digest('hex');
      const known = this.known.get(key);
      if (known !== undefined) {
        this.used.set(key, known);
        return Buffer.from(known.buffer, known.byteOffset, known.byteLength).toString('utf8');
      }
      const source = render();
      this.changed = true;
      this.used.set(key, Buffer.from(source, 'utf8'));
      return source;
    };
  }

  /** Writes the entries this build used (atomically), when any is new or any old one went unused. */
  async save(): Promise<void> {
    const folder = this.folder;
    const dropped = [...this.known.keys()].some((key) => !this.used.has(key));
    if (folder === undefined || (!this.changed && !dropped)) return;
    await writeCacheFile(join(folder, FILE), encodeRecords(MAGIC, this.used));
  }
}
