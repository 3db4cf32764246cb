/**
 * Statement ids: xAPI Data 2.4.1 (and cmi5 9.6.1 for AU statements) wants a UUID; we send v4.
 * `crypto.randomUUID` exists only in secure contexts, so a plain-http LMS page falls back on
 * `crypto.getRandomValues` (available in every context) with the RFC 4122 4.4 version/variant bits.
 */

export type RandomSource = Partial<Pick<Crypto, 'randomUUID' | 'getRandomValues'>>;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function fromBytes(bytes: Uint8Array): string {
  // RFC 4122 4.4: version 4 in the high nibble of byte 6, variant 10xx in byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i] ?? 0] ?? '00';
  }
  return out;
}

/** A random UUID v4 (lowercase). `source` defaults to the page's `crypto`, read at call time. */
export function uuidV4(source: RandomSource | undefined = globalThis.crypto): string {
  if (typeof source?.randomUUID === 'function') return source.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof source?.getRandomValues === 'function') source.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256); // no Web Crypto at all: ids need uniqueness, not secrecy
  return fromBytes(bytes);
}
