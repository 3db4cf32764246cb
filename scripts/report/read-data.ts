/**
 * One data file, whatever an LRS or Moodle gave: a JSON array of statements, a statement result page
 * (`{"statements": [...], "more": ...}`, xAPI Communication 2.1.3), several of either on separate lines
 * (JSON lines, one statement or page per line), or Moodle's Interactions report as delimited text.
 * Every mistake is a ReportInputError that says where and what to do; nothing here throws anything else.
 */
import type { CourseData } from '../../components/course-data.js';
import { moodleLike, readMoodleInteractions } from './moodle-interactions.js';
import { ReportInputError, type Observation, type ReadResult } from './observations.js';
import { readStatement, statementLookup } from './xapi-statements.js';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1-based line and column of a character offset. */
function lineOf(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** The position V8 names in a JSON syntax error ("... at position 12" or "(line 2 column 5)"). */
function errorPlace(text: string, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `${lineColumn[1]}:${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  return position ? lineOf(text, Number(position[1])) : undefined;
}

function parseJson(path: string, text: string, where: (error: unknown) => string | undefined): { ok: true; value: unknown } | { ok: false; error: ReportInputError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: new ReportInputError(path, where(error), 'this is not valid JSON. Export the statements from the LRS again as JSON (an array, a statement result page, or one statement per line).') };
  }
}

/** The statements a parsed JSON value holds, or a description of what it is instead. */
function statementsIn(value: unknown): unknown[] | string {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.statements)) return value.statements;
  if (isRecord(value) && 'verb' in value && 'object' in value) return [value];
  if (isRecord(value)) return 'a JSON object that is neither a statement nor a page of statements ({"statements": [...]})';
  return `a JSON ${value === null ? 'null' : typeof value}, where statements were expected`;
}

function readStatements(path: string, text: string, course: CourseData): ReadResult {
  const whole = parseJson(path, text, (error) => errorPlace(text, error));
  let statements: unknown[];
  let format: 'xapi-json' | 'xapi-lines' = 'xapi-json';
  if (whole.ok) {
    const found = statementsIn(whole.value);
    if (typeof found === 'string') throw new ReportInputError(path, undefined, `${found}. Give the statements as exported from the LRS.`);
    statements = found;
  } else {
    const lines = text.split('\n');
    // A file that starts as an array, or is one line, is one JSON value: its own error says where it breaks.
    if (text.trimStart().startsWith('[') || lines.filter((line) => line.trim() !== '').length < 2) throw whole.error;
    // JSON lines: one statement, or one page of statements, per line.
    format = 'xapi-lines';
    statements = [];
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const parsed = parseJson(path, line, (error) => {
        const place = errorPlace(line, error);
        return `${index + 1}${place === undefined ? '' : `:${place.split(':')[1] ?? ''}`}`;
      });
      if (!parsed.ok) throw parsed.error;
      const found = statementsIn(parsed.value);
      if (typeof found === 'string') throw new ReportInputError(path, String(index + 1), `${found}.`);
      statements.push(...found);
    }
  }
  const lookup = statementLookup(course);
  const ignored: Record<string, number> = {};
  const observations: Observation[] = [];
  for (const [order, statement] of statements.entries()) {
    const observation = readStatement(statement, lookup, order, ignored);
    if (observation) observations.push(observation);
  }
  return { observations, summary: { path, format, records: statements.length, used: observations.length, ignored } };
}

/** Reads one input file's text as statements or as a Moodle report, by what it starts with. */
export function readData(path: string, text: string, course: CourseData): ReadResult {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw new ReportInputError(path, undefined, 'the file is empty.');
  if (start.startsWith('[') || start.startsWith('{')) return readStatements(path, text.replace(/^\uFEFF/, ''), course);
  if (moodleLike(start)) return readMoodleInteractions(path, text, course);
  throw new ReportInputError(path, '1', 'this is neither xAPI statements (JSON) nor a Moodle Interactions report (a header line with "Question 0" and "Response 0"). See "coursemark report --help".');
}
