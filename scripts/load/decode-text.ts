import { isUtf8 } from 'node:buffer';
import { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';

/**
 * Decodes a course text file. Course files must be UTF-8 (a leading BOM is dropped, so positions
 * count from the first real character). Returns a VFile with the text, or a VFile without text
 * that carries one `file-encoding` error placed at the first bad byte (B3 in the test plan).
 */
export function decodeCourseText(bytes: Uint8Array, path: string, cwd: string): { file: VFile; ok: boolean } {
  const file = new VFile({ cwd, path });
  // Checked first: UTF-16 text is full of NUL bytes, and the UTF-8 decoder would only say "byte 0".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    report(file, 'file-encoding', `"${path}" is saved as UTF-16. Save it as UTF-8 (most editors offer "UTF-8" in "Save as").`, { line: 1, column: 1 });
    return { file, ok: false };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    report(file, 'file-encoding', `"${path}" is not a text file (it contains a NUL byte at byte ${nul}). Course pages and settings must be plain UTF-8 text.`, pointAt(bytes, nul));
    return { file, ok: false };
  }
  // isUtf8 and Buffer's decoder (both simdutf) take a fraction of the time of a fatal TextDecoder,
  // which matters for a course of hundreds of pages; the BOM is dropped as TextDecoder would.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    file.value = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { file, ok: true };
  }
  const bad = firstInvalidUtf8(bytes);
  report(file, 'file-encoding', `"${path}" is not valid UTF-8: byte ${bad} (0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}) cannot be decoded. Save the file as UTF-8; text copied from old documents is often Latin-1 or Windows-1252.`, pointAt(bytes, bad));
  return { file, ok: false };
}

/** Line and column (1-based, in characters) of byte `index`; the bytes before it are valid UTF-8. */
function pointAt(bytes: Uint8Array, index: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, index));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines[lines.length - 1] ?? '')].length + 1 };
}

/** Index of the first byte that breaks UTF-8 (RFC 3629 section 4: no overlongs, no surrogates, <= U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let size = 0;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) size = 1;
    else if (b >= 0xc2 && b <= 0xdf) size = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      size = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      size = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += size;
  }
  return bytes.length;
}
