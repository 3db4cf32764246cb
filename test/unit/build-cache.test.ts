import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeRecords } from '../../scripts/cache/record-file.js';
import { main } from '../../scripts/cli/main.js';

// The cache makes rebuilds faster and must never change what they produce: the same bytes in every
// output file and the same messages, whether a build starts cold, warm or without a cache.
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-build-cache-'));
  await cp(join(import.meta.dirname, '../../course'), join(work, 'course'), { recursive: true });
  // A warning, to see that a section read from the cache still reports it.
  const page = join(work, 'course', 'sections', '01-introduction.md');
  await writeFile(page, `${await readFile(page, 'utf8')}\n# A heading one level too high\n`);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function build(out: string, ...args: string[]): Promise<{ files: Map<string, Buffer>; err: string }> {
  let err = '';
  const code = await main(['build', join(work, 'course'), '--out', out, ...args], { out: () => undefined, err: (text) => (err += text), color: false });
  expect(code, err).toBe(0);
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !relative(out, path).startsWith('.coursemark-cache')) files.set(relative(out, path), await readFile(path));
  }
  return { files, err: err.replaceAll(work, '<work>') };
}

it('builds the same bytes and reports the same warnings without a cache, with a cold one and with a warm one', async () => {
  const plain = await build(join(work, 'plain'), '--no-cache');
  expect(plain.err).toContain('heading-level');
  expect([...plain.files.keys()].filter((path) => path.endsWith('.zip'))).toHaveLength(4);
  const cacheDir = join(work, 'cache');
  const cold = await build(join(work, 'cold'), '--cache-dir', cacheDir);
  expect((await readdir(join(cacheDir, 'sections'))).length).toBeGreaterThan(0);
  const warm = await build(join(work, 'warm'), '--cache-dir', cacheDir);
  for (const result of [cold, warm]) {
    expect(result.err).toBe(plain.err);
    expect([...result.files.keys()].sort()).toEqual([...plain.files.keys()].sort());
    for (const [path, bytes] of plain.files) expect(result.files.get(path)?.equals(bytes), path).toBe(true);
  }
}, 120_000);

it('renders again only the pages whose inputs changed, and never serves a page of other code or text', async () => {
  const cacheDir = join(work, 'pages-cache');
  await build(join(work, 'pages-1'), '--cache-dir', cacheDir);
  // The file: a magic line, then a checked record per page (its key, then its module's source).
  const stored = async () => {
    const records = decodeRecords(Buffer.from('coursemark pages 3\n'), await readFile(join(cacheDir, 'pages.bin')));
    return { entries: Object.fromEntries([...records].map(([key, source]) => [key, Buffer.from(source).toString('utf8')])) };
  };
  const before = await stored();
  const sample = join(work, 'course', 'sections', '07-summary-and-references.md');
  const original = await readFile(sample, 'utf8');
  await writeFile(sample, `${original}\nA sentence added by the test.\n`);
  try {
    const edited = await build(join(work, 'pages-2'), '--cache-dir', cacheDir);
    const after = await stored();
    // One entry replaced: the edited page's; the others are the same keys with the same sources.
    const gone = Object.keys(before.entries).filter((key) => !(key in after.entries));
    const added = Object.keys(after.entries).filter((key) => !(key in before.entries));
    expect([gone.length, added.length]).toEqual([1, 1]);
    expect(after.entries[added[0] ?? '']).toContain('A sentence added by the test.');
    // The rebuilt output is what a build without any cache makes.
    const plain = await build(join(work, 'pages-plain'), '--no-cache');
    for (const [path, bytes] of plain.files) expect(edited.files.get(path)?.equals(bytes), path).toBe(true);
  } finally {
    await writeFile(sample, original);
  }
  // A damaged record is no cache: a flipped byte fails its CRC, so the build renders that page
  // again (never uses a damaged one) and writes a good file again.
  const good = await readFile(join(cacheDir, 'pages.bin'));
  const damaged = Buffer.from(good);
  damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
  await writeFile(join(cacheDir, 'pages.bin'), damaged);
  const rebuilt = await build(join(work, 'pages-3'), '--cache-dir', cacheDir);
  const plain = await build(join(work, 'pages-plain-2'), '--no-cache');
  for (const [path, bytes] of plain.files) expect(rebuilt.files.get(path)?.equals(bytes), path).toBe(true);
  // The file written again holds the pages of the course as it is now (the edit was undone).
  expect((await stored()).entries).toEqual(before.entries);
}, 120_000);
