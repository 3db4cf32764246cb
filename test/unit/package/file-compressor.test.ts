import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { FileCompressor } from '../../../scripts/package/compressed-file.js';

// Counts the content hashes, to show that the packages of a build hash each file once.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, hash: vi.fn(original.hash) };
});

describe('file compressor', () => {
  it('hashes a byte array once however many packages take it, and finds equal bytes in another array by content', () => {
    const compressor = new FileCompressor();
    const page = new TextEncoder().encode('export default "A page.";\n'.repeat(20));
    vi.mocked(crypto.hash).mockClear();
    const first = compressor.compress('assets/page.js', page);
    for (let target = 0; target < 4; target += 1) expect(compressor.compress('assets/page.js', page)).toBe(first);
    expect(vi.mocked(crypto.hash).mock.calls).toHaveLength(1);
    // A copy (another build's array, say) is hashed, and gets the same deflated entry.
    expect(compressor.compress('assets/page.js', page.slice())).toBe(first);
    expect(vi.mocked(crypto.hash).mock.calls).toHaveLength(2);
    expect(compressor.deflated.size).toBe(1);
  });
});
