import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteRange, serveDirectory, type StaticServer } from '../../../scripts/lms/static-server.js';

describe('byteRange (RFC 9110 14.1.2)', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
    ['bytes=50-500', { start: 50, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=20-10', 'unsatisfiable'],
    ['bytes=0-1,5-6', undefined],
    ['bytes=-', undefined],
    ['items=0-9', undefined],
    [undefined, undefined],
  ] as const)('%s of 100 bytes', (header, expected) => {
    expect(byteRange(header, 100)).toEqual(expected);
  });
});

describe('the emulated LMS serves byte ranges, as media players seek by them', () => {
  let root: string;
  let server: StaticServer;
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'coursemark-ranges-'));
    await writeFile(join(root, 'clip.mp4'), bytes);
    server = await serveDirectory(root);
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers a range with 206 and exactly those bytes, the whole file with 200', async () => {
    const part = await fetch(`${server.url}clip.mp4`, { headers: { range: 'bytes=900-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 900-999/1000');
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(900));
    const whole = await fetch(`${server.url}clip.mp4`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await whole.arrayBuffer()).byteLength).toBe(1000);
    const outside = await fetch(`${server.url}clip.mp4`, { headers: { range: 'bytes=5000-' } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe('bytes */1000');
  });
});
