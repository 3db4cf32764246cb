import type { Browser } from 'playwright-core';
import { checkPackage } from '../package/index.js';
import type { AnswerMode } from './learner.js';
import { launchFile, launchInfo } from './launch-info.js';
import { readZip } from './read-zip.js';
import { runLrs } from './run-lrs.js';
import { message, runScorm, type RunResult } from './run-scorm.js';
import type { VerifyReport } from './verify-report.js';

export interface VerifyOptions {
  readonly name: string;
  readonly answers: AnswerMode;
  readonly resume: boolean;
}

/**
 * Verifies one package: the packaging checks on its files, then a learner's walk through it in
 * the emulated LMS or LRS, and what that recorded. The browser is injected (the CLI starts one,
 * the tests share one).
 */
export async function verifyPackage(zip: Uint8Array, options: VerifyOptions, browser: () => Promise<Browser>): Promise<VerifyReport> {
  const base = { package: options.name, answers: options.answers, walked: undefined, recorded: undefined, resume: undefined };
  let entries;
  try {
    entries = readZip(zip);
  } catch (error) {
    return { ...base, kind: undefined, manifest: [], findings: [`The file cannot be opened as a zip: ${message(error)}`] };
  }
  const manifest = checkPackage(entries).map(String);
  const info = launchInfo(entries);
  if (info === undefined) return { ...base, kind: undefined, manifest, findings: ['No imsmanifest.xml, cmi5.xml or tincan.xml: this is not an LMS package, so nothing was launched.'] };
  const file = launchFile(info.href);
  if (file === '' || !entries.some((entry) => entry.path === file)) {
    return { ...base, kind: info.kind, manifest, findings: [`The launch file "${file}" named in the manifest is not in the package: the LMS would show an error instead of the course.`] };
  }
  let run: RunResult;
  try {
    run = info.kind === 'scorm12' || info.kind === 'scorm2004' ? await runScorm(await browser(), zip, info, options.answers, options.resume) : await runLrs(await browser(), entries, info, options.answers, options.resume);
  } catch (error) {
    return { ...base, kind: info.kind, manifest, findings: [`The walk through the course stopped: ${message(error)}`] };
  }
  return { ...base, kind: info.kind, manifest, walked: run.walked, recorded: run.recorded, resume: run.resume, findings: run.findings };
}
