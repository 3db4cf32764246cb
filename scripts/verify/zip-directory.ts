import { finding, type Finding } from '../package/findings.js';
import { printable } from '../diagnostics/printable.js';
import type { ZipSource } from './zip-source.js';

/**
 * What `coursemark verify` accepts from a zip before it unpacks anything (scripts/verify/README.md).
 * A package is a file from anyone; these bound the disk, memory and time one can make verify spend.
 */
export interface ZipLimits {
  /** Entries in the central directory, folders included. */
  readonly entries: number;
  /** Inflated size of one entry. */
  readonly entryBytes: number;
  /** Inflated size of all entries together. */
  readonly totalBytes: number;
  /** Inflated size over compressed size, for entries that inflate to more than `ratioFloor`. */
  readonly ratio: number;
  readonly ratioFloor: number;
  /** Size of the central directory, read into memory to list the entries. */
  readonly directoryBytes: number;
}

const MiB = 1024 * 1024;
const LISTED = 5;

export const ZIP_LIMITS: ZipLimits = {
  entries: 20_000,
  entryBytes: 512 * MiB,
  totalBytes: 1024 * MiB,
  ratio: 100,
  ratioFloor: MiB,
  directoryBytes: 32 * MiB,
};

export type EntryKind = 'file' | 'folder' | 'symlink' | 'special';

/** One central directory record (PKWARE APPNOTE 4.3.12), with ZIP64 sizes resolved (4.5.3). */
export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly kind: EntryKind;
  /** Where the entry's data starts, after its local header (APPNOTE 4.3.7). */
  readonly dataOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Problems with the archive as a whole: when there is one, nothing is unpacked. */
  readonly refused: readonly Finding[];
}

/** A file that is not a zip, or whose structure is broken: nothing can be read from it. */
export class ZipDamaged extends Error {}

const SIG = { eocd: 0x06054b50, locator: 0x07064b50, eocd64: 0x06064b50, central: 0x02014b50, local: 0x04034b50 } as const;
const decoder = new TextDecoder();

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function uint64(data: DataView, offset: number): number {
  const value = data.getBigUint64(offset, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipDamaged(`a ZIP64 field holds ${value}, beyond any real file`);
  return Number(value);
}

const size = (bytes: number): string => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`);
const count = (value: number): string => value.toLocaleString('en');

interface EndRecord {
  readonly entries: number;
  readonly directorySize: number;
  readonly directoryOffset: number;
}

/** The end of central directory record (APPNOTE 4.3.16), and its ZIP64 form when present (4.3.14, 4.3.15). */
async function endRecord(source: ZipSource): Promise<EndRecord> {
  const tailStart = Math.max(0, source.size - 22 - 0xffff);
  const tail = await source.read(tailStart, source.size - tailStart);
  const data = view(tail);
  let at = -1;
  for (let offset = tail.byteLength - 22; offset >= 0; offset--) {
    if (data.getUint32(offset, true) === SIG.eocd) {
      at = offset;
      break;
    }
  }
  if (at < 0) throw new ZipDamaged('this file is not a zip archive (no end of central directory record)');
  if (data.getUint16(at + 4, true) !== 0 || data.getUint16(at + 6, true) !== 0) throw new ZipDamaged('the archive spans several disks; LMSs read single-file zips only');
  let entries = data.getUint16(at + 10, true);
  let directorySize = data.getUint32(at + 12, true);
  let directoryOffset = data.getUint32(at + 16, true);
  const locatorAt = tailStart + at - 20;
  if (locatorAt >= 0) {
    const locator = view(await source.read(locatorAt, 20));
    if (locator.byteLength === 20 && locator.getUint32(0, true) === SIG.locator) {
      const record = view(await source.read(uint64(locator, 8), 56));
      if (record.byteLength < 56 || record.getUint32(0, true) !== SIG.eocd64) throw new ZipDamaged('the ZIP64 end of central directory record is missing');
      entries = uint64(record, 32);
      directorySize = uint64(record, 40);
      directoryOffset = uint64(record, 48);
    }
  }
  return { entries, directorySize, directoryOffset };
}

/** The ZIP64 extended information extra field (APPNOTE 4.5.3): 64-bit values for fields set to 0xFFFFFFFF. */
function zip64Values(extra: DataView, wanted: readonly boolean[]): number[] {
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      let field = at + 4;
      for (const want of wanted) {
        if (!want) continue;
        if (field + 8 > at + 4 + length || field + 8 > extra.byteLength) throw new ZipDamaged('a ZIP64 extra field is too short');
        values.push(uint64(extra, field));
        field += 8;
      }
      return values;
    }
    at += 4 + length;
  }
  throw new ZipDamaged('an entry needs a ZIP64 extra field and has none');
}

// Unix file types in the upper half of the external attributes, when "version made by" says Unix (APPNOTE 4.4.2, 4.4.15).
function kindOf(name: string, madeBy: number, external: number): EntryKind {
  const unixType = madeBy >> 8 === 3 ? (external >>> 16) & 0o170000 : 0;
  if (unixType === 0o120000) return 'symlink';
  if (name.endsWith('/') || unixType === 0o040000 || (external & 0x10) !== 0) return 'folder';
  if (unixType !== 0 && unixType !== 0o100000) return 'special';
  return 'file';
}

/**
 * Reads the central directory and each entry's local header, without inflating anything, and
 * checks the archive against `limits`: the entry count (every record is counted by walking the
 * directory, ZIP64 included, whatever the end record claims), the declared sizes one by one and
 * together, the compression ratio, and entries whose data overlap (a zip bomb that makes one
 * deflated run count many times). Throws ZipDamaged when the structure cannot be read.
 */
export async function readZipDirectory(source: ZipSource, limits: ZipLimits = ZIP_LIMITS): Promise<ZipDirectory> {
  const end = await endRecord(source);
  const refused: Finding[] = [];
  // Per-entry size findings: the first few are listed, the rest counted (a bomb has hundreds).
  const oversize: Finding[] = [];
  if (end.entries > limits.entries) {
    return { entries: [], refused: [finding('zip-entries', `the archive lists ${count(end.entries)} entries; verify opens packages of at most ${count(limits.entries)}. An LMS package has tens or hundreds.`)] };
  }
  if (end.directorySize > limits.directoryBytes) {
    return { entries: [], refused: [finding('zip-entries', `the central directory is ${size(end.directorySize)}; verify reads at most ${size(limits.directoryBytes)} of it.`)] };
  }
  if (end.directoryOffset + end.directorySize > source.size) throw new ZipDamaged('the central directory lies beyond the end of the file');
  const directory = await source.read(end.directoryOffset, end.directorySize);
  const data = view(directory);
  const entries: ZipEntry[] = [];
  const ranges: { start: number; end: number; name: string }[] = [];
  let total = 0;
  for (let at = 0; at < directory.byteLength; ) {
    if (at + 46 > directory.byteLength || data.getUint32(at, true) !== SIG.central) throw new ZipDamaged(`bad central directory record at byte ${end.directoryOffset + at}`);
    // Counted as walked: an end record that says 65,535 does not hide the entries after it.
    if (entries.length + 1 > limits.entries) {
      return { entries: [], refused: [finding('zip-entries', `the central directory holds more than ${count(limits.entries)} entries (the end record says ${count(end.entries)}); verify opens packages of at most ${count(limits.entries)}.`)] };
    }
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.byteLength) throw new ZipDamaged(`a central directory record at byte ${end.directoryOffset + at} runs past the directory`);
    const name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = data.getUint32(at + 20, true);
    let entrySize = data.getUint32(at + 24, true);
    let localOffset = data.getUint32(at + 42, true);
    const wide = [entrySize === 0xffffffff, compressedSize === 0xffffffff, localOffset === 0xffffffff];
    if (wide.some(Boolean)) {
      const values = zip64Values(view(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)), wide);
      if (wide[0]) entrySize = values.shift() ?? 0;
      if (wide[1]) compressedSize = values.shift() ?? 0;
      if (wide[2]) localOffset = values.shift() ?? 0;
    }
    const local = view(await source.read(localOffset, 30));
    if (local.byteLength < 30 || local.getUint32(0, true) !== SIG.local) throw new ZipDamaged(`the local header of ${printable(name)} is missing`);
    const dataOffset = localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    if (dataOffset + compressedSize > end.directoryOffset) throw new ZipDamaged(`the data of ${printable(name)} runs into the central directory`);
    const entry: ZipEntry = {
      name,
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc32: data.getUint32(at + 16, true),
      compressedSize,
      size: entrySize,
      kind: kindOf(name, data.getUint16(at + 4, true), data.getUint32(at + 38, true)),
      dataOffset,
    };
    entries.push(entry);
    ranges.push({ start: localOffset, end: dataOffset + compressedSize, name });
    total += entrySize;
    const shown = printable(name);
    if (entrySize > limits.entryBytes) oversize.push(finding('zip-size', `${shown}: inflates to ${size(entrySize)}; verify unpacks at most ${size(limits.entryBytes)} per file.`));
    else if (entrySize > limits.ratioFloor && entrySize > compressedSize * limits.ratio) {
      oversize.push(finding('zip-ratio', `${shown}: ${size(compressedSize)} inflate to ${size(entrySize)} (${Math.round(entrySize / Math.max(1, compressedSize))} to 1); verify refuses ratios over ${limits.ratio} to 1 for files over ${size(limits.ratioFloor)}, the mark of a zip bomb.`));
    }
    at = next;
  }
  refused.push(...oversize.slice(0, LISTED));
  if (oversize.length > LISTED) refused.push(finding('zip-size', `${count(oversize.length - LISTED)} more entries are over the size or ratio limits.`));
  if (entries.length !== end.entries) refused.push(finding('zip-entries', `the end record says ${count(end.entries)} entries, the central directory holds ${count(entries.length)}: tools would disagree on what the package contains.`));
  if (total > limits.totalBytes) refused.push(finding('zip-size', `the files inflate to ${size(total)} in all; verify unpacks at most ${size(limits.totalBytes)}.`));
  ranges.sort((a, b) => a.start - b.start);
  for (let index = 1; index < ranges.length; index++) {
    const before = ranges[index - 1];
    const range = ranges[index];
    if (before !== undefined && range !== undefined && range.start < before.end) {
      refused.push(finding('zip-overlap', `${printable(range.name)} and ${printable(before.name)} share bytes of the archive: one compressed run counted as several files is how zip bombs are made.`));
      break;
    }
  }
  return { entries, refused };
}
