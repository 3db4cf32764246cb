import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { fromRoot } from '../project-root.js';
import { UsageError } from './usage.js';

/** The starter course `init` copies (templates/starter/ in the package). */
export const starterDir = fromRoot('templates', 'starter');

// npm never packs a file named .gitignore, so the starter's is written here.
const GITIGNORE = ['node_modules/', 'dist/'];

/** What `npm run <name>` does in a course repository made by `init`. */
export const COURSE_SCRIPTS: Readonly<Record<string, string>> = {
  build: 'coursemark build',
  check: 'coursemark check',
  preview: 'coursemark preview',
  verify: 'coursemark verify dist',
};

/**
 * `coursemark init [dir]`: copies the starter course into `dir` (made if needed) and gives it a
 * package.json with the course scripts and a .gitignore. An existing package.json or .gitignore is
 * completed, never replaced; a folder that already holds a course (course.yaml or sections/) is
 * refused, so nothing an author wrote is overwritten. Returns what to print.
 */
export async function initCourse(folder: string): Promise<string> {
  const target = resolve(folder);
  const info = await stat(target).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new UsageError(`"${folder}" is a file, not a folder.`);
  const present = new Set(info === undefined ? [] : await readdir(target));
  const starter = await readdir(starterDir);
  const clash = starter.filter((name) => present.has(name));
  if (clash.length > 0) throw new UsageError(`"${folder}" already has ${clash.map((name) => `"${name}"`).join(', ')}: init makes a new course and never overwrites files. Choose an empty folder, e.g. "coursemark init my-course".`);
  await mkdir(target, { recursive: true });
  await cp(starterDir, target, { recursive: true, errorOnExist: true, force: false });
  await writePackageJson(target);
  await writeGitignore(target);
  const where = relative(process.cwd(), target) || '.';
  const enter = where === '.' ? '' : `  cd ${where}\n`;
  return [
    `Created a starter course in ${where}/: course.yaml, glossary.yaml, sections/, assets/, package.json, .gitignore.`,
    '',
    'Next:',
    `${enter}  npm install          # installs coursemark for this course`,
    '  npm run preview      # see the course in your browser; edits show as you save',
    '  npm run check        # list every problem with file:line:column',
    '  npm run build        # dist/: a web version and one zip per LMS standard',
    '  npm run verify       # take each zip as a learner in an emulated LMS',
    '',
    'Then upload dist/<course>-<version>-scorm12.zip (or the standard your LMS prefers) to your LMS.',
    'The authoring guide: node_modules/coursemark/docs/authoring.md; "npx coursemark explain <rule-id>" explains any problem.',
    '',
  ].join('\n');
}

async function writePackageJson(target: string): Promise<void> {
  const path = join(target, 'package.json');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  let manifest: Record<string, unknown>;
  try {
    manifest = text === undefined ? { name: new GithubSlugger().slug(basename(target)) || 'my-course', version: '1.0.0', private: true } : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    throw new UsageError(`${relative(process.cwd(), path)} is not valid JSON; fix it or remove it, then run init again.`);
  }
  const scripts = typeof manifest.scripts === 'object' && manifest.scripts !== null ? (manifest.scripts as Record<string, unknown>) : {};
  manifest.scripts = { ...COURSE_SCRIPTS, ...scripts };
  const own = JSON.parse(await readFile(fromRoot('package.json'), 'utf8')) as { version: string };
  const devDependencies = typeof manifest.devDependencies === 'object' && manifest.devDependencies !== null ? (manifest.devDependencies as Record<string, unknown>) : {};
  const dependencies = typeof manifest.dependencies === 'object' && manifest.dependencies !== null ? (manifest.dependencies as Record<string, unknown>) : {};
  if (!('coursemark' in devDependencies) && !('coursemark' in dependencies)) manifest.devDependencies = { ...devDependencies, coursemark: `^${own.version}` };
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

async function writeGitignore(target: string): Promise<void> {
  const path = join(target, '.gitignore');
  const text = await readFile(path, 'utf8').catch(() => '');
  const lines = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE.filter((line) => !lines.has(line) && !lines.has(line.replace(/\/$/, '')));
  if (missing.length > 0) await writeFile(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`);
}
