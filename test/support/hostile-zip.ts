import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip writer for hostile test archives, written apart from the product's zip code so that a
 * mistake shared by both cannot hide: it writes whatever it is told (any name, lying sizes, Unix
 * file types, central records that share one local record, ZIP64 end records), following PKWARE
 * APPNOTE 4.3 and 4.5.3 byte by byte.
 */
export interface HostileEntry {
  readonly name: string;
  readonly data?: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: 0 | 8;
  /** Unix mode in the external attributes, e.g. 0o120777 for a symbolic link. */
  readonly unixMode?: number;
  /** The uncompressed size written in the headers, when it should lie. */
  readonly declaredSize?: number;
  /** The compressed bytes to store, instead of deflating `data`. */
  readonly raw?: Uint8Array;
  /** Index of an earlier entry: this central record points at that entry's local record and data. */
  readonly sharesDataOf?: number;
}

export interface HostileZipOptions {
  /** ZIP64 end records and extra fields, as writers do past 65,535 entries or 4 GiB. */
  readonly zip64?: boolean;
  /** The entry count the (classic) end record claims. */
  readonly claimedCount?: number;
}

const encoder = new TextEncoder();

class Bytes {
  private buffer = new Uint8Array(1024);
  private data = new DataView(this.buffer.buffer);
  length = 0;
  private room(bytes: number): number {
    if (this.length + bytes > this.buffer.byteLength) {
      const bigger = new Uint8Array(Math.max(this.buffer.byteLength * 2, this.length + bytes));
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
      this.data = new DataView(bigger.buffer);
    }
    const at = this.length;
    this.length += bytes;
    return at;
  }
  push(bytes: Uint8Array): void {
    const at = this.room(bytes.byteLength);
    this.buffer.set(bytes, at);
  }
  u16(value: number): void {
    const at = this.room(2);
    this.data.setUint16(at, value, true);
  }
  u32(value: number): void {
    const at = this.room(4);
    this.data.setUint32(at, value >>> 0, true);
  }
  u64(value: number): void {
    const at = this.room(8);
    this.data.setBigUint64(at, BigInt(value), true);
  }
  concat(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

interface Written {
  readonly offset: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly method: number;
}

export function hostileZip(entries: readonly HostileEntry[], options: HostileZipOptions = {}): Uint8Array {
  const out = new Bytes();
  const written: Written[] = [];
  for (const entry of entries) {
    const shared = entry.sharesDataOf === undefined ? undefined : written[entry.sharesDataOf];
    if (shared !== undefined) {
      written.push(shared);
      continue;
    }
    const data = entry.data ?? new Uint8Array();
    const method = entry.method ?? 8;
    const body = entry.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const name = encoder.encode(entry.name);
    const record: Written = { offset: out.length, crc: crc32(data), compressedSize: body.byteLength, size: entry.declaredSize ?? data.byteLength, method };
    out.u32(0x04034b50);
    out.u16(20);
    out.u16(0x0800);
    out.u16(method);
    out.u16(0);
    out.u16(0x21);
    out.u32(record.crc);
    out.u32(record.compressedSize);
    out.u32(record.size);
    out.u16(name.byteLength);
    out.u16(0);
    out.push(name);
    out.push(body);
    written.push(record);
  }
  const directoryOffset = out.length;
  for (const [index, entry] of entries.entries()) {
    const record = written[index];
    if (record === undefined) continue;
    const name = encoder.encode(entry.name);
    out.u32(0x02014b50);
    out.u16(entry.unixMode === undefined ? 20 : (3 << 8) | 20);
    out.u16(options.zip64 === true ? 45 : 20);
    out.u16(0x0800);
    out.u16(record.method);
    out.u16(0);
    out.u16(0x21);
    out.u32(record.crc);
    out.u32(options.zip64 === true ? 0xffffffff : record.compressedSize);
    out.u32(options.zip64 === true ? 0xffffffff : record.size);
    out.u16(name.byteLength);
    out.u16(options.zip64 === true ? 28 : 0);
    out.u16(0);
    out.u16(0);
    out.u16(0);
    out.u32(entry.unixMode === undefined ? 0 : entry.unixMode * 0x10000);
    out.u32(options.zip64 === true ? 0xffffffff : record.offset);
    out.push(name);
    if (options.zip64 === true) {
      out.u16(0x0001);
      out.u16(24);
      out.u64(record.size);
      out.u64(record.compressedSize);
      out.u64(record.offset);
    }
  }
  const directorySize = out.length - directoryOffset;
  const count = options.claimedCount ?? entries.length;
  if (options.zip64 === true) {
    const recordOffset = out.length;
    out.u32(0x06064b50);
    out.u64(44);
    out.u16(45);
    out.u16(45);
    out.u32(0);
    out.u32(0);
    out.u64(count);
    out.u64(count);
    out.u64(directorySize);
    out.u64(directoryOffset);
    out.u32(0x07064b50);
    out.u32(0);
    out.u64(recordOffset);
    out.u32(1);
  }
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(options.zip64 === true ? 0xffff : Math.min(count, 0xffff));
  out.u16(options.zip64 === true ? 0xffff : Math.min(count, 0xffff));
  out.u32(options.zip64 === true ? 0xffffffff : directorySize);
  out.u32(options.zip64 === true ? 0xffffffff : directoryOffset);
  out.u16(0);
  return out.concat();
}

/** `bytes` zero bytes, deflated in pieces so that a bomb of gigabytes never sits in memory. */
export function deflatedZeros(bytes: number): Uint8Array {
  const piece = Math.min(bytes, 16 * 1024 * 1024);
  const pieces: Uint8Array[] = [];
  // Pieces ended by a sync flush (byte-aligned, not final) join into one deflate stream, closed by
  // an empty final fixed-Huffman block (RFC 1951 3.2.3, 3.2.6).
  const zeros = new Uint8Array(piece);
  let left = bytes;
  while (left > 0) {
    const size = Math.min(piece, left);
    pieces.push(deflateRawSync(zeros.subarray(0, size), { finishFlush: constants.Z_SYNC_FLUSH }));
    left -= size;
  }
  pieces.push(new Uint8Array([0x03, 0x00]));
  const out = new Uint8Array(pieces.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of pieces) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
