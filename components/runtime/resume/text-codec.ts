/**
 * Free text in the resume state (fill-in answers, reflections) as compact ASCII: UTF-8 bytes,
 * either escaped (`t` + letters/digits/'-' as is, space as '_', other bytes as '~HH') or base64url
 * (`b` + A-Z a-z 0-9 - _), whichever is shorter. Output characters: [0-9A-Za-z_~-] only, so the
 * codec's separators ('.', '!', '*') never occur inside a text.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair, then makes it
 * well formed (a lone surrogate becomes U+FFFD, as UTF-8 cannot carry it).
 */
export function truncateText(text: string, max: number): string {
  let cut = text.length <= max ? text : text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (cut.length < text.length && last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(cut));
}

/** Upper bound of `encodeText` for a text of at most `maxUnits` UTF-16 code units (3 UTF-8 bytes each at most). */
export function worstTextLength(maxUnits: number): number {
  return 1 + Math.ceil((maxUnits * 3 * 4) / 3);
}

function isPlain(byte: number): boolean {
  return (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte === 45;
}

function escaped(bytes: Uint8Array): string {
  let out = 't';
  for (const byte of bytes) {
    if (isPlain(byte)) out += String.fromCharCode(byte);
    else if (byte === 32) out += '_';
    else out += '~' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let out = 'b';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 4) / 3));
    for (let k = 0; k < chars; k++) out += B64.charAt((n >> (18 - 6 * k)) & 63);
  }
  return out;
}

/** Well-formed text -> ASCII. */
export function encodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const a = escaped(bytes);
  // Escaped output is at least one char per byte; only compute base64 when it can win.
  if (a.length <= 1 + Math.ceil((bytes.length * 4) / 3)) return a;
  const b = base64(bytes);
  return b.length < a.length ? b : a;
}

function unescape(body: string): number[] | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (isPlain(c)) bytes.push(c);
    else if (c === 95) bytes.push(32);
    else if (c === 126) {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) return undefined;
      const byte = parseInt(hex, 16);
      if (isPlain(byte) || byte === 32) return undefined; // not the canonical spelling
      bytes.push(byte);
      i += 2;
    } else return undefined;
  }
  return bytes;
}

function unbase64(body: string): number[] | undefined {
  if (body.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i += 4) {
    const chunk = body.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? B64.indexOf(chunk.charAt(k)) : 0;
      if (v < 0) return undefined;
      n = (n << 6) | v;
    }
    const count = chunk.length - 1;
    for (let k = 0; k < count; k++) bytes.push((n >> (16 - 8 * k)) & 255);
    // Unused low bits must be zero, so each byte string has one spelling.
    if (count < 3 && (n & ((1 << (8 * (3 - count))) - 1)) !== 0) return undefined;
  }
  return bytes;
}

/** ASCII -> text; undefined when malformed or not valid UTF-8. */
export function decodeText(code: string): string | undefined {
  const mode = code.charAt(0);
  const bytes = mode === 't' ? unescape(code.slice(1)) : mode === 'b' ? unbase64(code.slice(1)) : undefined;
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
  } catch {
    // fatal: true throws TypeError on invalid UTF-8; the caller reports the field as malformed.
    return undefined;
  }
}
