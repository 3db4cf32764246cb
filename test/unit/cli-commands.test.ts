import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { ruleDocPath } from '../../scripts/cli/explain-command.js';
import { rules } from '../../scripts/diagnostics/rules.js';
import { findBrowser, NO_BROWSER } from '../../scripts/lms/find-browser.js';

const repo = join(import.meta.dirname, '../..');

const run = runCli;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coursemark-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('coursemark init', () => {
  it('makes a starter course that checks clean, with the course scripts and a .gitignore', async () => {
    const { code, out } = await run('init', join(dir, 'my-course'));
    expect(code).toBe(0);
    expect(out).toContain('npm run preview');
    const folder = join(dir, 'my-course');
    expect((await readdir(folder)).sort()).toEqual(['.gitignore', 'README.md', 'assets', 'course.yaml', 'glossary.yaml', 'package.json', 'sections']);
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.name).toBe('my-course');
    expect(manifest.scripts).toEqual({ build: 'coursemark build', check: 'coursemark check', preview: 'coursemark preview', verify: 'coursemark verify dist' });
    expect(manifest.devDependencies.coursemark).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(await readFile(join(folder, '.gitignore'), 'utf8')).toBe('node_modules/\ndist/\n');
    const check = await run('check', folder, '--format', 'json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toEqual([]);
  });

  it('shows every directive and question type in the starter', async () => {
    await run('init', dir);
    const pages = await Promise.all((await readdir(join(dir, 'sections'))).map((name) => readFile(join(dir, 'sections', name), 'utf8')));
    const text = pages.join('\n');
    for (const directive of [':::question', '::correct', '::incorrect', ':feedback[', ':::activity', '::discussion', ':::content-warning', ':::support', '::figure', ':::note', ':::case-study', ':term[', ':span[']) {
      if (directive === '::correct') continue;
      expect(text, directive).toContain(directive);
    }
    for (const type of ['single-choice', 'multiple-response', 'true-false', 'fill-in', 'numeric', 'matching', 'sequencing']) expect(text).toContain(`type=${type}`);
  });

  it('completes an existing package.json and .gitignore, and refuses to overwrite a course', async () => {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'mine', scripts: { build: 'my own build' }, devDependencies: { coursemark: '^0.0.9' } }));
    await writeFile(join(dir, '.gitignore'), 'dist\n.env');
    expect((await run('init', dir)).code).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest).toMatchObject({ name: 'mine', scripts: { build: 'my own build', check: 'coursemark check' }, devDependencies: { coursemark: '^0.0.9' } });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('dist\n.env\nnode_modules/\n');
    const again = await run('init', dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already has "README.md", "assets", "course.yaml"/);
  });
});

describe('coursemark explain', () => {
  it('has a page with an example and the fix for every rule, and prints it', async () => {
    for (const rule of Object.keys(rules)) {
      const text = await readFile(ruleDocPath(rule), 'utf8');
      expect(text, rule).toMatch(new RegExp(`^# ${rule} \\((error|warning)\\)\\n\\n\\S[\\s\\S]*\\n## Example\\n\\n\\S[\\s\\S]*\\n## Fix\\n\\n\\S`));
    }
    const { code, out } = await run('explain', 'directive-syntax');
    expect(code).toBe(0);
    expect(out).toContain('curly quotes');
    expect(out).toMatch(/docs\/authoring\.md\n$/);
  });

  it('lists the rules without an id, and suggests the closest for a misspelled one', async () => {
    expect((await run('explain')).out).toContain('broken-link');
    const wrong = await run('explain', 'brokn-link');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Did you mean "broken-link"?');
  });
});

describe('check leaves no cache behind, build keeps one in its output folder', () => {
  it('check in a fresh folder writes nothing; after a build it reuses the build cache', { timeout: 60_000 }, async () => {
    await run('init', join(dir, 'course'));
    // In its own process: the check runs in the folder an author would be in.
    const check = () => spawnSync(process.execPath, [join(repo, 'bin/coursemark.js'), 'check', 'course'], { cwd: dir, encoding: 'utf8' }).status;
    expect(check()).toBe(0);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    await mkdir(join(dir, 'dist', '.coursemark-cache'), { recursive: true });
    expect(check()).toBe(0);
    expect((await readdir(join(dir, 'dist', '.coursemark-cache'))).length).toBeGreaterThan(0);
  });
});

describe('usage mistakes of the newer options', () => {
  it('exits 2 with a clear message', async () => {
    for (const [args, message] of [
      [['preview', '--port', 'http'], '--port must be a port number'],
      [['build', '--open'], '--port and --open belong to "preview"'],
      [['verify', join(dir, 'nothing-here')], 'no package file or folder'],
      [['verify', dir], 'has no .zip or .imscc packages'],
      [['biuld'], 'Did you mean "build"?'],
      [['new'], 'Did you mean "init"?'],
    ] as const) {
      const { code, err } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain(message);
    }
  });
});

describe('finding a browser', () => {
  const exists = (paths: string[]) => (path: string) => paths.includes(path);
  it('takes CHROMIUM_PATH, then the usual places, then PATH, and says how to get one', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/x/chrome' }, 'linux', exists(['/x/chrome']))).toBe('/x/chrome');
    expect(() => findBrowser({ CHROMIUM_PATH: '/x/none' }, 'linux', exists([]))).toThrow(/CHROMIUM_PATH is set to "\/x\/none"/);
    expect(findBrowser({}, 'linux', exists(['/usr/bin/google-chrome', '/usr/bin/microsoft-edge']))).toBe('/usr/bin/google-chrome');
    expect(findBrowser({ PATH: '/opt/bin' }, 'linux', exists(['/opt/bin/chromium-browser']))).toBe('/opt/bin/chromium-browser');
    expect(findBrowser({}, 'darwin', exists(['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']))).toContain('Microsoft Edge');
    expect(() => findBrowser({}, 'linux', exists([]))).toThrow(NO_BROWSER);
  });
});
