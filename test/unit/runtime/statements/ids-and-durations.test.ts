import { describe, expect, it } from 'vitest';
import { isoDuration, type RandomSource, uuidV4 } from '../../../../components/runtime/statements/index.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV4', () => {
  it('gives 100k distinct well-formed v4 ids with crypto.randomUUID', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(uuidV4());
    expect(ids.size).toBe(100_000);
    // One assertion over the set: 100k expect() calls alone take seconds on a busy machine.
    expect([...ids].filter((id) => !V4.test(id))).toEqual([]);
  });

  // 100k ids through getRandomValues: about a second alone, several on a loaded 2-core machine.
  it('falls back on getRandomValues when randomUUID is missing (insecure context), with version and variant bits', { timeout: 30_000 }, () => {
    const source: RandomSource = { getRandomValues: (a) => globalThis.crypto.getRandomValues(a) };
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(uuidV4(source));
    expect(ids.size).toBe(100_000);
    expect([...ids].filter((id) => !V4.test(id))).toEqual([]);
    // All-ones and all-zeros bytes still give valid v4 ids.
    expect(uuidV4({ getRandomValues: (a) => { if (a instanceof Uint8Array) a.fill(255); return a; } })).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4({ getRandomValues: (a) => a })).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('still gives a v4-shaped id without Web Crypto at all', () => {
    expect(uuidV4({})).toMatch(V4);
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [3250, 'PT3.25S'],
    [3254, 'PT3.25S'],
    [3256, 'PT3.26S'],
    [59_999, 'PT1M'],
    [61_000, 'PT1M1S'],
    [3_600_000, 'PT1H'],
    [3_723_450, 'PT1H2M3.45S'],
    [90_000_000, 'PT25H'],
    [-5, 'PT0S'],
    [Number.NaN, 'PT0S'],
  ])('%d ms -> %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
  });

  it('always matches the ISO 8601 duration grammar xAPI accepts', () => {
    for (let ms = 0; ms < 4_000_000; ms += 997) expect(isoDuration(ms)).toMatch(/^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
  });
});
