import type { AnswerMode } from './learner.js';

export type PackageKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi';

export const KIND_NAMES: Readonly<Record<PackageKind, string>> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th Edition',
  cmi5: 'cmi5',
  xapi: 'xAPI (TinCan launch)',
};

/** What the emulated LMS (or LRS) kept after one launch, in the LMS's own words. */
export interface Recorded {
  /** SCORM 1.2 lesson_status, 2004 completion_status, or the cmi5/xAPI completed verb. */
  readonly completion: string;
  /** passed, failed or unknown. */
  readonly success: string;
  readonly score: string | undefined;
  readonly interactions: { readonly count: number; readonly results: Readonly<Record<string, number>> };
  readonly suspendData: { readonly size: number; readonly limit: number } | undefined;
  readonly sessionTime: string | undefined;
  /** cmi5/xAPI: the verbs in the order the LRS stored them. */
  readonly statements: readonly string[] | undefined;
}

export interface ResumeCheck {
  readonly leftOn: string;
  readonly landedOn: string;
}

export interface VerifyReport {
  readonly package: string;
  readonly kind: PackageKind | undefined;
  readonly answers: AnswerMode;
  /** Manifest and file problems (the packaging checks), as `<code>: <message>`. */
  readonly manifest: readonly string[];
  readonly walked: { readonly pages: number; readonly questions: number } | undefined;
  readonly recorded: Recorded | undefined;
  readonly resume: ResumeCheck | undefined;
  /** Protocol problems seen while the course ran, blocked requests, time-outs and launch failures. */
  readonly findings: readonly string[];
  /** Chromium's sandbox for the run: "on", or "off: <why>"; undefined when nothing was launched. */
  readonly sandbox: string | undefined;
}

export const problemCount = (report: VerifyReport): number => report.manifest.length + report.findings.length;
