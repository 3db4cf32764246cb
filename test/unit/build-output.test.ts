import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recoverOutputFolder, writeOutputFolder } from '../../scripts/bundle/write-output.js';
import { main } from '../../scripts/cli/main.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'coursemark-out-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('output writing', () => {
  it('replaces the output folder as a whole and leaves no staging folders', async () => {
    const target = join(out, 'web');
    await mkdir(target);
    await writeFile(join(target, 'stale.js'), 'old');
    await writeOutputFolder(target, [
      { path: 'index.html', contents: bytes('<!doctype html>') },
      { path: 'assets/a.js', contents: bytes('export {}') },
    ]);
    expect((await readdir(out)).sort()).toEqual(['web']);
    expect((await readdir(target)).sort()).toEqual(['assets', 'index.html']);
    expect(await readFile(join(target, 'assets/a.js'), 'utf8')).toBe('export {}');
  });

  it('keeps the previous output when writing fails part-way', async () => {
    const target = join(out, 'web');
    await mkdir(target);
    await writeFile(join(target, 'index.html'), 'previous build');
    // A file and a folder of the same name cannot both exist: the second write fails.
    const failing = writeOutputFolder(target, [
      { path: 'a', contents: bytes('file') },
      { path: 'a/b.js', contents: bytes('child') },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('previous build');
    expect(await readdir(out)).toEqual(['web']);
  });

  it('a build with content errors exits 1 and leaves an earlier dist untouched', async () => {
    const target = join(out, 'web');
    await mkdir(target);
    await writeFile(join(target, 'index.html'), 'previous build');
    const silent = { out: () => undefined, err: () => undefined, color: false };
    const code = await main(['build', join(import.meta.dirname, '../fixtures/check/broken-course'), '--out', out], silent);
    expect(code).toBe(1);
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('previous build');
  });

  it('tidies what a killed build left: its staging folder goes, a set-aside previous output comes back', async () => {
    const target = join(out, 'web');
    // A process id that cannot be running: the build that left these is gone.
    const dead = 2 ** 22 + 12345;
    await mkdir(join(out, `web.tmp-${dead}-1`), { recursive: true });
    await mkdir(join(out, `web.old-${dead}-1`), { recursive: true });
    await writeFile(join(out, `web.old-${dead}-1`, 'index.html'), 'previous build');
    await recoverOutputFolder(target);
    expect((await readdir(out)).sort()).toEqual(['web']);
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('previous build');
  });
});


describe('output writing with unchanged files linked', () => {
  const files = (page: string) => [
    { path: 'index.html', contents: bytes('<!doctype html>') },
    { path: 'assets/page.js', contents: bytes(page) },
  ];

  it('links the files the previous output holds with the same bytes and writes the others', async () => {
    const target = join(out, 'web');
    await writeOutputFolder(target, files('export default "one";'), { linkUnchanged: true });
    const before = await stat(join(target, 'index.html'));
    await writeOutputFolder(target, files('export default "two";'), { linkUnchanged: true });
    expect((await stat(join(target, 'index.html'))).ino).toBe(before.ino);
    expect(await readFile(join(target, 'assets/page.js'), 'utf8')).toBe('export default "two";');
    expect((await readdir(out)).sort()).toEqual(['web']);
  });

  it('never changes a file of an earlier output, even one that shares its inode with the new output', async () => {
    const target = join(out, 'web');
    await writeOutputFolder(target, files('export default "one";'), { linkUnchanged: true });
    // An earlier output kept elsewhere as hard links (cp -al, a backup tool): same inodes.
    const kept = join(out, 'kept');
    await mkdir(join(kept, 'assets'), { recursive: true });
    for (const path of ['index.html', 'assets/page.js']) await link(join(target, path), join(kept, path));
    await writeOutputFolder(target, files('export default "two";'), { linkUnchanged: true });
    expect(await readFile(join(kept, 'assets/page.js'), 'utf8')).toBe('export default "one";');
    expect(await readFile(join(kept, 'index.html'), 'utf8')).toBe('<!doctype html>');
  });

  it('writes a file again when its previous copy was edited in place, and links nothing without the option', async () => {
    const target = join(out, 'web');
    await writeOutputFolder(target, files('export default "one";'), { linkUnchanged: true });
    await writeFile(join(target, 'index.html'), 'edited by hand');
    const edited = await stat(join(target, 'index.html'));
    await writeOutputFolder(target, files('export default "one";'), { linkUnchanged: true });
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('<!doctype html>');
    expect((await stat(join(target, 'index.html'))).ino).not.toBe(edited.ino);
    const linked = await stat(join(target, 'assets/page.js'));
    await writeOutputFolder(target, files('export default "one";'));
    expect((await stat(join(target, 'assets/page.js'))).ino).not.toBe(linked.ino);
  });

  it('compares large files to the end: one byte changed past the first megabyte is written, an equal one linked', async () => {
    const target = join(out, 'web');
    const video = new Uint8Array(3 * 1024 * 1024 + 17).fill(7);
    const changed = video.slice();
    changed[changed.length - 1] = 8;
    await writeOutputFolder(target, [{ path: 'media/a.mp4', contents: video }, { path: 'media/b.mp4', contents: video }], { linkUnchanged: true });
    const [a, b] = await Promise.all(['a', 'b'].map((name) => stat(join(target, `media/${name}.mp4`))));
    await writeOutputFolder(target, [{ path: 'media/a.mp4', contents: video }, { path: 'media/b.mp4', contents: changed }], { linkUnchanged: true });
    expect((await stat(join(target, 'media/a.mp4'))).ino).toBe(a?.ino);
    expect((await stat(join(target, 'media/b.mp4'))).ino).not.toBe(b?.ino);
    expect((await readFile(join(target, 'media/b.mp4'))).equals(changed)).toBe(true);
  });
});
