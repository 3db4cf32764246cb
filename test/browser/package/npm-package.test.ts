import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The npm package as an author gets it: `npm pack` (which compiles the CLI first), installed into an
// empty course repository from the tarball (its dependencies from the npm registry, or npm's cache),
// then `coursemark init`, and the course's own npm scripts: check, build, verify.
const repo = join(import.meta.dirname, '../../..');
let work: string;
let consumer: string;
let tarball: string;

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    // The test runner's own settings must not leak into the author's commands.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_OPTIONS|npm_)/i.test(name)));
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-package-'));
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], repo);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.err}`);
  const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
  tarball = join(work, info.filename);
  consumer = join(work, 'my-course');
  await mkdir(consumer);
  await writeFile(join(consumer, 'package.json'), `${JSON.stringify({ name: 'my-course', version: '1.0.0', private: true }, null, 2)}\n`);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the compiled CLI, the player, schemas, docs and the starter, and no tests', async () => {
    const listing = await run('tar', ['-tzf', tarball], work);
    const files = listing.out.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    for (const needed of ['bin/coursemark.js', 'lib/coursemark.mjs', 'lib/parse-worker.mjs', 'components/mount.ts', 'components/runtime/scorm/scorm12-entry.ts', 'schemas/scorm12/imscp_rootv1p1p2.xsd', 'docs/authoring.md', 'docs/rules/broken-link.md', 'templates/starter/course.yaml', 'scripts/preview/preview-host.js', 'scripts/lms/lms-host/host.js', 'README.md', 'package.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((path) => /^(test|bench|course|\.ci)\/|^scripts\/.*\.ts$|^bin\/compile-cli/.test(path))).toEqual([]);
  });

  it('installs into an empty course repository, where init, check, build and verify work', { timeout: 900_000 }, async () => {
    const install = await run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], consumer);
    expect(install.code, install.err).toBe(0);

    const init = await run('npx', ['--no-install', 'coursemark', 'init', '.'], consumer);
    expect(init.code, init.err).toBe(0);
    const manifest = JSON.parse(await readFile(join(consumer, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.scripts).toMatchObject({ check: 'coursemark check', build: 'coursemark build', verify: 'coursemark verify dist' });
    expect(manifest.devDependencies.coursemark).toMatch(/coursemark-.*\.tgz$/);

    const check = await run('npm', ['run', '--silent', 'check'], consumer);
    expect(check.code, check.err).toBe(0);
    expect(check.err).toContain('3 pages checked: no errors.');
    // check leaves nothing behind; build keeps its cache in dist/.
    expect((await readdir(consumer)).sort()).toEqual(['.gitignore', 'README.md', 'assets', 'course.yaml', 'glossary.yaml', 'node_modules', 'package-lock.json', 'package.json', 'sections']);

    const build = await run('npm', ['run', '--silent', 'build'], consumer);
    expect(build.code, build.err).toBe(0);
    const dist = (await readdir(join(consumer, 'dist'))).sort();
    expect(dist).toEqual(['.coursemark-cache', 'the-water-cycle-1.0.0-cmi5.zip', 'the-water-cycle-1.0.0-scorm12.zip', 'the-water-cycle-1.0.0-scorm2004.zip', 'the-water-cycle-1.0.0-xapi.zip', 'web']);

    const verify = await run('npm', ['run', '--silent', 'verify'], consumer);
    expect(verify.code, `${verify.out}\n${verify.err}`).toBe(0);
    expect(verify.out.match(/^Result: OK/gm)).toHaveLength(4);
    // Seven questions and the draw of two from the starter's question pool.
    expect(verify.out).toContain('answered 9 questions correctly');

    const explain = await run('npx', ['--no-install', 'coursemark', 'explain', 'directive-unclosed'], consumer);
    expect(explain.out).toContain(join(consumer, 'node_modules/coursemark/docs/authoring.md'));

    // The preview serves the host page, the player and the course's images from the installed package.
    const preview = spawn(process.execPath, [join(consumer, 'node_modules/coursemark/bin/coursemark.js'), 'preview'], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        preview.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
          if (found) resolve(found);
        });
        preview.on('exit', (code) => reject(new Error(`preview exited with ${code}`)));
      });
      expect((await fetch(url)).status).toBe(200);
      const player = await fetch(new URL('__preview/player/scorm12.html', url));
      expect(player.status).toBe(200);
      const image = await fetch(new URL('__preview/player/media/assets/water-cycle.svg', url));
      expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    } finally {
      preview.kill('SIGINT');
    }
  });
});
