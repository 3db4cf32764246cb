import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CourseData, QuestionData } from '../../../components/course-data.js';
import { interactionRecord } from '../../../components/runtime/scorm/interaction-record.js';
import { scorm12Model } from '../../../components/runtime/scorm/scorm12-model.js';
import { scorm2004Model } from '../../../components/runtime/scorm/scorm2004-model.js';
import { responsePattern } from '../../../components/runtime/statements/interaction-definitions.js';
import type { LearnerResponse } from '../../../components/tracker.js';
import { readCourseFolder } from '../../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { parseDelimited } from '../../../scripts/report/csv-table.js';
import { ReportInputError } from '../../../scripts/report/observations.js';
import { readData } from '../../../scripts/report/read-data.js';
import { decodeResponse } from '../../../scripts/report/response-formats.js';

const sample: CourseData = await (async () => {
  const model = checkCourse(await readCourseFolder(join(import.meta.dirname, '../../../course'))).model;
  if (!model) throw new Error('sample course has errors');
  return model.data;
})();

/** Responses a learner can give each question of the sample course, right and wrong. */
function responsesFor(question: QuestionData): LearnerResponse[] {
  switch (question.type) {
    case 'single-choice':
      return question.choices.map((choice) => ({ type: question.type, choice: choice.id }));
    case 'multiple-response':
      return [question.choices.map((c) => c.id), [question.choices[0]?.id ?? 'a'], question.choices.slice(1).map((c) => c.id)].map((choices) => ({ type: question.type, choices }));
    case 'true-false':
      return [true, false].map((value) => ({ type: question.type, value }));
    case 'fill-in':
      return [{ type: question.type, text: 'sextortion' }, { type: question.type, text: 'Something else, with a comma' }];
    case 'numeric':
      return [2017, 1999.5, -3].map((value) => ({ type: question.type, value }));
    case 'matching':
      return [question.pairs, question.pairs.map(([source], i) => [source, question.targets[(i + 1) % question.targets.length]?.id ?? 'a'] as const)].map((pairs) => ({ type: question.type, pairs }));
    case 'sequencing':
      return [question.steps.map((s) => s.id), [...question.steps].reverse().map((s) => s.id)].map((order) => ({ type: question.type, order }));
  }
}

function scormResponse(question: QuestionData, response: LearnerResponse, version: '1.2' | '2004'): string {
  const values = new Map<string, string>();
  const lms = { state: 'open' as const, initialize: () => true, getValue: () => '', setValue: (element: string, value: string) => (values.set(element, value), true), commit: () => true, terminate: () => true };
  const record = interactionRecord({ kind: 'question-answered', question, answer: { response, correct: false, attempt: 1, at: '2025-01-01T00:00:00Z' }, latencyMs: 1 }, '2025-01-01T00:00:00Z');
  if (record) (version === '1.2' ? scorm12Model : scorm2004Model).writeInteraction(lms, 0, record);
  return values.get(`cmi.interactions.0.${version === '1.2' ? 'student_response' : 'learner_response'}`) ?? '';
}

describe('recorded responses read back through the question types', () => {
  for (const question of sample.questions) {
    it(`${question.type} "${question.id}": xAPI, SCORM 2004 and SCORM 1.2`, () => {
      for (const response of responsesFor(question)) {
        expect(decodeResponse(question, responsePattern(question, response), 'xapi')?.response).toEqual(response);
        expect(decodeResponse(question, scormResponse(question, response, '2004'), 'scorm2004')?.response).toEqual(response);
        expect(decodeResponse(question, scormResponse(question, response, '1.2'), 'scorm12')?.response).toEqual(response);
      }
    });
  }

  it('a response naming an option the question does not have is not read', () => {
    const choice = sample.questions.find((question) => question.type === 'single-choice');
    if (!choice) throw new Error('no single-choice question');
    expect(decodeResponse(choice, 'no-such-option', 'xapi')).toBeUndefined();
    expect(decodeResponse(choice, 'z', 'scorm12')).toBeUndefined();
  });
});

const fail = (text: string): string => {
  try {
    readData('data.json', text, sample);
  } catch (error) {
    if (error instanceof ReportInputError) return error.message;
    throw error;
  }
  throw new Error('no error');
};

describe('report input files', () => {
  it('refuses malformed files with the place and what to do', () => {
    expect(fail('')).toBe('data.json: the file is empty.');
    expect(fail('[{"verb": 1},\n  {oops}]')).toMatch(/^data\.json(:2:\d+)?: this is not valid JSON\. Export the statements/);
    expect(fail('{"verb": {}, "object": {}}\n{"b": }\n')).toMatch(/^data\.json:2(:\d+)?: this is not valid JSON/);
    expect(fail('{"results": []}')).toMatch(/neither a statement nor a page of statements/);
    expect(fail('42')).toMatch(/neither xAPI statements/);
    expect(fail('Name\tAttempt\tResponse 0\nA\t1\tb')).toMatch(/^data\.json:1: no "Question 0" column/);
    expect(fail('Name\tQuestion 0\tResponse 0\nA\ta\tb')).toMatch(/no "Attempt" column/);
    expect(fail('Name\tAttempt\tQuestion 0\tResponse 0\n"A\t1\tx\ty\n')).toMatch(/^data\.json:2: a quoted field starts here and never ends/);
  });

  it('counts and leaves out what does not belong to the course', () => {
    const other = { actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'https://elsewhere.example/q/1' }, result: { response: 'a' } };
    const group = { actor: { objectType: 'Group', member: [] }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `${sample.id}/pages/${sample.pages[0]?.id ?? ''}` } };
    const page = { ...group, actor: { account: { homePage: 'https://lms.example', name: '42' } } };
    const result = readData('lrs.json', JSON.stringify({ statements: [other, group, page, 'text'], more: '' }), sample);
    expect(result.summary).toMatchObject({ records: 4, used: 1 });
    expect(Object.values(result.summary.ignored).reduce((a, b) => a + b, 0)).toBe(3);
    const lines = readData('lrs.jsonl', `${JSON.stringify(page)}\n\n${JSON.stringify({ statements: [page, other] })}\n`, sample);
    expect(lines.summary).toMatchObject({ format: 'xapi-lines', records: 3, used: 2 });
  });

  it('never fails other than with a ReportInputError, whatever the bytes (property)', () => {
    const anyText = fc.oneof(fc.string(), fc.json(), fc.array(fc.json()).map((lines) => lines.join('\n')), fc.string().map((s) => `Name\tAttempt\tQuestion 0\tResponse 0\n${s}`));
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          readData('data', text, sample);
        } catch (error) {
          expect(error).toBeInstanceOf(ReportInputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('statement-like values of any shape are read or counted, never crash (property)', () => {
    const statement = fc.record({ actor: fc.oneof(fc.constant({ mbox: 'mailto:x@example.org' }), fc.anything()), verb: fc.oneof(fc.constant({ id: 'http://adlnet.gov/expapi/verbs/answered' }), fc.anything()), object: fc.oneof(fc.constant({ id: sample.questions[0]?.iri ?? '' }), fc.anything()), result: fc.oneof(fc.record({ response: fc.string(), success: fc.boolean(), duration: fc.string() }), fc.anything()) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 20 }), (list) => {
        const result = readData('lrs.json', JSON.stringify(list), sample);
        expect(result.summary.used + Object.values(result.summary.ignored).reduce((a, b) => a + b, 0)).toBe(list.length);
      }),
      { numRuns: 200 },
    );
  });

  it('delimited text: quoting then parsing gives the fields back (property)', () => {
    const quote = (field: string): string => (/[",\n\r]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field);
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const parsed = parseDelimited(rows.map((row) => row.map(quote).join(',')).join('\r\n'), ',');
        expect(parsed.ok && parsed.rows.map((row) => row.fields)).toEqual(rows);
      }),
    );
  });
});
