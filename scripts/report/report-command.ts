/**
 * `coursemark report <courseDir> <data...>`: loads the course as `check` does, reads every data file,
 * and writes the HTML report (and/or prints the figures as JSON). Input mistakes are reported as
 * `file:line: what to do`, with exit code 1; nothing is written then.
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrors } from '../diagnostics/report.js';
import { printable } from '../diagnostics/printable.js';
import { readCourseFolder } from '../load/read-course-folder.js';
import { checkCourseAsync } from '../pipeline.js';
import { buildReport, readAll } from './build-report.js';
import { ReportInputError } from './observations.js';
import { pseudonyms } from './pseudonyms.js';
import { renderHtml } from './render-html.js';

export interface ReportArgs {
  readonly folder: string;
  readonly data: readonly string[];
  /** HTML file to write; undefined: report.html unless only JSON was asked for. */
  readonly out: string | undefined;
  readonly json: boolean;
  readonly showText: boolean;
  readonly salt: string | undefined;
}

export interface ReportStreams {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Formats the course's own problems as `check` prints them. */
  readonly courseProblems: (files: Parameters<typeof hasErrors>[0]) => void;
}

/** Data files larger than this are refused: an export that size needs splitting, not one report. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

async function readText(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new ReportInputError(path, undefined, 'no such file. Give the path of a statements export (JSON) or a Moodle Interactions report download.');
  if (info.size > MAX_FILE_BYTES) throw new ReportInputError(path, undefined, `the file is ${Math.round(info.size / 1048576)} MB; the most one file may hold is 512 MB. Export a shorter period, or split the export into several files and give them all.`);
  return readFile(path, 'utf8');
}

export async function runReport(args: ReportArgs, streams: ReportStreams): Promise<number> {
  const source = await readCourseFolder(args.folder);
  const checked = await checkCourseAsync(source, { scorm12: false });
  if (hasErrors(checked.files) || checked.model === undefined) {
    streams.courseProblems(checked.files);
    streams.err('coursemark: the course has errors; fix them ("coursemark check") before reporting on it.\n');
    return 1;
  }
  const course = checked.model.data;
  let data;
  try {
    const files = [];
    for (const path of args.data) files.push({ path, text: await readText(path) });
    data = buildReport(course, readAll(files, course), { pseudonym: pseudonyms(args.salt), showText: args.showText });
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    streams.err(`coursemark: ${printable(error.message)}\n`);
    return 1;
  }
  if (args.json) streams.out(`${JSON.stringify(data, null, 2)}\n`);
  const out = args.out ?? (args.json ? undefined : 'report.html');
  if (out !== undefined) {
    // Written whole under another name first, so a report is never left half-written.
    const target = resolve(out);
    await writeFile(`${target}.partial`, renderHtml(data));
    await rename(`${target}.partial`, target);
    const flagged = data.flags.length;
    const summary = `Report on ${data.learners} learner(s) and ${data.questions.length} question(s), ${flagged} flag(s): ${printable(target)}\n`;
    if (args.json) streams.err(summary);
    else streams.out(summary);
  }
  return 0;
}
