import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';
import { packageTarget, PACKAGE_TARGETS } from '../../../scripts/package/package-target.js';
import { zipPackage } from '../../../scripts/package/zip-package.js';
import { decode, fakeWebFiles, makeModel, readZip, text } from './package-helpers.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const model = makeModel();
const web = fakeWebFiles();

/** DOS date/time of 1980-01-01 00:00:00 (APPNOTE 4.4.6): date = (0 << 9) | (1 << 5) | 1, time = 0. */
const DOS_DATE_1980 = (1 << 5) | 1;

describe('zipPackage: reproducible (standards Z9)', () => {
  it('the same entries give byte-identical zips, whatever the input order', async () => {
    const a = await zipPackage(web);
    const b = await zipPackage([...web].reverse());
    expect(sha256(a)).toBe(sha256(b));
  });

  it.each(PACKAGE_TARGETS)('%s: two builds have the same sha256', async (target) => {
    const first = await packageTarget(target, model, web);
    const second = await packageTarget(target, makeModel(), fakeWebFiles());
    expect(sha256(first.bytes)).toBe(sha256(second.bytes));
  });

  it('does not depend on the time zone of the machine', async () => {
    const before = process.env.TZ;
    try {
      const utc = await zipPackage(web);
      process.env.TZ = 'Pacific/Kiritimati';
      const far = await zipPackage(web);
      expect(sha256(far)).toBe(sha256(utc));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('zipPackage: hygiene (standards Z1-Z3, Z6; reliability S9)', () => {
  it.each(PACKAGE_TARGETS)('%s: sorted entries, fixed times, 0644, no directories, STORE/DEFLATE only, manifest at the root', async (target) => {
    const result = await packageTarget(target, model, web);
    const zip = readZip(result.bytes);
    const names = zip.entries.map((entry) => entry.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(result.fileCount).toBe(names.length);
    const manifest = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', cmi5: 'cmi5.xml', xapi: 'tincan.xml', cc: 'imsmanifest.xml' }[target];
    expect(names).toContain(manifest);
    // A cartridge carries static pages instead of the player.
    expect(names).toContain(target === 'cc' ? 'wiki_content/01-a.html' : 'index.html');
    for (const entry of zip.entries) {
      expect(entry.name).not.toMatch(/^\/|\\|(^|\/)\.\.?(\/|$)|\/$/);
      expect(entry.name).not.toMatch(/\.DS_Store|__MACOSX|Thumbs\.db|\.map$|\.zip$/);
      expect(entry.dosDate).toBe(DOS_DATE_1980);
      expect(entry.dosTime).toBe(0);
      expect(entry.versionMadeBy >> 8).toBe(3); // Unix, so the mode in the external attributes counts
      expect(entry.externalAttributes >>> 16).toBe(0o100644); // regular file, rw-r--r--
      expect([0, 8]).toContain(entry.method);
      expect(entry.flags & 0x1).toBe(0); // not encrypted
      expect(entry.localNameMatches).toBe(true);
    }
    expect(zip.comment).toBe('');
  });

  it('writes the CRC and sizes in every local header, without data descriptors (APPNOTE 4.3.9)', async () => {
    const zip = readZip(await zipPackage([...web, { path: 'media/a.png', contents: new Uint8Array(64).fill(7) }]));
    for (const entry of zip.entries) expect([entry.name, entry.localFieldsMatch, entry.flags & 0x8]).toEqual([entry.name, true, 0]);
  });

  it('stores compressed media and deflates text', async () => {
    const png = { path: 'media/a.png', contents: new Uint8Array(64).fill(7) };
    const zip = readZip(await zipPackage([...web, png, { path: 'media/b.woff2', contents: new Uint8Array([1, 2]) }]));
    const method = (name: string): number | undefined => zip.entries.find((entry) => entry.name === name)?.method;
    expect(method('media/a.png')).toBe(0);
    expect(method('media/b.woff2')).toBe(0);
    expect(method('index.html')).toBe(8);
    expect(method('assets/player-abc.js')).toBe(8);
    expect(method('media/assets/x.svg')).toBe(8);
  });

  it('round-trips the contents', async () => {
    const zip = readZip(await zipPackage(web));
    for (const file of web) expect(decode(zip.entries.find((entry) => entry.name === file.path)!.data)).toBe(decode(file.contents));
  });

  it.each([
    '.DS_Store',
    'media/.DS_Store',
    '__MACOSX/index.html',
    'media/Thumbs.db',
    'assets/player-abc.js.map',
    'api/save.php',
    'cgi/run.cgi',
    'scripts/x.sh',
    'tools/a.py',
    'tools/a.pl',
    'x.asp',
    'x.aspx',
    'x.jsp',
    '.htaccess',
    'media/inner.zip',
  ])('refuses junk: %s', async (path) => {
    const junk: OutputFile = { path, contents: text('x') };
    await expect(zipPackage([...web, junk])).rejects.toThrow(path);
    await expect(packageTarget('scorm12', model, [...web, junk])).rejects.toThrow(path);
  });

  it.each(['/index2.html', '../up.html', 'a//b.html', 'a\\b.html', 'media/'])('refuses an unsafe path: %s', async (path) => {
    await expect(zipPackage([...web, { path, contents: text('x') }])).rejects.toThrow(path.replace(/\\/g, '\\'));
  });

  it('sets the UTF-8 flag (bit 11) only on non-ASCII names, and refuses NFD names (Z7, S9)', async () => {
    const zip = readZip(await zipPackage([...web, { path: 'media/caf\u00e9.svg', contents: text('<svg/>') }]));
    for (const entry of zip.entries) expect([entry.name, entry.flags & 0x800]).toEqual([entry.name, /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x800]);
    expect(zip.entries.map((entry) => entry.name)).toContain('media/caf\u00e9.svg');
    await expect(zipPackage([...web, { path: 'media/cafe\u0301.svg', contents: text('<svg/>') }])).rejects.toThrow(/NFC/);
  });

  it('refuses duplicates, also by letter case, and web files that collide with the manifest', async () => {
    await expect(zipPackage([...web, { path: 'Index.html', contents: text('x') }])).rejects.toThrow('Index.html');
    await expect(zipPackage([...web, { path: 'index.html', contents: text('x') }])).rejects.toThrow('index.html');
    await expect(packageTarget('cmi5', model, [...web, { path: 'cmi5.xml', contents: text('<x/>') }])).rejects.toThrow('cmi5.xml');
  });
});
