import type { CompressedFile } from './compressed-file.js';

/**
 * Lays out a ZIP archive (PKWARE APPNOTE 6.3, §4.3) from entries that are already compressed, so
 * that a file deflated once can go into every package of a build. No ZIP library writes entries
 * from given deflate bytes with complete local headers: streaming writers put a data descriptor
 * (§4.3.9) after every entry, which readers such as Java's ZipInputStream refuse on stored ones.
 * Here every local header carries the CRC and both sizes, as the central directory does.
 */

export interface ZipEntry {
  /** Entry path: relative, `/`-separated, checked by the caller. */
  readonly name: string;
  readonly file: CompressedFile;
}

/**
 * Fixed entry time 1980-01-01 00:00:00 (§4.4.6: date = day | month << 5 | (year - 1980) << 9):
 * DOS dates cannot predate 1980, and a fixed time makes archives byte-identical (standards Z9),
 * whatever the time zone of the build machine.
 */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
/** Made by: Unix (§4.4.2.2, so the external attributes hold a mode), spec version 2.0. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** Needed to extract: 1.0 for stored, 2.0 for deflated (§4.4.3.2). */
const versionNeeded = (method: number): number => (method === 8 ? 20 : 10);
/** General purpose bit 11: the name is UTF-8 (§4.4.4, appendix D). */
const FLAG_UTF8 = 0x800;

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_CENTRAL_DIRECTORY = 22;
const MAX_UINT32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

const encoder = new TextEncoder();

/**
 * The archive bytes: local header and data per entry in the given order, then the central
 * directory and its end record, no archive comment. `mode` is the Unix mode of every entry.
 * Throws when the archive would need Zip64 (more than 65,535 entries or 4 GiB).
 */
export function writeZip(entries: readonly ZipEntry[], mode: number): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`The package would hold ${entries.length} files; a ZIP without Zip64 holds at most ${MAX_ENTRIES}.`);
  const names = entries.map((entry) => encoder.encode(entry.name));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((entry, index) => {
    localSize += LOCAL_HEADER + names[index]!.byteLength + entry.file.data.byteLength;
    centralSize += CENTRAL_HEADER + names[index]!.byteLength;
  });
  if (localSize + centralSize > MAX_UINT32) throw new Error('The package would be larger than 4 GiB, which a ZIP without Zip64 cannot hold (and no LMS accepts).');

  const bytes = new Uint8Array(localSize + centralSize + END_OF_CENTRAL_DIRECTORY);
  const view = new DataView(bytes.buffer);
  const externalAttributes = ((0o100000 | mode) << 16) >>> 0; // regular file (S_IFREG) and mode, §4.4.15
  let local = 0;
  let central = localSize;
  entries.forEach(({ file }, index) => {
    const name = names[index]!;
    const flags = name.some((byte) => byte >= 0x80) ? FLAG_UTF8 : 0;
    // Fields shared by the local header (§4.3.7, from offset 4) and the central header (§4.3.12, from offset 6).
    const common = (at: number): void => {
      view.setUint16(at, versionNeeded(file.method), true);
      view.setUint16(at + 2, flags, true);
      view.setUint16(at + 4, file.method, true);
      view.setUint16(at + 6, DOS_TIME, true);
      view.setUint16(at + 8, DOS_DATE, true);
      view.setUint32(at + 10, file.crc, true);
      view.setUint32(at + 14, file.data.byteLength, true);
      view.setUint32(at + 18, file.size, true);
      view.setUint16(at + 22, name.byteLength, true);
      view.setUint16(at + 24, 0, true); // no extra field
    };
    view.setUint32(local, 0x04034b50, true);
    common(local + 4);
    bytes.set(name, local + LOCAL_HEADER);
    bytes.set(file.data, local + LOCAL_HEADER + name.byteLength);

    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, VERSION_MADE_BY, true);
    common(central + 6);
    // Comment length, disk number and internal attributes stay 0.
    view.setUint32(central + 38, externalAttributes, true);
    view.setUint32(central + 42, local, true);
    bytes.set(name, central + CENTRAL_HEADER);

    local += LOCAL_HEADER + name.byteLength + file.data.byteLength;
    central += CENTRAL_HEADER + name.byteLength;
  });

  // End of central directory record (§4.3.16): one disk, no comment.
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return bytes;
}
