import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { hasErrors } from '../diagnostics/report.js';
import { limitsFromOptions } from '../limits/input-limits.js';
import { CourseFolderError, readCourseFolder } from '../load/read-course-folder.js';
import { SectionCache } from '../cache/section-cache.js';
import { checkCourseAsync } from '../pipeline.js';
import { fromRoot } from '../project-root.js';
import { parseCacheDir, parseCmi5Aus, parseTargets } from './build-options.js';
import { endStage, writeStats } from './stage-timer.js';
import { formatText, plainStyle, toJsonMessages, type TextStyle } from './format-messages.js';
import { EXIT, UsageError, usage } from './usage.js';

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
    if (error instanceof UsageError || error instanceof CourseFolderError) {
      streams.err(`coursemark: ${error.message}\n${error instanceof UsageError ? 'Run "coursemark --help" for usage.\n' : ''}`);
      return EXIT.usage;
    }
    // The stack (local paths, internals) only on request: it is for the bug report, not the author.
    const debug = process.env.COURSEMARK_DEBUG !== undefined && process.env.COURSEMARK_DEBUG !== '';
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    const more = debug ? '' : 'Run the same command with COURSEMARK_DEBUG=1 to include the details in your report.\n';
    streams.err(`coursemark: internal error. This is a bug in coursemark, not in your course.\nPlease report it with the command you ran and, if you can, the course files.\n${more}\n${detail}\n`);
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
  if (command === 'verify') return verify(positionals.slice(1), values, streams);
  if (command === 'preview') return preview(folder, extra, streams);
  if (command !== 'build' && command !== 'check') throw new UsageError(`unknown command "${command}".`);
  if (values.answers !== undefined || values.resume !== undefined || values.json !== undefined) {
    throw new UsageError('--answers, --resume and --json belong to "verify".');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}".`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
  if (command === 'check' && (values.out !== undefined || values.target !== undefined || values['cmi5-aus'] !== undefined)) {
    throw new UsageError('--out, --target and --cmi5-aus belong to "build".');
  }
  const targets = parseTargets(values.target);
  const cmi5Aus = parseCmi5Aus(values['cmi5-aus']);
  const cacheDir = parseCacheDir(values);
  const limits = limitsFromOptions(values['max-page-kb'], values['max-nesting']);
  if (typeof limits === 'string') throw new UsageError(limits);

  endStage('startup');
  const source = await readCourseFolder(folder);
  endStage('load');
  // Sections are cached under <cache>/sections/ (the zip writer keeps its own subfolder).
  const cache = cacheDir === undefined ? undefined : await SectionCache.open(join(cacheDir, 'sections'));
  const result = await checkCourseAsync(source, { scorm12: command === 'check' || targets.includes('scorm12'), limits, cache });
  endStage('check');
  // New entries are written while the build goes on; the process waits for them before it ends.
  const saved = cache?.save();
  try {
    const cwd = process.cwd();
    if (format === 'json') streams.out(`${JSON.stringify(toJsonMessages(result.files, cwd), null, 2)}\n`);
    else streams.err(formatText(result.files, cwd, streams.color ? colorStyle : plainStyle));
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
    streams.out(summary);
    return EXIT.ok;
  } finally {
    await saved;
  }
}

/** `coursemark verify <package.zip>`: loaded on demand, as it drives a browser. */
async function verify(args: readonly string[], values: { answers?: string; resume?: boolean; json?: boolean }, streams: Streams): Promise<number> {
  const [zip, ...rest] = args;
  if (zip === undefined) throw new UsageError('verify needs the package to check, e.g. "coursemark verify dist/course-scorm12.zip".');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0] ?? ''}".`);
  const { answerMode, runVerify } = await import('../verify/verify-command.js');
  const answers = answerMode(values.answers);
  if (answers !== 'correct' && answers !== 'wrong' && answers !== 'first') throw new UsageError(answers);
  if (!(await stat(zip).then((info) => info.isFile(), () => false))) throw new UsageError(`no package file at "${zip}".`);
  return runVerify({ zip, answers: values.answers, resume: values.resume === true, json: values.json === true }, answers, streams.out);
}

/** `coursemark preview [courseDir]`: serves until the process is stopped (Ctrl+C). */
async function preview(folder: string, extra: readonly string[], streams: Streams): Promise<number> {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}".`);
  const { startPreview } = await import('../preview/preview-server.js');
  const server = await startPreview(folder, { port: 5173, report: streams.err });
  streams.out(`Preview of ${resolve(folder)} at ${server.url}\nEditing a Markdown file updates the page. Press Ctrl+C to stop.\n`);
  await new Promise<void>((done) => process.once('SIGINT', done));
  await server.close();
  return EXIT.ok;
}

const colorStyle: TextStyle = {
  error: (text) => styleText('red', text),
  warning: (text) => styleText('yellow', text),
  dim: (text) => styleText('dim', text),
};
