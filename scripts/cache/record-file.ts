/**
 * A cache file of keyed binary records, read whole and checked record by record:
 *
 *   magic line    names the kind and version of the file; another one means no records at all
 *   per record    the key (32 bytes: a SHA-256, hex in memory), the payload's length and a CRC-32
 *                 of key, length and payload (4 bytes each, little-endian), then the payload.
 *
 * A record whose CRC does not match is left out alone (it is computed again), and a file cut
 * short keeps the records before the cut. CRC-32 finds the damage a disk or an interrupted copy
 * does; the keys, not the checksum, are what makes a record belong to its input.
 */
import { crc32 } from 'node:zlib';

const KEY_BYTES = 32;
const RECORD_HEADER = KEY_BYTES + 8;

/** The records in `bytes`, by hex key, as views into `bytes` (no copies). */
export function decodeRecords(magic: Uint8Array, bytes: Uint8Array): Map<string, Uint8Array> {
  const records = new Map<string, Uint8Array>();
  if (bytes.byteLength < magic.byteLength || !magic.every((byte, index) => bytes[index] === byte)) return records;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = magic.byteLength;
  while (offset + RECORD_HEADER <= bytes.byteLength) {
    const length = view.getUint32(offset + KEY_BYTES, true);
    const check = view.getUint32(offset + KEY_BYTES + 4, true);
    const start = offset + RECORD_HEADER;
    // Cut short: the rest cannot be located.
    if (start + length > bytes.byteLength) break;
    const payload = bytes.subarray(start, start + length);
    if (recordCrc(bytes.subarray(offset, offset + KEY_BYTES + 4), payload) === check) {
      records.set(Buffer.from(bytes.buffer, bytes.byteOffset + offset, KEY_BYTES).toString('hex'), payload);
    }
    offset = start + length;
  }
  return records;
}

/** The file's bytes for `records` (hex keys of 32 bytes), in the order given. */
export function encodeRecords(magic: Uint8Array, records: ReadonlyMap<string, Uint8Array>): Uint8Array {
  let length = magic.byteLength;
  for (const payload of records.values()) length += RECORD_HEADER + payload.byteLength;
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  bytes.set(magic);
  let offset = magic.byteLength;
  for (const [key, payload] of records) {
    const keyBytes = Buffer.from(key, 'hex');
    if (keyBytes.byteLength !== KEY_BYTES) throw new Error(`A cache record key must be ${KEY_BYTES} bytes in hex, not "${key}".`);
    bytes.set(keyBytes, offset);
    view.setUint32(offset + KEY_BYTES, payload.byteLength, true);
    view.setUint32(offset + KEY_BYTES + 4, recordCrc(bytes.subarray(offset, offset + KEY_BYTES + 4), payload), true);
    bytes.set(payload, offset + RECORD_HEADER);
    offset += RECORD_HEADER + payload.byteLength;
  }
  return bytes;
}

/** Covers the key and length as well as the payload, so that a damaged record never passes for another. */
const recordCrc = (head: Uint8Array, payload: Uint8Array): number => crc32(payload, crc32(head));
