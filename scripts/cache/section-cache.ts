import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { InputLimits } from '../limits/input-limits.js';
import { isSectionAnalysis, type SectionAnalysis } from '../parse/section-analysis.js';
import { sha256, writeCacheFile } from './cache-file.js';
import { codeFingerprint } from './code-fingerprint.js';

// One file per section: MAGIC, the entry's key, the SHA-256 of the payload, then the payload (the
// SectionAnalysis in V8's serialization format, which keeps the Maps keyed by tree nodes). A file
// that is short, foreign, renamed or damaged fails one of these checks and is parsed again.
const MAGIC = Buffer.from('coursemark section 1\n');
const DIGEST = 32;
const HEADER = MAGIC.length + 2 * DIGEST;
const ENTRY = /^[0-9a-f]{64}\.bin$/;


/**
 * Parsed and analysed sections by content hash, for rebuilds: in memory (the preview keeps one
 * across edits) and, given a folder, on disk (the CLI's `<cache>/sections/`). A key covers every
 * input of the analysis (course path, text, input limits, the code: see codeFingerprint), so a hit
 * is exactly what parsing again would give. Entries not used by the latest check are dropped by
 * `save`, which keeps the cache as large as the course and no larger.
 */
export class SectionCache {
  private readonly memory = new Map<string, SectionAnalysis>();
  private readonly used = new Set<string>();
  private readonly unsaved = new Map<string, Uint8Array>();

  private constructor(
    private readonly folder: string | undefined,
    private readonly fingerprint: string,
  ) {}

  /** A cache in memory, kept on disk in `folder` when one is given. */
  static async open(folder?: string): Promise<SectionCache> {
    return new SectionCache(folder, await codeFingerprint());
  }

  keyOf(path: string, text: string, limits: InputLimits): string {
    return createHash('sha256').update(`${this.fingerprint}\0${limits.maxPageSize}\0${limits.maxNesting}\0${path}\0`).update(text).digest('hex');
  }

  /** The cached analysis of each key, or undefined where there is none (or only a damaged one). */
  async lookup(keys: readonly string[]): Promise<(SectionAnalysis | undefined)[]> {
    return Promise.all(
      keys.map(async (key) => {
        this.used.add(key);
        const known = this.memory.get(key);
        if (known !== undefined || this.folder === undefined) return known;
        const bytes = await readFile(join(this.folder, `${key}.bin`)).catch(() => undefined);
        const analysis = bytes === undefined ? undefined : decodeEntry(bytes, key);
        if (analysis !== undefined) this.memory.set(key, analysis);
        return analysis;
      }),
    );
  }

  /** Records a fresh analysis; `payload` is its serialized form when the caller already has it. */
  store(key: string, analysis: SectionAnalysis, payload?: Uint8Array): void {
    this.used.add(key);
    this.memory.set(key, analysis);
    if (this.folder !== undefined) this.unsaved.set(key, payload ?? serialize(analysis));
  }

  /**
   * Writes the new entries (each atomically: a temporary file renamed into place) and drops every
   * entry the checks since the last save did not use. A cache that cannot be written is only
   * slower next time: write errors are ignored, never reported as build failures.
   */
  async save(): Promise<void> {
    for (const key of this.memory.keys()) if (!this.used.has(key)) this.memory.delete(key);
    const used = new Set(this.used);
    const unsaved = [...this.unsaved];
    this.used.clear();
    this.unsaved.clear();
    const folder = this.folder;
    if (folder === undefined) return;
    if (!(await mkdir(folder, { recursive: true }).then(() => true, () => false))) return;
    await Promise.all(unsaved.map(([key, payload]) => writeCacheFile(join(folder, `${key}.bin`), encodeEntry(key, payload))));
    const names = await readdir(folder).catch((): string[] => []);
    await Promise.all(names.filter((name) => !ENTRY.test(name) || !used.has(name.slice(0, -'.bin'.length))).map((name) => rm(join(folder, name), { force: true, recursive: true }).catch(() => undefined)));
  }
}

function encodeEntry(key: string, payload: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, Buffer.from(key, 'hex'), sha256(payload), payload]);
}

/** The analysis in an entry's bytes, or undefined when they are not an intact entry for `key`. */
export function decodeEntry(bytes: Buffer, key: string): SectionAnalysis | undefined {
  if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (bytes.subarray(MAGIC.length, MAGIC.length + DIGEST).toString('hex') !== key) return undefined;
  const payload = bytes.subarray(HEADER);
  if (!sha256(payload).equals(bytes.subarray(MAGIC.length + DIGEST, HEADER))) return undefined;
  try {
    const value: unknown = deserialize(payload);
    return isSectionAnalysis(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
