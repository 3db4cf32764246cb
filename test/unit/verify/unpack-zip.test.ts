import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipPackage } from '../../../scripts/package/index.js';
import { unpackZip } from '../../../scripts/verify/unpack-zip.js';
import { readZipDirectory, ZIP_LIMITS, ZipDamaged } from '../../../scripts/verify/zip-directory.js';
import { bytesSource } from '../../../scripts/verify/zip-source.js';
import { deflatedZeros, hostileZip, type HostileEntry } from '../../support/hostile-zip.js';

// Hostile archives, each built here by a zip writer that shares no code with the product's, unpacked
// into a folder inside a temporary base folder: every refusal must leave the base holding that
// folder and nothing else, and nothing anywhere outside it.
const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const MiB = 1024 * 1024;
let base: string;
let folder: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'coursemark-unpack-'));
  folder = join(base, 'pkg');
  await mkdir(folder);
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Every path under `dir`, with a flag for anything that is not a regular file or folder. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    const info = await lstat(join(dir, path));
    out.push(info.isFile() || info.isDirectory() ? path : `${path} (not a file)`);
  }
  return out.sort();
}

const unpack = (entries: readonly HostileEntry[], options: Parameters<typeof hostileZip>[1] = {}, limits = ZIP_LIMITS) => unpackZip(bytesSource(hostileZip(entries, options)), folder, limits);

describe('verify unpacks a package only inside its own folder', () => {
  it('refuses absolute, "..", drive-letter, backslash, symlink, device and duplicate entries, and unpacks the rest', async () => {
    const marker = `coursemark-slip-${randomUUID()}`;
    const result = await unpack([
      { name: 'index.html', data: text('<!doctype html>') },
      { name: `../../../../../../../../tmp/${marker}`, data: text('escaped') },
      { name: `../${marker}`, data: text('escaped') },
      { name: `/tmp/${marker}-absolute`, data: text('escaped') },
      { name: `C:/${marker}`, data: text('escaped') },
      { name: `..\\..\\${marker}`, data: text('escaped') },
      { name: 'assets/link', data: text('/etc/passwd'), unixMode: 0o120777 },
      { name: 'assets/pipe', data: text(''), unixMode: 0o010644 },
      { name: 'twice.js', data: text('first') },
      { name: 'twice.js', data: text('second') },
      { name: 'assets/', data: text(''), unixMode: 0o040755 },
      { name: 'assets/ok.css', data: text('body{}') },
    ]);
    expect(result.refused).toBe(false);
    expect(result.files.map((file) => file.path).sort()).toEqual(['assets/ok.css', 'index.html']);
    const text0 = result.findings.join('\n');
    expect(text0).toMatch(/path-invalid: \.\.\/\.\.\/.*: refused, the entry contains "\.\.", which leads out of the package/);
    expect(text0).toMatch(/path-invalid: \/tmp\/.*-absolute: refused, the entry is an absolute path/);
    expect(text0).toMatch(/path-invalid: C:\/.*: refused, the entry starts with a drive letter/);
    expect(text0).toMatch(/path-invalid: \.\.\\\.\.\\.*: refused, the entry contains "\\"/);
    expect(text0).toContain('zip-symlink: assets/link: refused, the entry is a symbolic link');
    expect(text0).toContain('zip-symlink: assets/pipe: refused, the entry is a device, pipe or socket');
    expect(text0).toContain('path-duplicate: twice.js: the name appears 2 times');
    expect(result.findings).toHaveLength(8);
    expect(await readdir(base)).toEqual(['pkg']);
    expect(await tree(folder)).toEqual(['assets', 'assets/ok.css', 'index.html']);
    expect(existsSync(join('/tmp', marker))).toBe(false);
    expect(existsSync(join('/tmp', `${marker}-absolute`))).toBe(false);
    expect(existsSync(join(tmpdir(), marker))).toBe(false);
  });

  it('escapes control characters in the entry names it reports', async () => {
    const result = await unpack([{ name: '\u001b]0;owned\u0007../x', data: text('') }]);
    expect(result.findings[0]).toContain('\\u001b]0;owned\\u0007');
    expect(result.findings.join('')).not.toMatch(/[\u0000-\u001f]/);
  });

  it('lists the first twenty refused entries and counts the rest', async () => {
    const result = await unpack(Array.from({ length: 50 }, (_, index) => ({ name: `../x${index}`, data: text('') })));
    expect(result.findings).toHaveLength(21);
    expect(result.findings[20]).toBe('zip-entries: 30 more entries were refused or damaged, as above.');
  });

  it('reports a file and a folder with one name instead of failing', async () => {
    const result = await unpack([
      { name: 'a', data: text('file') },
      { name: 'a/b.html', data: text('inside') },
    ]);
    expect(result.findings).toEqual(['path-invalid: a/b.html: a file and a folder of the package have the same name; it was not unpacked.']);
  });

  it('unpacks a real package, keeping only the manifests in memory', async () => {
    const zip = await zipPackage([
      { path: 'imsmanifest.xml', contents: text('<manifest/>') },
      { path: 'index.html', contents: text('<!doctype html><title>x</title>') },
      { path: 'media/a.png', contents: new Uint8Array(100).fill(9) },
    ]);
    const result = await unpackZip(bytesSource(zip), folder);
    expect(result.findings).toEqual([]);
    expect(result.files.map((file) => [file.path, file.contents.byteLength])).toEqual([
      ['imsmanifest.xml', 11],
      ['index.html', 0],
      ['media/a.png', 0],
    ]);
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toBe('<!doctype html><title>x</title>');
    expect((await readFile(join(folder, 'media/a.png'))).byteLength).toBe(100);
  });
});

describe('verify refuses zip bombs before inflating them', () => {
  it('500 entries sharing one 10 MB deflated run (5 GB in all): refused, nothing inflated or written', async () => {
    const run = deflatedZeros(10 * MiB);
    const entries: HostileEntry[] = [{ name: 'f0.txt', raw: run, declaredSize: 10 * MiB }];
    for (let index = 1; index < 500; index++) entries.push({ name: `f${index}.txt`, sharesDataOf: 0 });
    const zip = hostileZip(entries);
    expect(zip.byteLength).toBeLessThan(100 * 1024);
    const result = await unpackZip(bytesSource(zip), folder);
    expect(result.refused).toBe(true);
    expect(result.findings.join('\n')).toMatch(/zip-size: the files inflate to 5000\.0 MiB in all; verify unpacks at most 1024\.0 MiB/);
    expect(result.findings.join('\n')).toMatch(/zip-overlap: f\d+\.txt and f\d+\.txt share bytes of the archive/);
    expect(await tree(folder)).toEqual([]);
  });

  it('an entry with a compression ratio over 100 to 1 (past 1 MiB) is refused', async () => {
    const result = await unpack([{ name: 'zeros.bin', raw: deflatedZeros(8 * MiB), declaredSize: 8 * MiB }]);
    expect(result.refused).toBe(true);
    expect(result.findings[0]).toMatch(/^zip-ratio: zeros\.bin: .* inflate to 8\.0 MiB \(\d+ to 1\); verify refuses ratios over 100 to 1/);
  });

  it('an entry that inflates past its declared size is cut off there, and nothing is kept', async () => {
    const result = await unpack([
      { name: 'index.html', data: text('<!doctype html>') },
      { name: 'liar.bin', raw: deflatedZeros(40 * MiB), declaredSize: 1000 },
    ]);
    expect(result.refused).toBe(true);
    expect(result.findings).toEqual(['zip-size: liar.bin: inflates to more than the 1000 bytes its header declares, so the sizes checked beforehand mean nothing; unpacking stopped.']);
    expect(await tree(folder)).toEqual([]);
  });

  it('per-entry and total limits apply to the declared sizes', async () => {
    const limits = { ...ZIP_LIMITS, entryBytes: 1000, totalBytes: 1500 };
    const result = await unpack([{ name: 'a.bin', data: new Uint8Array(1200) }, { name: 'b.bin', data: new Uint8Array(800) }], {}, limits);
    expect(result.findings).toEqual(['zip-size: a.bin: inflates to 1200 bytes; verify unpacks at most 1000 bytes per file.', 'zip-size: the files inflate to 2000 bytes in all; verify unpacks at most 1500 bytes.']);
  });

  it('a damaged entry (CRC-32 mismatch) is reported and left out', async () => {
    const result = await unpack([{ name: 'bad.js', raw: new TextEncoder().encode('stored'), method: 0, declaredSize: 6 }, { name: 'ok.js', data: text('x') }]);
    // The writer computes the CRC of `data` (empty), not of the raw bytes stored.
    expect(result.findings).toEqual(['zip-damaged: bad.js: cannot be unpacked: its CRC-32 does not match.']);
    expect(await tree(folder)).toEqual(['ok.js']);
  });
});

describe('verify counts every entry', () => {
  const empties = (count: number): HostileEntry[] => Array.from({ length: count }, (_, index) => ({ name: `e${index}`, method: 0 as const }));

  it('100,000 entries in a ZIP64 archive are counted and refused', async () => {
    const directory = await readZipDirectory(bytesSource(hostileZip(empties(100_000), { zip64: true })));
    expect(directory.refused).toEqual(['zip-entries: the archive lists 100,000 entries; verify opens packages of at most 20,000. An LMS package has tens or hundreds.']);
  }, 30_000);

  it('entries past what a classic end record can say (65,535) are counted by walking the directory', async () => {
    const limits = { ...ZIP_LIMITS, entries: 70_000 };
    const directory = await readZipDirectory(bytesSource(hostileZip(empties(66_000))), limits);
    expect(directory.entries).toHaveLength(66_000);
    expect(directory.refused).toEqual(['zip-entries: the end record says 65,535 entries, the central directory holds 66,000: tools would disagree on what the package contains.']);
    const over = await readZipDirectory(bytesSource(hostileZip(empties(25_000), { claimedCount: 3 })));
    expect(over.refused[0]).toMatch(/^zip-entries: the central directory holds more than 20,000 entries \(the end record says 3\)/);
  }, 30_000);

  it('reads a small ZIP64 archive like any other', async () => {
    const result = await unpack([{ name: 'index.html', data: text('hello') }, { name: 'a/b.txt', data: text('b') }], { zip64: true });
    expect(result.findings).toEqual([]);
    expect(await tree(folder)).toEqual(['a', 'a/b.txt', 'index.html']);
  });

  it('a file that is not a zip is ZipDamaged', async () => {
    await expect(readZipDirectory(bytesSource(text('not a zip at all, just text')))).rejects.toThrow(ZipDamaged);
  });
});
