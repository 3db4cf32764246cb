import { inflateRawSync } from 'node:zlib';
import type { OutputFile } from '../bundle/bundle-course.js';

const decoder = new TextDecoder();

/**
 * Reads a zip's entries through its central directory (PKWARE APPNOTE 4.3.12-4.3.16): stored and
 * deflated entries, which is what every LMS package tool writes. Throws on a file that is not a zip.
 */
export function readZip(bytes: Uint8Array): OutputFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw new Error('this file is not a zip archive (no end of central directory record)');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: OutputFile[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error(`damaged zip: bad central directory header at byte ${offset}`);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const path = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (view.getUint32(localOffset, true) !== 0x04034b50) throw new Error(`damaged zip: bad local header for ${path}`);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const raw = bytes.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${path}: compression method ${method} is not supported (LMSs expect deflate)`);
    // Folder entries carry no data; the files inside them are listed on their own.
    if (!path.endsWith('/')) entries.push({ path, contents: method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw.slice() });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
