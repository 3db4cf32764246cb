/**
 * What each LMS will make of a package: which of its settings to pick so that completion and grades
 * come out as the author means, in plain words. The facts come from docs/lms-guide.md (vendors'
 * documentation and issue trackers, and a real Moodle 5.0), applied to what verify saw of this
 * package: its kind, the course's status mode and score, and what the emulated LMS recorded.
 */
import type { Scorm12StatusMode } from '../../components/course-data.js';
import type { PackageKind } from './verify-report.js';

export const LMS_NAMES = ['moodle', 'canvas', 'brightspace', 'blackboard', 'sakai', 'successfactors'] as const;
export type LmsName = (typeof LMS_NAMES)[number];

const TITLES: Readonly<Record<LmsName, string>> = {
  moodle: 'Moodle',
  canvas: 'Canvas',
  brightspace: 'Brightspace (D2L)',
  blackboard: 'Blackboard Learn',
  sakai: 'Sakai',
  successfactors: 'SAP SuccessFactors',
};

/** What verify knows about the package once it has run it. */
export interface PackageFacts {
  readonly kind: PackageKind;
  /** Whether the course has questions, so a score is reported. */
  readonly scored: boolean;
  readonly scorm12Status: Scorm12StatusMode | undefined;
  /** Bytes of the zip. */
  readonly size: number;
  /** SCORM 2004: the manifest lets the content set completion and objective status. */
  readonly setByContent: boolean;
  /** SCORM: the emulated LMS saw score.raw, a score.max above 0 and the final LMSFinish/Terminate. */
  readonly gradeReported: boolean;
  /** cmi5: how many AUs the course structure has. */
  readonly aus: number;
}

export interface LmsAdvice {
  readonly lms: LmsName;
  readonly title: string;
  readonly lines: readonly string[];
}

// Stock Moodle's upload limit until an administrator raises PHP's (docs/lms-guide.md).
const MOODLE_UPLOAD_LIMIT = 2 * 1024 * 1024;

const STATUS_WORDS: Readonly<Record<Scorm12StatusMode, string>> = {
  'completed-incomplete': '"completed" when the learner passes, "incomplete" otherwise',
  'completed-failed': '"completed" when the learner passes, "failed" otherwise',
  'passed-incomplete': '"passed" when the learner passes, "incomplete" otherwise',
  'passed-failed': '"passed" or "failed"',
};

function statusLine(facts: PackageFacts): string {
  if (!facts.scored) return 'It reports "completed" once every page is seen (the course has no questions).';
  const mode = facts.scorm12Status ?? 'completed-incomplete';
  return `It reports ${STATUS_WORDS[mode]} (scorm12.status: ${mode} in course.yaml).`;
}

function moodle(facts: PackageFacts): string[] {
  const lines: string[] = [];
  const gradeLine = facts.scored
    ? 'Grade: keep "Grading method: Highest grade" (or "Last attempt") and "Maximum grade: 100"; Moodle grades on score.raw, which this package sends from 0 to 100.'
    : 'Grade: the course has no questions and sends no score; set "Maximum grade" to 0 or use completion only.';
  if (facts.kind === 'scorm12') {
    const mode = facts.scorm12Status ?? 'completed-incomplete';
    const tick = !facts.scored || mode.startsWith('completed') ? '"Completed"' : '"Passed"';
    lines.push(statusLine(facts));
    lines.push(`Completion: under Activity completion, "Require status", tick ${tick}. Moodle compares the literal status, so ${tick === '"Completed"' ? '"Passed"' : '"Completed"'} alone would never complete the activity.`);
    lines.push(
      facts.scored && mode === 'passed-failed'
        ? '"Mastery score overrides status" can stay on: the manifest\'s mastery score and the package\'s own verdict agree.'
        : 'The manifest carries no mastery score, so "Mastery score overrides status" cannot rewrite the status at exit.',
    );
    lines.push(gradeLine);
    lines.push('The Moodle app plays SCORM 1.2 only: this is the package to use for learners on phones.');
  } else if (facts.kind === 'scorm2004') {
    lines.push(`Completion: "Require status", tick "Completed"${facts.scored ? ' (and "Passed" if the activity must be passed)' : ''}; SCORM 2004 reports completion and success separately.`);
    lines.push(gradeLine);
  } else if (facts.kind === 'cmi5') {
    lines.push('Moodle has no cmi5 player of its own: it needs a cmi5 activity plugin and an LRS. Otherwise upload the SCORM packages.');
    if (facts.aus > 1) lines.push(`The course has ${facts.aus} AUs: the plugin marks the course done when every AU is satisfied by its moveOn.`);
  } else {
    lines.push('Moodle cannot launch an xAPI (TinCan) package without a plugin and an LRS: use the SCORM packages, or the cmi5 package with a cmi5 plugin.');
  }
  if (facts.size > MOODLE_UPLOAD_LIMIT) lines.push(`The zip is ${(facts.size / 1048576).toFixed(1)} MiB, over stock Moodle's 2 MiB upload limit: an administrator must raise it.`);
  return lines;
}

function canvas(facts: PackageFacts): string[] {
  if (facts.kind === 'scorm12' || facts.kind === 'scorm2004') {
    return [
      'Canvas plays SCORM only through Instructure\'s licensed SCORM tool, which an administrator must enable; self-hosted (open-source) Canvas has none.',
      facts.scored ? 'With the tool, the score reaches the gradebook as an assignment out of the points you set.' : 'The course sends no score: grade the assignment as complete/incomplete.',
    ];
  }
  return ['Canvas has no cmi5 or xAPI player: use a SCORM package with Canvas\'s SCORM tool.'];
}

function brightspace(facts: PackageFacts): string[] {
  if (facts.kind === 'scorm12') {
    return [
      facts.gradeReported
        ? 'Brightspace records a SCORM 1.2 grade when score.raw, a score.max above 0 and LMSFinish all arrive: this package sends all three.'
        : 'Brightspace records a SCORM 1.2 grade only when score.raw, a score.max above 0 and LMSFinish all arrive: in this run they did not all arrive, so no grade will be recorded.',
      facts.scored && (facts.scorm12Status ?? 'completed-incomplete').endsWith('incomplete')
        ? 'A learner who fails stays "incomplete", and Brightspace records a score of zero only with an explicit failure: a learner who scores 0 gets no grade unless the administrator turns on AlwaysSubmitZeroGrade (or use scorm12.status: completed-failed).'
        : 'A failing score is reported as "failed", so Brightspace records it.',
    ];
  }
  if (facts.kind === 'scorm2004') return ['Brightspace reads completion and success separately; this package sets score.scaled with raw, min and max.'];
  return ['coursemark\'s notes do not cover cmi5 or xAPI in Brightspace: check your site\'s documentation, or use a SCORM package.'];
}

function blackboard(facts: PackageFacts): string[] {
  if (facts.kind === 'cmi5') return ['Blackboard has no cmi5 player of its own: use a SCORM package.'];
  return [
    'Learn Ultra: the grade schema and maximum score of an imported package cannot be changed afterwards, and the grade is the last attempt. Set them when you upload.',
    `Learn Original plays SCORM 1.2, 2004 and TinCan through its SCORM Engine building block${facts.kind === 'xapi' ? ', but has no LRS of its own: the statements need one' : ''}.`,
  ];
}

function sakai(facts: PackageFacts): string[] {
  if (facts.kind === 'scorm2004') {
    return [
      facts.scored
        ? 'Sakai has written -100 to the gradebook when score.scaled was never set; this package always sets it, with raw, min and max.'
        : 'Sakai has written -100 to the gradebook when score.scaled was never set, and this course has no score: keep it out of the gradebook.',
    ];
  }
  if (facts.kind === 'scorm12') return ['Sakai plays SCORM 1.2 with its SCORM player; the grade comes from score.raw (0 to 100).'];
  return ['coursemark\'s notes do not cover cmi5 or xAPI in Sakai: use a SCORM package.'];
}

function successfactors(facts: PackageFacts): string[] {
  if (facts.kind === 'scorm2004') {
    return [
      facts.setByContent
        ? 'Since its 2H 2023 release, SuccessFactors marks SCORM 2004 content complete on exit unless completionSetByContent and objectiveSetByContent are set: this manifest sets both, so completion follows the learner.'
        : 'Since its 2H 2023 release, SuccessFactors marks SCORM 2004 content complete on exit unless completionSetByContent and objectiveSetByContent are set, and this manifest does not set them: learners will be complete as soon as they leave.',
    ];
  }
  if (facts.kind === 'scorm12') return [statusLine(facts), 'Map the SCORM status to completion in the item\'s settings accordingly.'];
  return ['coursemark\'s notes do not cover cmi5 or xAPI in SuccessFactors: use a SCORM package.'];
}

const RULES: Readonly<Record<LmsName, (facts: PackageFacts) => string[]>> = { moodle, canvas, brightspace, blackboard, sakai, successfactors };

/** The advice for the named LMSs, in the order given. */
export function lmsAdvice(facts: PackageFacts, names: readonly LmsName[] = LMS_NAMES): LmsAdvice[] {
  return names.map((lms) => ({ lms, title: TITLES[lms], lines: RULES[lms](facts) }));
}

/** Checks `--lms`: a comma-separated list of LMS names; returns an error message for a usage mistake. */
export function parseLmsNames(value: string | undefined): readonly LmsName[] | string {
  if (value === undefined) return LMS_NAMES;
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.find((name) => !(LMS_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined || names.length === 0) return `--lms must name one or more of ${LMS_NAMES.join(', ')}${unknown === undefined ? '' : `, not "${unknown}"`}.`;
  return names as LmsName[];
}
