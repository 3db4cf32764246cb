import { basename } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../lms/browser.js';
import type { AnswerMode } from './learner.js';
import { printableJson } from '../diagnostics/printable.js';
import { formatReport } from './format-report.js';
import type { LmsName } from './lms-advice.js';

export { parseLmsNames } from './lms-advice.js';
import { DEFAULT_TIMEOUT_SECONDS } from './launch-guard.js';
import { verifyPackage } from './verify-package.js';
import { fileSource } from './zip-source.js';
import { problemCount } from './verify-report.js';

export interface VerifyArgs {
  readonly zip: string;
  readonly answers: string | undefined;
  /** How each further attempt of a question pool is answered (the rest of `--answers`). */
  readonly retries?: readonly AnswerMode[];
  readonly resume: boolean;
  readonly json: boolean;
  readonly timeoutSeconds: number;
  /** `--lms`: the LMSs to advise on (default: every one). */
  readonly lms?: readonly LmsName[];
}

const MODES: readonly AnswerMode[] = ['correct', 'wrong', 'first'];

/**
 * Checks `--answers`: one way (correct, wrong, first), or a list for the attempts of question pools
 * (`wrong,correct`: the first attempt wrong, a retry right). Returns the ways in order, or an error
 * message for a usage mistake.
 */
export function answerPlan(value: string | undefined): [AnswerMode, ...AnswerMode[]] | string {
  if (value === undefined) return ['correct'];
  const modes = value.split(',').map((part) => MODES.find((candidate) => candidate === part.trim()));
  const [first, ...rest] = modes;
  if (first === undefined || rest.some((mode) => mode === undefined)) return `--answers must be correct, wrong or first, or a list of them for the attempts of question pools such as wrong,correct; not "${value}".`;
  return [first, ...rest.filter((mode) => mode !== undefined)];
}

/** Checks `--timeout` (seconds, 1 to 3600); returns the number, or an error message for a usage mistake. */
export function timeoutSeconds(value: string | undefined): number | string {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(value);
  return /^\d+$/.test(value.trim()) && seconds >= 1 && seconds <= 3600 ? seconds : `--timeout must be a number of seconds from 1 to 3600, not "${value}".`;
}

/**
 * One Chromium for a whole `coursemark verify` (every package of a folder), launched the first time
 * a package asks for it; a browser that went away (a crash) is replaced for the next package.
 */
export function sharedBrowser(): { readonly get: () => Promise<Browser>; readonly close: () => Promise<void> } {
  let launching: Promise<Browser> | undefined;
  return {
    async get() {
      const current = await (launching ??= launchBrowser());
      if (current.isConnected()) return current;
      launching = launchBrowser();
      return launching;
    },
    async close() {
      // A launch that failed was reported by the package that needed it.
      await (await launching?.catch(() => undefined))?.close();
    },
  };
}

/** Runs `coursemark verify` on one package: prints the report, returns 0 when clean and 1 on any problem. */
export async function runVerify(args: VerifyArgs, answers: AnswerMode, out: (text: string) => void, browser: () => Promise<Browser>): Promise<number> {
  // Read a piece at a time: the package is never held in memory whole.
  const zip = await fileSource(args.zip);
  try {
    const report = await verifyPackage(zip, { name: basename(args.zip), answers, retries: args.retries ?? [], resume: args.resume, timeoutSeconds: args.timeoutSeconds, ...(args.lms === undefined ? {} : { lms: args.lms }) }, browser);
    out(args.json ? printableJson(`${JSON.stringify(report, null, 2)}\n`) : formatReport(report));
    return problemCount(report) === 0 ? 0 : 1;
  } finally {
    await zip.close();
  }
}
