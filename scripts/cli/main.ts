import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { hasErrors } from '../diagnostics/report.js';
import { limitsFromOptions } from '../limits/input-limits.js';
import { CourseFolderError } from '../load/course-folder-error.js';
import { fromRoot } from '../project-root.js';
import { BrowserNotFoundError } from '../lms/find-browser.js';
import { checkCacheDir, parseCacheDir, parseCmi5Aus, parseTargets } from './build-options.js';
import { explainRule } from './explain-command.js';
import { endStage, writeStats } from './stage-timer.js';
import { printable, printableLines } from '../diagnostics/printable.js';
import { formatText, jsonText, plainStyle, type TextStyle } from './format-messages.js';
import { EXIT, UsageError, usage } from './usage.js';
import { didYouMean } from '../diagnostics/suggest.js';

interface Streams {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
}

const defaultStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  color: process.stderr.isTTY === true && !('NO_COLOR' in process.env),
};

/** Runs the CLI and returns its exit code; the only place that decides what is printed where. */
export async function main(argv: readonly string[], streams: Streams = defaultStreams): Promise<number> {
  try {
    return await runGuarded(argv, streams);
  } finally {
    writeStats();
  }
}

async function runGuarded(argv: readonly string[], streams: Streams): Promise<number> {
  try {
    return await run(argv, streams);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CourseFolderError || error instanceof BrowserNotFoundError) {
      streams.err(`coursemark: ${printable(error.message)}\n${error instanceof UsageError ? 'Run "coursemark --help" for usage.\n' : ''}`);
      return EXIT.usage;
    }
    // The stack (local paths, internals) only on request: it is for the bug report, not the author.
    const debug = process.env.COURSEMARK_DEBUG !== undefined && process.env.COURSEMARK_DEBUG !== '';
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    const more = debug ? '' : 'Run the same command with COURSEMARK_DEBUG=1 to include the details in your report.\n';
    streams.err(`coursemark: internal error. This is a bug in coursemark, not in your course.\nPlease report it with the command you ran and, if you can, the course files.\n${more}\n${printableLines(detail)}\n`);
    return EXIT.internal;
  }
}

async function run(argv: readonly string[], streams: Streams): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        target: { type: 'string' },
        format: { type: 'string' },
        'cmi5-aus': { type: 'string' },
        'max-page-kb': { type: 'string' },
        'max-nesting': { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        answers: { type: 'string' },
        resume: { type: 'boolean' },
        json: { type: 'boolean' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        timeout: { type: 'string' },
        lms: { type: 'string' },
        'show-text': { type: 'boolean' },
        salt: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, folder = '.', ...extra] = positionals;
  if (values.version === true) {
    const pkg = JSON.parse(await readFile(fromRoot('package.json'), 'utf8')) as { version: string };
    streams.out(`${pkg.version}\n`);
    return EXIT.ok;
  }
  if (values.help === true || command === undefined) {
    streams.out(`${usage}\n`);
    return command === undefined && values.help !== true ? EXIT.usage : EXIT.ok;
  }
  if ((values.port !== undefined || values.open !== undefined) && command !== 'preview') throw new UsageError('--port and --open belong to "preview".');
  if ((values['show-text'] !== undefined || values.salt !== undefined) && command !== 'report') throw new UsageError('--show-text and --salt belong to "report".');
  if (command === 'verify') return verify(positionals.slice(1), values, streams);
  if (command === 'report') return report(positionals.slice(1), values, streams);
  if (command === 'preview') return preview(folder, extra, values, streams);
  if (command === 'init') return init(positionals.slice(1), streams);
  if (command === 'explain') {
    if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2] ?? ''}".`);
    streams.out(await explainRule(positionals[1]));
    return EXIT.ok;
  }
  if (command !== 'build' && command !== 'check') {
    // "new" and "create" are what other tools call starting a project.
    const suggestion = command === 'new' || command === 'create' ? ' Did you mean "init"?' : didYouMean(command, COMMANDS);
    throw new UsageError(`unknown command "${command}".${suggestion}`);
  }
  if (values.answers !== undefined || values.resume !== undefined || values.json !== undefined || values.timeout !== undefined || values.lms !== undefined) {
    throw new UsageError('--answers, --resume, --timeout and --lms belong to "verify", --json to "verify" and "report".');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}".`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
  if (command === 'check' && (values.out !== undefined || values.target !== undefined || values['cmi5-aus'] !== undefined)) {
    throw new UsageError('--out, --target and --cmi5-aus belong to "build".');
  }
  const targets = parseTargets(values.target);
  const cmi5Aus = parseCmi5Aus(values['cmi5-aus']);
  // `check` writes no cache of its own: it reuses the build's when there is one (build-options.ts).
  const cacheDir = command === 'check' ? checkCacheDir(values) : parseCacheDir(values);
  const limits = limitsFromOptions(values['max-page-kb'], values['max-nesting']);
  if (typeof limits === 'string') throw new UsageError(limits);

  // The parser, the checks and the model load only for a command that reads a course (not for
  // --version, explain, init or verify, which start at once).
  const [{ readCourseFolder }, { SectionCache }, { checkCourseAsync }] = await Promise.all([import('../load/read-course-folder.js'), import('../cache/section-cache.js'), import('../pipeline.js')]);
  endStage('startup');
  const source = await readCourseFolder(folder);
  endStage('load');
  // Sections are cached under <cache>/sections/ (the zip writer keeps its own subfolder).
  const cache = cacheDir === undefined ? undefined : await SectionCache.open(join(cacheDir, 'sections'));
  const result = await checkCourseAsync(source, { scorm12: command === 'check' || targets.includes('scorm12'), cc: command === 'build' && targets.includes('cc'), limits, cache });
  endStage('check');
  // New entries are written while the build goes on; the process waits for them before it ends.
  const saved = cache?.save();
  try {
    const cwd = process.cwd();
    if (format === 'json') streams.out(jsonText(result.files, cwd));
    else {
      streams.err(formatText(result.files, cwd, streams.color ? colorStyle : plainStyle));
      if (result.files.some((file) => file.messages.length > 0)) streams.err(explainHint(result.files));
    }
    if (hasErrors(result.files) || !result.model) return EXIT.content;
    if (command === 'check') {
      if (format === 'text') streams.err(`${source.sections.length} pages checked: no errors.\n`);
      return EXIT.ok;
    }
    if (cmi5Aus === 'per-part' && result.model.data.parts.length === 0 && targets.includes('cmi5')) {
      throw new UsageError('--cmi5-aus per-part needs parts: declare them in course.yaml ("parts:", each with a title and its pages), or use single or per-page.');
    }
    // The build path (Vite, the XML builder, the zip writer) loads only when something is built.
    const { buildTargets } = await import('./build-command.js');
    const summary = await buildTargets(result.model, source, { out: resolve(values.out ?? 'dist'), targets, cmi5Aus: cmi5Aus ?? result.model.config.cmi5Layout.value, cacheDir });
    streams.out(printableLines(summary));
    return EXIT.ok;
  } finally {
    await saved;
  }
}

/**
 * `coursemark verify <package.zip | folder>`: loaded on demand, as it drives a browser. A folder
 * (such as dist/) stands for every zip in it, each verified in turn in one browser; the worst exit code counts.
 */
async function verify(args: readonly string[], values: { answers?: string; resume?: boolean; json?: boolean; timeout?: string; lms?: string }, streams: Streams): Promise<number> {
  const [path, ...rest] = args;
  if (path === undefined) throw new UsageError('verify needs the package to check, e.g. "coursemark verify dist/course-scorm12.zip", or a folder of packages such as dist.');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0] ?? ''}".`);
  const { answerPlan, parseLmsNames, runVerify, sharedBrowser, timeoutSeconds } = await import('../verify/verify-command.js');
  const plan = answerPlan(values.answers);
  if (typeof plan === 'string') throw new UsageError(plan);
  const [answers, ...retries] = plan;
  const seconds = timeoutSeconds(values.timeout);
  if (typeof seconds === 'string') throw new UsageError(seconds);
  const lms = parseLmsNames(values.lms);
  if (typeof lms === 'string') throw new UsageError(lms);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || (!info.isFile() && !info.isDirectory())) throw new UsageError(`no package file or folder at "${path}".`);
  // A Common Cartridge is a zip named .imscc.
  const zips = info.isFile() ? [path] : (await readdir(path)).filter((name) => /\.(zip|imscc)$/i.test(name)).sort().map((name) => join(path, name));
  if (zips.length === 0) throw new UsageError(`"${path}" has no .zip or .imscc packages: run "coursemark build" first.`);
  let code = EXIT.ok as number;
  const browser = sharedBrowser();
  try {
    for (const [index, zip] of zips.entries()) {
      if (zips.length > 1 && values.json !== true) streams.out(`${index > 0 ? '\n' : ''}== ${zip}\n`);
      code = Math.max(code, await runVerify({ zip, answers: values.answers, retries, resume: values.resume === true, json: values.json === true, timeoutSeconds: seconds, lms }, answers, streams.out, browser.get));
    }
  } finally {
    await browser.close();
  }
  return code;
}

/** `coursemark report <courseDir> <data...>`: loaded on demand, like the other tools. */
async function report(args: readonly string[], values: Readonly<Record<string, string | boolean | undefined>>, streams: Streams): Promise<number> {
  const own = new Set(['out', 'json', 'show-text', 'salt']);
  const foreign = Object.keys(values).find((name) => values[name] !== undefined && !own.has(name));
  if (foreign !== undefined) throw new UsageError(`--${foreign} does not apply to "report" (it takes --out, --json, --show-text and --salt).`);
  const [folder, ...data] = args;
  if (folder === undefined || data.length === 0) throw new UsageError('report needs the course folder and at least one data file, e.g. "coursemark report course statements.json".');
  if (values.salt === '') throw new UsageError('--salt needs a text: the same salt gives the same pseudonyms in every report.');
  const { runReport } = await import('../report/report-command.js');
  const cwd = process.cwd();
  return runReport(
    { folder, data, out: typeof values.out === 'string' ? values.out : undefined, json: values.json === true, showText: values['show-text'] === true, salt: typeof values.salt === 'string' ? values.salt : undefined },
    { out: streams.out, err: streams.err, courseProblems: (files) => streams.err(formatText(files, cwd, streams.color ? colorStyle : plainStyle)) },
  );
}

/** `coursemark init [dir]`: a starter course and its package.json, ready for `npm install`. */
async function init(args: readonly string[], streams: Streams): Promise<number> {
  const [folder = '.', ...rest] = args;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0] ?? ''}".`);
  const { initCourse } = await import('./init-command.js');
  streams.out(await initCourse(folder));
  return EXIT.ok;
}

/** `coursemark preview [courseDir]`: serves until the process is stopped (Ctrl+C). */
async function preview(folder: string, extra: readonly string[], values: { port?: string; open?: boolean }, streams: Streams): Promise<number> {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}".`);
  const port = parsePort(values.port);
  const { startPreview, PortInUseError } = await import('../preview/preview-server.js');
  let server;
  try {
    // Without --port the first free port from 5173 on; with it, that port or nothing.
    server = await startPreview(folder, { port: port ?? DEFAULT_PORT, strictPort: port !== undefined, open: values.open === true, report: streams.err });
  } catch (error) {
    if (error instanceof PortInUseError) throw new UsageError(error.message);
    throw error;
  }
  streams.out(`Preview of ${printable(resolve(folder))} at ${server.url}\nEditing a Markdown file updates the page. Press Ctrl+C to stop.\n`);
  await new Promise<void>((done) => process.once('SIGINT', done));
  await server.close();
  return EXIT.ok;
}

const DEFAULT_PORT = 5173;
const COMMANDS = ['build', 'check', 'preview', 'verify', 'report', 'init', 'explain'];

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`--port must be a port number from 1 to 65535, not "${value}".`);
  return port;
}

/** Where a rule is explained, under a report that has messages. */
function explainHint(files: readonly { readonly messages: readonly { readonly ruleId?: string | undefined | null; readonly fatal?: boolean | undefined | null }[] }[]): string {
  // The example names an error's rule when there is one: that is what stops the build.
  const messages = files.flatMap((file) => file.messages).filter((message) => typeof message.ruleId === 'string');
  const first = (messages.find((message) => message.fatal === true) ?? messages[0])?.ruleId;
  return `Run "coursemark explain <rule-id>" for an example and the fix${first ? `, e.g. "coursemark explain ${first}"` : ''}; the authoring guide is ${fromRoot('docs', 'authoring.md')}.\n`;
}

const colorStyle: TextStyle = {
  error: (text) => styleText('red', text),
  warning: (text) => styleText('yellow', text),
  dim: (text) => styleText('dim', text),
};
