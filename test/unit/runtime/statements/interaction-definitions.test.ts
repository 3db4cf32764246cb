import type { Statement } from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import type { QuestionData } from '../../../../components/course-data.js';
import { createStatementEmitter } from '../../../../components/runtime/statements/index.js';
import type { LearnerResponse } from '../../../../components/tracker.js';
import { COURSE_ID, course, questions } from './fixtures.js';
import { statementProblems } from './xapi-shape.js';

const lang = (text: string) => ({ 'en-GB': text });
const emitter = createStatementEmitter({ course, actor: { mbox: 'mailto:learner@example.org' }, rootId: COURSE_ID, now: () => 0 });

function answered(question: QuestionData, response: LearnerResponse, correct: boolean): Statement {
  const s = emitter.statementFor({ kind: 'question-answered', question, answer: { response, correct, attempt: 1, at: '1970-01-01T00:00:00.000Z' }, latencyMs: 1500 });
  if (!s) throw new Error('no statement');
  expect(statementProblems(s)).toEqual([]);
  return s;
}

interface Case {
  readonly question: QuestionData;
  readonly definition: Record<string, unknown>;
  readonly right: readonly [LearnerResponse, string];
  readonly wrong: readonly [LearnerResponse, string];
}

const cases: Record<string, Case> = {
  'single-choice': {
    question: questions.single,
    definition: { interactionType: 'choice', correctResponsesPattern: ['b'], choices: [{ id: 'a', description: lang('A') }, { id: 'b', description: lang('B') }, { id: 'c', description: lang('C') }] },
    right: [{ type: 'single-choice', choice: 'b' }, 'b'],
    wrong: [{ type: 'single-choice', choice: 'c' }, 'c'],
  },
  'multiple-response': {
    question: questions.multiple,
    definition: { interactionType: 'choice', correctResponsesPattern: ['a[,]c'], choices: [{ id: 'a', description: lang('A') }, { id: 'b', description: lang('B') }, { id: 'c', description: lang('C') }] },
    right: [{ type: 'multiple-response', choices: ['a', 'c'] }, 'a[,]c'],
    wrong: [{ type: 'multiple-response', choices: ['b'] }, 'b'],
  },
  'true-false': {
    question: questions.trueFalse,
    definition: { interactionType: 'true-false', correctResponsesPattern: ['false'] },
    right: [{ type: 'true-false', value: false }, 'false'],
    wrong: [{ type: 'true-false', value: true }, 'true'],
  },
  'fill-in': {
    question: questions.fillIn,
    definition: { interactionType: 'fill-in', correctResponsesPattern: ['Report', 'Block'] },
    right: [{ type: 'fill-in', text: 'report' }, 'report'],
    wrong: [{ type: 'fill-in', text: 'Ignore it' }, 'Ignore it'],
  },
  'fill-in (case sensitive)': {
    question: questions.fillInCase,
    definition: { interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=true}NCMEC'] },
    right: [{ type: 'fill-in', text: 'NCMEC' }, 'NCMEC'],
    wrong: [{ type: 'fill-in', text: 'ncmec' }, 'ncmec'],
  },
  numeric: {
    question: questions.numeric,
    definition: { interactionType: 'numeric', correctResponsesPattern: ['18'] },
    right: [{ type: 'numeric', value: 18 }, '18'],
    wrong: [{ type: 'numeric', value: 16.5 }, '16.5'],
  },
  'numeric (tolerance)': {
    question: questions.numericTolerance,
    definition: { interactionType: 'numeric', correctResponsesPattern: ['0.2[:]0.4'] },
    right: [{ type: 'numeric', value: 0.25 }, '0.25'],
    wrong: [{ type: 'numeric', value: -1 }, '-1'],
  },
  matching: {
    question: questions.matching,
    definition: { interactionType: 'matching', correctResponsesPattern: ['1[.]b[,]2[.]a'], source: [{ id: '1', description: lang('1') }, { id: '2', description: lang('2') }], target: [{ id: 'a', description: lang('A') }, { id: 'b', description: lang('B') }, { id: 'c', description: lang('C') }] },
    right: [{ type: 'matching', pairs: [['1', 'b'], ['2', 'a']] }, '1[.]b[,]2[.]a'],
    wrong: [{ type: 'matching', pairs: [['1', 'c'], ['2', 'c']] }, '1[.]c[,]2[.]c'],
  },
  sequencing: {
    question: questions.sequencing,
    definition: { interactionType: 'sequencing', correctResponsesPattern: ['a[,]b[,]c'], choices: [{ id: 'a', description: lang('A') }, { id: 'b', description: lang('B') }, { id: 'c', description: lang('C') }] },
    right: [{ type: 'sequencing', order: ['a', 'b', 'c'] }, 'a[,]b[,]c'],
    wrong: [{ type: 'sequencing', order: ['c', 'a', 'b'] }, 'c[,]a[,]b'],
  },
};

describe('interaction definitions and responses', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: definition, pattern, and the response of a right and a wrong answer`, () => {
      const right = answered(c.question, c.right[0], true);
      expect(right.object).toEqual({
        objectType: 'Activity',
        id: c.question.iri,
        definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', name: lang(c.question.promptText), description: lang(c.question.promptText), ...c.definition },
      });
      expect(right.result).toEqual({ response: c.right[1], success: true, score: { scaled: 1, raw: 2, min: 0, max: 2 }, duration: 'PT1.5S' });
      const wrong = answered(c.question, c.wrong[0], false);
      expect(wrong.result).toEqual({ response: c.wrong[1], success: false, score: { scaled: 0, raw: 0, min: 0, max: 2 }, duration: 'PT1.5S' });
    });
  }

  it('covers all seven question types', () => {
    expect(new Set(Object.values(cases).map((c) => c.question.type)).size).toBe(7);
  });
});
