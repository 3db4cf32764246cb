import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { InputLimits } from '../limits/input-limits.js';
import { isSectionAnalysis, type SectionAnalysis } from '../parse/section-analysis.js';
import { writeCacheFile } from './cache-file.js';
import { codeFingerprint } from './code-fingerprint.js';
import { decodeRecords, encodeRecords } from './record-file.js';

// One file for the course (one read and at most one write per build, where a file per section
// cost a few hundred opens): records of a section's key and its SectionAnalysis in V8's
// serialization format, which keeps the Maps keyed by tree nodes (record-file.ts).
const MAGIC = Buffer.from('coursemark sections 2\n');
const FILE = 'analyses.bin';

/**
 * Parsed and analysed sections by content hash, for rebuilds: in memory (the preview keeps one
 * across edits) and, given a folder, on disk (the CLI's `<cache>/sections/analyses.bin`). A key
 * covers every input of the analysis (course path, text, input limits, the code: see
 * codeFingerprint), so a hit is exactly what parsing again would give. Entries not used by the
 * latest check are dropped by `save`, which keeps the cache as large as the course and no larger.
 * A damaged record is parsed again; the rest of the file still counts.
 */
export class SectionCache {
  private readonly memory = new Map<string, SectionAnalysis>();
  private readonly used = new Set<string>();
  private readonly unsaved = new Map<string, Uint8Array>();
  /** Serialized analyses as the file held them, by key: read once, decoded when looked up. */
  private stored: Promise<ReadonlyMap<string, Uint8Array>> | undefined;

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
    const stored = await this.read();
    return keys.map((key) => {
      this.used.add(key);
      const known = this.memory.get(key);
      if (known !== undefined) return known;
      const payload = stored.get(key);
      const analysis = payload === undefined ? undefined : decodeAnalysis(payload);
      if (analysis !== undefined) this.memory.set(key, analysis);
      return analysis;
    });
  }

  /** Records a fresh analysis; `payload` is its serialized form when the caller already has it. */
  store(key: string, analysis: SectionAnalysis, payload?: Uint8Array): void {
    this.used.add(key);
    this.memory.set(key, analysis);
    if (this.folder !== undefined) this.unsaved.set(key, payload ?? serialize(analysis));
  }

  /**
   * Writes the file again (atomically: a temporary file renamed into place) when an entry is new or
   * one went unused since the last save, with the entries the checks since then used; anything else
   * in the folder (files of other versions) goes. A cache that cannot be written is only slower
   * next time: write errors are ignored, never reported as build failures.
   */
  async save(): Promise<void> {
    for (const key of this.memory.keys()) if (!this.used.has(key)) this.memory.delete(key);
    const used = [...this.used].sort();
    const unsaved = new Map(this.unsaved);
    this.used.clear();
    this.unsaved.clear();
    const folder = this.folder;
    if (folder === undefined) return;
    const stored = await this.read();
    const kept = new Set(used);
    const dropped = [...stored.keys()].some((key) => !kept.has(key));
    const records = new Map(used.flatMap((key) => {
      const payload = unsaved.get(key) ?? stored.get(key);
      return payload === undefined ? [] : [[key, payload] as const];
    }));
    // What the file holds from now on: the next check in this process (the preview) reads it here.
    this.stored = Promise.resolve(records);
    if (unsaved.size > 0 || dropped) await writeCacheFile(join(folder, FILE), encodeRecords(MAGIC, records));
    const names = await readdir(folder).catch((): string[] => []);
    await Promise.all(names.filter((name) => name !== FILE).map((name) => rm(join(folder, name), { force: true, recursive: true }).catch(() => undefined)));
  }

  private read(): Promise<ReadonlyMap<string, Uint8Array>> {
    const folder = this.folder;
    this.stored ??= folder === undefined ? Promise.resolve(new Map()) : readFile(join(folder, FILE)).then((bytes) => decodeRecords(MAGIC, bytes), () => new Map());
    return this.stored;
  }
}

/** The analysis in a record's payload, or undefined when it does not decode to one. */
function decodeAnalysis(payload: Uint8Array): SectionAnalysis | undefined {
  try {
    const value: unknown = deserialize(payload);
    return isSectionAnalysis(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
