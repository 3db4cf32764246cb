import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.js';
import { checkPackage } from '../../../scripts/package/index.js';
import { decode, unzip, validateManifest } from './package-helpers.js';

// The sample course built by the CLI to every target, twice (the second time with the zip entries
// the first left in its cache), with a planted secret in the environment.
const repo = join(import.meta.dirname, '../../..');
const secret = 'planted-secret-4b8e1f';
let first: string;
let second: string;
let perSection: string;

async function build(out: string, ...extra: string[]): Promise<void> {
  const report: string[] = [];
  const code = await main(['build', join(repo, 'course'), '--out', out, ...extra], { out: (text) => report.push(text), err: (text) => report.push(text), color: false });
  expect(code, report.join('')).toBe(0);
}

async function zips(folder: string): Promise<Map<string, Uint8Array>> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.zip')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, new Uint8Array(await readFile(join(folder, name)))] as const)));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  process.env.VITE_LRS_SECRET = secret;
  process.env.COURSEMARK_LRS_SECRET = secret;
  const folder = () => mkdtemp(join(tmpdir(), 'coursemark-pkg-'));
  first = await folder();
  second = await folder();
  perSection = await folder();
  await build(first);
  await build(second, '--cache-dir', join(first, '.coursemark-cache'));
  await build(perSection, '--target', 'cmi5', '--cmi5-aus', 'per-page', '--no-cache');
}, 120_000);

afterAll(async () => {
  delete process.env.VITE_LRS_SECRET;
  delete process.env.COURSEMARK_LRS_SECRET;
  await Promise.all([first, second, perSection].map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('sample course packages', () => {
  it('builds one zip per package target, named <slug>-<version>-<target>.zip', async () => {
    expect([...(await zips(first)).keys()]).toEqual(['cmi5', 'scorm12', 'scorm2004', 'xapi'].map((target) => `the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0-${target}.zip`));
  });

  it('is reproducible: two builds give byte-identical zips, with a cold and a warm cache', async () => {
    expect((await readdir(join(first, '.coursemark-cache', 'zip-entries'))).length).toBe(1);
    const a = await zips(first);
    const b = await zips(second);
    for (const [name, bytes] of a) expect(sha256(bytes), name).toBe(sha256(b.get(name) ?? new Uint8Array()));
  });

  // Each xmllint-wasm validation compiles the XSDs anew: seconds of CPU on a busy 2-core machine.
  it('has manifests that validate against the official XSDs and pass the package checks', { timeout: 60_000 }, async () => {
    const all = [...(await zips(first)), ...(await zips(perSection))];
    for (const [name, bytes] of all) {
      const entries = unzip(bytes);
      expect(checkPackage(entries), name).toEqual([]);
      const kind = name.includes('scorm12') ? 'scorm12' : name.includes('scorm2004') ? 'scorm2004' : name.includes('cmi5') ? 'cmi5' : undefined;
      if (!kind) continue;
      const manifest = entries.find((entry) => entry.path === (kind === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml'));
      expect(await validateManifest(kind, decode(manifest?.contents ?? new Uint8Array())), name).toEqual([]);
    }
  });

  it('takes titles and ids from the course model', async () => {
    const entries = unzip((await zips(first)).get('the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0-scorm12.zip') ?? new Uint8Array());
    const manifest = decode(entries.find((entry) => entry.path === 'imsmanifest.xml')?.contents ?? new Uint8Array());
    // The sample course reports completed/incomplete (the default), so its manifest has no mastery score.
    expect(manifest).not.toContain('masteryscore');
    expect(manifest).toContain('The psychology of cybercrime: image-based sexual abuse');
    const cmi5 = decode(unzip((await zips(perSection)).values().next().value ?? new Uint8Array()).find((entry) => entry.path === 'cmi5.xml')?.contents ?? new Uint8Array());
    expect(cmi5.match(/<au /g)).toHaveLength(7);
    expect(cmi5).toContain('id="https://coursemark.dev/courses/psychology-of-cybercrime/image-based-sexual-abuse/pages/sexting/au"');
  });

  it('carries no environment secret and no local path', async () => {
    for (const [name, bytes] of await zips(first)) {
      for (const entry of unzip(bytes)) {
        const content = decode(entry.contents);
        expect(content.includes(secret), `${name}:${entry.path}`).toBe(false);
        expect(content.includes(repo), `${name}:${entry.path}`).toBe(false);
        expect(content.includes(tmpdir()), `${name}:${entry.path}`).toBe(false);
        // Reliability S5: no HTTP Basic credential literal anywhere in a package.
        expect(/Basic [A-Za-z0-9+/]{8,}={0,2}/.test(content), `${name}:${entry.path}`).toBe(false);
      }
    }
  });
});
