import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../lms/browser.js';
import type { AnswerMode } from './learner.js';
import { formatReport } from './format-report.js';
import { verifyPackage } from './verify-package.js';
import { problemCount } from './verify-report.js';

export interface VerifyArgs {
  readonly zip: string;
  readonly answers: string | undefined;
  readonly resume: boolean;
  readonly json: boolean;
}

const MODES: readonly AnswerMode[] = ['correct', 'wrong', 'first'];

/** Checks `--answers`; returns an error message for a usage mistake. */
export function answerMode(value: string | undefined): AnswerMode | string {
  if (value === undefined) return 'correct';
  const mode = MODES.find((candidate) => candidate === value);
  return mode ?? `--answers must be correct, wrong or first, not "${value}".`;
}

/** Runs `coursemark verify`: prints the report, returns 0 when clean and 1 on any problem. */
export async function runVerify(args: VerifyArgs, answers: AnswerMode, out: (text: string) => void): Promise<number> {
  const zip = new Uint8Array(await readFile(args.zip));
  let browser: Browser | undefined;
  try {
    const report = await verifyPackage(zip, { name: basename(args.zip), answers, resume: args.resume }, async () => (browser ??= await launchBrowser()));
    out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return problemCount(report) === 0 ? 0 : 1;
  } finally {
    await browser?.close();
  }
}
