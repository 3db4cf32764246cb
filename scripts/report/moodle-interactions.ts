/**
 * Moodle's SCORM "Interactions report", downloaded as text (docs/report.md, "From Moodle", says what
 * the layout is and how to export it). One row per learner and attempt: the learner's name and
 * identity columns, "Attempt", "Started on", "Last accessed on", "Score", a column per SCO, then
 * for each interaction index N, as the report's options ask: "Question N" (the interaction id),
 * "Response N" (the learner's response), "Right answer N" and "Result N". The report's "Text" download
 * separates fields with tabs; other downloads and spreadsheets use commas or semicolons.
 */
import type { CourseData } from '../../components/course-data.js';
import { toIdentifier } from '../../components/runtime/scorm/formats.js';
import { questionOfInteraction } from '../../components/runtime/scorm/interaction-record.js';
import { parseDelimited, type CsvRow } from './csv-table.js';
import { countReason, ReportInputError, type Observation, type ReadResult } from './observations.js';
import { decodeResponse, type ResponseFormat } from './response-formats.js';

const SLOT = /^(question|response|right answer|result)\s+(\d+)$/i;

/** Whether text starts like an Interactions report: a header line naming an interaction column. */
export function moodleLike(text: string): boolean {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return /(^|[\t,;"])\s*(Question|Response) \d+\s*("|[\t,;]|$)/i.test(header);
}

interface Layout {
  /** Columns that identify the learner: all before "Attempt". */
  readonly identity: readonly number[];
  readonly attempt: number;
  /** Per interaction index: the columns of its id, response and result. */
  readonly slots: readonly { readonly id: number; readonly response: number | undefined; readonly result: number | undefined }[];
}

/** The delimiter whose header line names interaction columns. */
function delimiterOf(text: string): string | undefined {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  return ['\t', ',', ';'].find((delimiter) => header.split(delimiter).some((cell) => SLOT.test(cell.replace(/^"|"$/g, '').trim())));
}

function layoutOf(path: string, header: CsvRow): Layout {
  const names = header.fields.map((field) => field.trim());
  const attempt = names.findIndex((name) => name.toLowerCase() === 'attempt');
  if (attempt < 0) throw new ReportInputError(path, '1', 'no "Attempt" column. Download the SCORM activity\'s Interactions report from Moodle (Reports > Interactions report > Download) with the site in English, and give that file.');
  const slots = new Map<number, { id?: number; response?: number; result?: number }>();
  for (const [column, name] of names.entries()) {
    const match = SLOT.exec(name);
    if (!match) continue;
    const index = Number(match[2]);
    const slot = slots.get(index) ?? {};
    const what = (match[1] ?? '').toLowerCase();
    if (what === 'question') slot.id = column;
    else if (what === 'response') slot.response = column;
    else if (what === 'result') slot.result = column;
    slots.set(index, slot);
  }
  const withIds = [...slots.entries()].sort(([a], [b]) => a - b).map(([, slot]) => slot);
  if (withIds.length === 0 || withIds.every((slot) => slot.id === undefined)) {
    throw new ReportInputError(path, '1', 'no "Question 0" column, so the interactions cannot be told apart. In the Interactions report\'s options tick "Summary of question" and "Summary of responses" (and "Summary of result"), then download again.');
  }
  if (withIds.every((slot) => slot.response === undefined)) {
    throw new ReportInputError(path, '1', 'no "Response 0" column. In the Interactions report\'s options tick "Summary of responses", then download again.');
  }
  return {
    identity: names.slice(0, attempt).map((_, column) => column),
    attempt,
    slots: withIds.flatMap((slot) => (slot.id === undefined ? [] : [{ id: slot.id, response: slot.response, result: slot.result }])),
  };
}

/** Moodle writes 1.2's `wrong` and 2004's `incorrect`; `neutral` and others carry no verdict. */
function verdict(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  return value === 'correct' ? true : value === 'wrong' || value === 'incorrect' ? false : undefined;
}

interface RawAnswer {
  readonly learner: string;
  readonly attempt: string;
  readonly order: number;
  readonly questionId: string;
  readonly text: string;
  readonly recordedCorrect: boolean | undefined;
}

/**
 * SCORM 1.2 and 2004 write the same response differently (`a,c` against `option-text[,]other`), and
 * the report does not say which package it came from: the version that reads more of the file's
 * responses is the file's.
 */
function versionOf(answers: readonly RawAnswer[], course: CourseData): ResponseFormat {
  const questions = new Map(course.questions.map((question) => [question.id, question]));
  const readable = (format: ResponseFormat): number =>
    answers.filter((answer) => {
      const question = questions.get(answer.questionId);
      return question !== undefined && decodeResponse(question, answer.text, format) !== undefined;
    }).length;
  return readable('scorm12') > readable('scorm2004') ? 'scorm12' : 'scorm2004';
}

export function readMoodleInteractions(path: string, text: string, course: CourseData): ReadResult {
  const delimiter = delimiterOf(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (delimiter === undefined) throw new ReportInputError(path, '1', 'the first line has no "Question 0" or "Response 0" column: this is not a Moodle Interactions report download.');
  const table = parseDelimited(text, delimiter);
  if (!table.ok) throw new ReportInputError(path, String(table.line), `${table.problem}. Download the report again rather than editing it by hand.`);
  const [header, ...rows] = table.rows;
  if (header === undefined) throw new ReportInputError(path, undefined, 'the file is empty.');
  const layout = layoutOf(path, header);
  const questions = new Map(course.questions.map((question) => [toIdentifier(question.id), question.id]));
  const activities = new Map(course.activities.map((activity) => [toIdentifier(activity.id), activity.id]));
  const ignored: Record<string, number> = {};
  const answers: RawAnswer[] = [];
  const observations: Observation[] = [];
  let used = 0;
  for (const row of rows) {
    const cell = (column: number | undefined): string => (column === undefined ? '' : (row.fields[column] ?? '').trim());
    const attempt = cell(layout.attempt);
    const learner = layout.identity.map((column) => cell(column)).join('|');
    if (!/^\d+$/.test(attempt)) {
      countReason(ignored, 'a learner without an attempt');
      continue;
    }
    let belongs = false;
    for (const slot of layout.slots) {
      const id = cell(slot.id);
      if (id === '') continue;
      // Later attempts last: the learner's latest answer is the one that counts.
      const order = Number(attempt) * 1e9 + row.line * 1000 + layout.slots.indexOf(slot);
      // A pooled question's later attempts are recorded as <id>_attempt-<n> (interaction-record.ts).
      const questionId = questions.get(questionOfInteraction(id));
      const activityId = activities.get(id);
      if (questionId !== undefined) {
        answers.push({ learner, attempt, order, questionId, text: cell(slot.response), recordedCorrect: verdict(cell(slot.result)) });
        belongs = true;
      } else if (activityId !== undefined) {
        observations.push({ kind: 'activity', activityId, text: cell(slot.response) || undefined, learner, attempt, at: undefined, order });
        belongs = true;
      } else countReason(ignored, 'an interaction the course does not have (another package, or the course changed)');
    }
    if (belongs) used += 1;
    else countReason(ignored, 'a row without any of this course\'s interactions');
  }
  const format = versionOf(answers, course);
  for (const answer of answers) observations.push({ kind: 'answer', format, latencyMs: undefined, at: undefined, ...answer });
  return { observations, summary: { path, format: 'moodle-csv', records: rows.length, used, ignored } };
}
