import type { AnswerMode, PoolAttemptSeen, WalkResult } from './learner.js';
import type { CourseData } from '../../components/course-data.js';
import type { CartridgeSummary } from './cartridge-summary.js';
import type { LmsAdvice } from './lms-advice.js';

/**
 * What the learner went through: pages (optional ones included), questions answered (drawn ones
 * only), and each pool attempt's result.
 */
export interface Walked {
  readonly pages: number;
  readonly questions: number;
  readonly poolAttempts?: readonly PoolAttemptSeen[];
  /** Titles of the pages marked optional (they do not count towards completion), in course order. */
  readonly optional?: readonly string[];
}

export function walkedOf(course: CourseData, walk: WalkResult): Walked {
  const optional = course.pages.filter((page) => page.optional === true).map((page) => page.title);
  return {
    pages: course.pages.length,
    questions: walk.questions,
    ...(walk.poolAttempts.length === 0 ? {} : { poolAttempts: walk.poolAttempts }),
    ...(optional.length === 0 ? {} : { optional }),
  };
}

export type PackageKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi' | 'cc';

export const KIND_NAMES: Readonly<Record<PackageKind, string>> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th Edition',
  cmi5: 'cmi5',
  xapi: 'xAPI (TinCan launch)',
  cc: 'IMS Common Cartridge 1.1 (pages and QTI quizzes, imported into the LMS; nothing to launch)',
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

/** One cmi5 AU, launched on its own with the LaunchData its cmi5.xml entry gives. */
export interface UnitReport {
  readonly id: string;
  readonly title: string;
  readonly moveOn: string;
  readonly masteryScore: number | undefined;
  readonly pages: number;
  readonly questions: number;
  readonly recorded: Recorded;
  /** Whether what the AU sent meets its moveOn (cmi5 9.3, 13.1.4). */
  readonly satisfied: boolean;
}

/** A cmi5 course of several AUs, played AU by AU in one registration. */
export interface UnitsReport {
  readonly aus: readonly UnitReport[];
  /** Every AU (and so every block) satisfied: the LMS counts the course as done. */
  readonly courseSatisfied: boolean;
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
  readonly walked: Walked | undefined;
  readonly recorded: Recorded | undefined;
  readonly resume: ResumeCheck | undefined;
  /** Protocol problems seen while the course ran, blocked requests, time-outs and launch failures. */
  readonly findings: readonly string[];
  /** Chromium's sandbox for the run: "on", or "off: <why>"; undefined when nothing was launched. */
  readonly sandbox: string | undefined;
  /** cmi5 with several AUs: each AU's outcome and the course's satisfaction. */
  readonly units?: UnitsReport;
  /** What each LMS will make of the package, and which of its settings to pick. */
  readonly advice?: readonly LmsAdvice[];
  /** A Common Cartridge: the modules, pages and quizzes an LMS creates when it imports it. */
  readonly cartridge?: CartridgeSummary;
}

export const problemCount = (report: VerifyReport): number => report.manifest.length + report.findings.length;
