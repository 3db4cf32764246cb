import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  /** JavaScript the page fetches before first paint: the entry and its modulepreloads. */
  readonly beforePaint: { readonly raw: number; readonly gzip: number };
  /** All JavaScript in the output. */
  readonly total: { readonly raw: number; readonly gzip: number };
}

const gz = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).byteLength;

/** Reads an unpacked build folder: index.html's module script and modulepreloads, and every .js file. */
export async function measureWeight(folder: string): Promise<Weight> {
  const html = await readFile(join(folder, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const early = await Promise.all(first.map((path) => readFile(join(folder, path))));
  const all = (await readdir(join(folder, 'assets'))).filter((name) => name.endsWith('.js'));
  const every = await Promise.all(all.map((name) => readFile(join(folder, 'assets', name))));
  const sum = (files: readonly Uint8Array[], size: (bytes: Uint8Array) => number) => files.reduce((total, bytes) => total + size(bytes), 0);
  return {
    beforePaint: { raw: sum(early, (bytes) => bytes.byteLength), gzip: sum(early, gz) },
    total: { raw: sum(every, (bytes) => bytes.byteLength), gzip: sum(every, gz) },
  };
}
