/**
 * Small ASCII building blocks of the resume-state codec: canonical base-36 integers, base-32
 * bitsets and a 32-bit FNV-1a checksum. Everything here is pure and never throws.
 */
import { fnv1a32 } from '../../hash.js';

/** Canonical base-36 text of a non-negative safe integer (lowercase, no leading zeros). */
export function toBase36(n: number): string {
  return n.toString(36);
}

/** Parses canonical base-36 only (so every value has exactly one spelling); undefined otherwise. */
export function fromBase36(text: string): number | undefined {
  if (!/^[0-9a-z]{1,11}$/.test(text)) return undefined;
  const n = parseInt(text, 36);
  return Number.isSafeInteger(n) && n.toString(36) === text ? n : undefined;
}

/** Number of base-36 digits needed for `max` (at least 1). */
export function base36Digits(max: number): number {
  return Math.max(0, Math.floor(max)).toString(36).length;
}

/** Fixed-width base-36 (left-padded with '0'). */
export function toFixedBase36(n: number, width: number): string {
  return n.toString(36).padStart(width, '0');
}

/** Parses fixed-width base-36 digits; undefined when not exactly `width` lowercase digits. */
export function fromFixedBase36(text: string, width: number): number | undefined {
  if (text.length !== width || !/^[0-9a-z]+$/.test(text)) return undefined;
  return parseInt(text, 36);
}

const BASE32 = '0123456789abcdefghijklmnopqrstuv';

/** Length of the bitset text for `size` flags: 5 bits per character. */
export function bitsetLength(size: number): number {
  return Math.ceil(size / 5);
}

/** Flags -> base-32 text, 5 flags per character, first flag in the lowest bit. */
export function encodeBitset(flags: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < flags.length; i += 5) {
    let v = 0;
    for (let b = 0; b < 5; b++) if (flags[i + b] === true) v |= 1 << b;
    out += BASE32.charAt(v);
  }
  return out;
}

/** Base-32 text -> `size` flags; undefined on a wrong length, a bad digit or a set padding bit. */
export function decodeBitset(text: string, size: number): boolean[] | undefined {
  if (text.length !== bitsetLength(size)) return undefined;
  const flags: boolean[] = [];
  for (let c = 0; c < text.length; c++) {
    const v = BASE32.indexOf(text.charAt(c));
    if (v < 0) return undefined;
    for (let b = 0; b < 5; b++) {
      const i = c * 5 + b;
      const set = (v & (1 << b)) !== 0;
      if (i >= size) {
        if (set) return undefined;
      } else flags.push(set);
    }
  }
  return flags;
}

/** Width of the checksum field: 2^32 - 1 in base 36 is 7 digits. */
export const CHECKSUM_LENGTH = 7;

/** FNV-1a of `text` as 7 base-36 digits (any single substituted character changes it). */
export function checksum(text: string): string {
  return toFixedBase36(fnv1a32(text), CHECKSUM_LENGTH);
}
