import { describe, expect, it } from 'vitest';
import { checksum, decodeBitset, encodeBitset, fromBase36 } from '../../../../components/runtime/resume/compact.js';
import { decodeText, encodeText, truncateText, worstTextLength } from '../../../../components/runtime/resume/text-codec.js';

describe('text codec', () => {
  it.each([
    ['', 't'],
    ['Tell a teacher', 'tTell_a_teacher'],
    ['Tell a teacher, now', 'tTell_a_teacher~2C_now'],
    ['a.b!c', 'bYS5iIWM'],
    ['"quoted" \\ back', 'bInF1b3RlZCIgXCBiYWNr'],
  ])('encodes %j as %s (the shorter of escaped and base64url)', (text, code) => {
    expect(encodeText(text)).toBe(code);
    expect(decodeText(code)).toBe(text);
  });

  it('switches to base64url when that is shorter (non-Latin text)', () => {
    const text = 'Поговорите с тем, кому доверяете';
    const code = encodeText(text);
    expect(code.startsWith('b')).toBe(true);
    expect(code).toMatch(/^[0-9A-Za-z_~-]+$/);
    expect(decodeText(code)).toBe(text);
    expect(decodeText(encodeText('😀\uFEFF x'))).toBe('😀\uFEFF x');
  });

  it('truncates without splitting a surrogate pair and replaces lone surrogates', () => {
    expect(truncateText('ab😀', 3)).toBe('ab');
    expect(truncateText('ab😀', 4)).toBe('ab😀');
    expect(truncateText('a\uD800b', 10)).toBe('a\uFFFDb');
    expect(truncateText('\uFEFFx', 10)).toBe('\uFEFFx');
  });

  it('stays within its worst case for the widest UTF-8 text', () => {
    for (const ch of ['\u0800', '\uFFFF', '😀', '"', '\u0000']) expect(encodeText(truncateText(ch.repeat(600), 500)).length).toBeLessThanOrEqual(worstTextLength(500));
  });

  it('rejects malformed and non-canonical codes', () => {
    for (const code of ['', 'x', 't~2', 't~zz', 't~41', 't~20', 'tä', 'b=', 'bA', 'bAB', 't~FF', 'b_w']) expect(decodeText(code)).toBeUndefined();
  });
});

describe('compact helpers', () => {
  it('base 36 is canonical only', () => {
    expect(fromBase36('z')).toBe(35);
    expect(fromBase36('0')).toBe(0);
    for (const bad of ['', '01', 'Z', '-1', '1.5', 'zzzzzzzzzzzz']) expect(fromBase36(bad)).toBeUndefined();
  });

  it('bitsets round-trip and reject set padding bits or wrong lengths', () => {
    const flags = [true, false, true, true, false, false, true];
    expect(decodeBitset(encodeBitset(flags), 7)).toEqual(flags);
    expect(decodeBitset('v', 3)).toBeUndefined();
    expect(decodeBitset('00', 3)).toBeUndefined();
    expect(decodeBitset('', 0)).toEqual([]);
  });

  it('checksum is 7 base-36 digits and changes with any single character', () => {
    expect(checksum('cm1.0')).toMatch(/^[0-9a-z]{7}$/);
    expect(checksum('cm1.0')).not.toBe(checksum('cm1.1'));
  });
});
