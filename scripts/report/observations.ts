/**
 * What the report reads from every kind of input, reduced to the same few facts: a learner answered
 * a question, saw a page, submitted an activity, finished the course. Learner keys are the raw
 * identifiers here; the report replaces them with pseudonyms (pseudonyms.ts) before anything is shown.
 */

interface Common {
  /** The learner's identifier as recorded (an xAPI actor's IFI, Moodle's name and identity columns). */
  readonly learner: string;
  /** One attempt or registration of the learner: time between pages is measured within it only. */
  readonly attempt: string;
  /** Milliseconds since 1970, when recorded. */
  readonly at: number | undefined;
  /** Position in the input, to order records without a time. */
  readonly order: number;
}

export interface AnswerObservation extends Common {
  readonly kind: 'answer';
  readonly questionId: string;
  /** The response as recorded, and the format to read it in. */
  readonly text: string;
  readonly format: 'xapi' | 'scorm2004' | 'scorm12';
  /** What the LMS or LRS recorded as the result, when it did. */
  readonly recordedCorrect: boolean | undefined;
  readonly latencyMs: number | undefined;
}

export interface PageObservation extends Common {
  readonly kind: 'page';
  readonly pageId: string;
}

export interface ActivityObservation extends Common {
  readonly kind: 'activity';
  readonly activityId: string;
  /** The text of a shared activity; undefined for a private one (nothing else leaves the device). */
  readonly text: string | undefined;
}

export interface FinishObservation extends Common {
  readonly kind: 'completed';
}

export type Observation = AnswerObservation | PageObservation | ActivityObservation | FinishObservation;

/** How one input file was read: what it held, what belonged to the course, and why the rest did not. */
export interface InputSummary {
  readonly path: string;
  readonly format: 'xapi-json' | 'xapi-lines' | 'moodle-csv';
  /** Statements or rows read. */
  readonly records: number;
  /** Those that belong to this course. */
  readonly used: number;
  /** Those that do not, by reason ("another course or activity": 3). */
  readonly ignored: Readonly<Record<string, number>>;
}

export interface ReadResult {
  readonly observations: readonly Observation[];
  readonly summary: InputSummary;
}

/** A problem with an input file that stops the report: where it is and what to do. */
export class ReportInputError extends Error {
  constructor(
    readonly path: string,
    readonly where: string | undefined,
    detail: string,
  ) {
    super(`${path}${where === undefined ? '' : `:${where}`}: ${detail}`);
  }
}

/** Adds one to a reason's count. */
export function countReason(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}
