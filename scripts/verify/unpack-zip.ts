import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import type { OutputFile } from '../bundle/bundle-course.js';
import { printable } from '../diagnostics/printable.js';
import { finding, type Finding } from '../package/findings.js';
import { MANIFEST_FILES } from '../package/package-files.js';
import { readZipDirectory, ZIP_LIMITS, ZipDamaged, type ZipDirectory, type ZipEntry, type ZipLimits } from './zip-directory.js';
import type { ZipSource } from './zip-source.js';

export interface UnpackedPackage {
  /**
   * Every file unpacked, by package path. Only the manifests at the root and other XML files (a
   * cartridge's quizzes and web links, 64 MiB in all) carry their bytes, for the package checker
   * and the launch; the other files are on disk only.
   */
  readonly files: readonly OutputFile[];
  /** Entries left out, and why; or, when `refused`, why nothing was unpacked. */
  readonly findings: readonly Finding[];
  /** The archive as a whole was refused (limits, overlapping data, a lying header): nothing is in the folder. */
  readonly refused: boolean;
}

const CHUNK = 64 * 1024;
// A manifest is a few KB; the checker parses it in memory, so a larger one is not read back.
const MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_LISTED = 20;
// A Common Cartridge's quizzes and web links are XML files the checker reads too: kept up to this much in all.
const KEPT_XML_BYTES = 64 * 1024 * 1024;
const MANIFESTS: ReadonlySet<string> = new Set(Object.values(MANIFEST_FILES));

/** Why an entry name cannot be unpacked inside the folder (reliability S9, the "zip slip"), or undefined. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'has an empty name';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.includes('\\')) return 'contains "\\", a folder separator on Windows';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains a control character';
  if (name.split('/').some((segment) => segment === '..')) return 'contains "..", which leads out of the package';
  if (name.split('/').some((segment) => new TextEncoder().encode(segment).byteLength > 255)) return 'has a name longer than file systems allow';
  return undefined;
}

/** More bytes came out of an entry than its header declared: the sizes checked beforehand were a lie. */
class Overflow extends Error {}

async function* compressed(source: ZipSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < entry.compressedSize; offset += CHUNK) {
    const chunk = await source.read(entry.dataOffset + offset, Math.min(CHUNK, entry.compressedSize - offset));
    if (chunk.byteLength === 0) throw new ZipDamaged('the archive ends inside an entry');
    yield chunk;
  }
}

/**
 * Streams one entry to `path`: inflated a chunk at a time, counted as it comes, stopped the moment
 * it passes its declared size, its CRC-32 checked at the end. Returns the bytes when `keep`.
 */
async function extract(source: ZipSource, entry: ZipEntry, path: string, keep: boolean): Promise<Uint8Array | undefined> {
  let produced = 0;
  let crc = 0;
  const kept: Uint8Array[] = [];
  await pipeline(
    Readable.from(compressed(source, entry)),
    entry.method === 8 ? createInflateRaw({ chunkSize: CHUNK }) : new PassThrough(),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        produced += chunk.byteLength;
        if (produced > entry.size) throw new Overflow();
        crc = crc32(chunk, crc);
        if (keep) kept.push(chunk);
        yield chunk;
      }
    },
    // wx: never follows or replaces anything already there.
    createWriteStream(path, { flags: 'wx', mode: 0o600 }),
  );
  if (produced !== entry.size || crc >>> 0 !== entry.crc32 >>> 0) throw new ZipDamaged(produced !== entry.size ? `it inflates to ${produced} bytes, not the ${entry.size} its header declares` : 'its CRC-32 does not match');
  return keep ? Buffer.concat(kept) : undefined;
}

/**
 * Unpacks a zip from anyone into `folder` (which must exist and be empty), refusing what could
 * escape it or exhaust the machine (scripts/verify/README.md): the archive is checked against the
 * limits before anything is inflated; each entry is written only inside the folder, only as a
 * regular file, only once; nothing is held in memory but the manifests. Throws ZipDamaged when
 * the file cannot be read as a zip at all.
 */
export async function unpackZip(source: ZipSource, folder: string, limits: ZipLimits = ZIP_LIMITS): Promise<UnpackedPackage> {
  return unpackDirectory(source, await readZipDirectory(source, limits), folder);
}

/**
 * unpackZip's second half, for a caller that starts other work once the archive's directory is
 * read and checked against the limits (verify launches the browser while the entries inflate).
 */
export async function unpackDirectory(source: ZipSource, directory: ZipDirectory, folder: string): Promise<UnpackedPackage> {
  if (directory.refused.length > 0) return { files: [], findings: directory.refused, refused: true };
  const root = resolve(folder);
  const findings: Finding[] = [];
  const files: OutputFile[] = [];
  const seen = new Map<string, number>();
  const reported = new Set<string>();
  for (const entry of directory.entries) seen.set(entry.name, (seen.get(entry.name) ?? 0) + 1);
  let keptXml = 0;
  for (const entry of directory.entries) {
    const shown = printable(entry.name);
    const unsafe = unsafeEntryName(entry.name);
    if (unsafe !== undefined) {
      findings.push(finding('path-invalid', `${shown}: refused, the entry ${unsafe}; it was not unpacked.`));
      continue;
    }
    if (entry.kind === 'folder') continue;
    if (entry.kind !== 'file') {
      findings.push(finding('zip-symlink', `${shown}: refused, the entry is ${entry.kind === 'symlink' ? 'a symbolic link' : 'a device, pipe or socket'}, not a file; it was not unpacked. LMSs unpack regular files only.`));
      continue;
    }
    if ((seen.get(entry.name) ?? 0) > 1) {
      if (!reported.has(entry.name)) findings.push(finding('path-duplicate', `${shown}: the name appears ${seen.get(entry.name)} times; tools differ on which one they keep, so none was unpacked.`));
      reported.add(entry.name);
      continue;
    }
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) {
      findings.push(finding('zip-unsupported', `${shown}: ${(entry.flags & 1) !== 0 ? 'encrypted' : `compressed with method ${entry.method}`}; LMSs read stored or deflated entries only, so it was not unpacked.`));
      continue;
    }
    const path = resolve(root, ...entry.name.split('/'));
    // The names were checked above; this is the containment check that does not depend on them.
    if (!path.startsWith(root + sep)) {
      findings.push(finding('path-invalid', `${shown}: refused, the entry leads out of the package; it was not unpacked.`));
      continue;
    }
    const manifest = MANIFESTS.has(entry.name);
    const xml = !manifest && entry.name.toLowerCase().endsWith('.xml') && entry.size <= MANIFEST_BYTES && keptXml + entry.size <= KEPT_XML_BYTES;
    if (xml) keptXml += entry.size;
    try {
      await mkdir(dirname(path), { recursive: true });
      const bytes = await extract(source, entry, path, (manifest && entry.size <= MANIFEST_BYTES) || xml);
      files.push({ path: entry.name, contents: bytes ?? new Uint8Array() });
      if (manifest && bytes === undefined) findings.push(finding('zip-size', `${shown}: a manifest of ${entry.size} bytes is too large to check (at most ${MANIFEST_BYTES}).`));
    } catch (error) {
      if (error instanceof Overflow) {
        await rm(root, { recursive: true, force: true });
        await mkdir(root);
        return { files: [], findings: [finding('zip-size', `${shown}: inflates to more than the ${entry.size} bytes its header declares, so the sizes checked beforehand mean nothing; unpacking stopped.`)], refused: true };
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
        findings.push(finding('path-invalid', `${shown}: a file and a folder of the package have the same name; it was not unpacked.`));
        continue;
      }
      await rm(path, { force: true });
      findings.push(finding('zip-damaged', `${shown}: cannot be unpacked: ${error instanceof Error ? printable(error.message) : String(error)}.`));
    }
  }
  // A package can hold thousands of bad entries: the report names the first ones and counts the rest.
  const listed = findings.length > MAX_LISTED ? [...findings.slice(0, MAX_LISTED), finding('zip-entries', `${findings.length - MAX_LISTED} more entries were refused or damaged, as above.`)] : findings;
  return { files, findings: listed, refused: false };
}
