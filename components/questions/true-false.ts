/** True or false: two radios (xAPI `true-false`). */
import { renderChoices } from './controls.js';
import { blankDraft, type QuestionKind } from './question-kind.js';

export const trueFalse: QuestionKind<'true-false'> = {
  type: 'true-false',
  emptyDraft: () => blankDraft,
  draftFrom: (_question, response) => ({ ...blankDraft, selected: [String(response.value)] }),
  responseFrom(_question, draft) {
    const value = draft.selected[0];
    return value === undefined ? undefined : { type: 'true-false', value: value === 'true' };
  },
  incomplete: (_draft, t) => t.chooseFirst,
  renderControls: (ctx) =>
    renderChoices(ctx, 'radio', [
      { id: 'true', label: ctx.t.trueLabel },
      { id: 'false', label: ctx.t.falseLabel },
    ]),
  chosen: () => [],
  isCorrect: (question, response) => response.value === question.answer,
  readResponse: (value) => (typeof value.value === 'boolean' ? { type: 'true-false', value: value.value } : undefined),
  interaction: {
    type: 'true-false',
    items: () => ({}),
    correct: (question) => [{ kind: 'boolean', value: question.answer }],
    response: (_question, response) => ({ kind: 'boolean', value: response.value }),
  },
  codec: {
    encode: (_question, response) => (response.value ? '1' : '0'),
    decode: (_question, code) => (code === '1' || code === '0' ? { type: 'true-false', value: code === '1' } : undefined),
    worst: () => 1,
    shape: () => '',
  },
  answerText: (question, t) => [question.answer ? t.trueLabel : t.falseLabel],
  answerSteps: (question, mode) => [{ op: 'check', selector: `input[value="${mode === 'first' ? 'true' : String(mode === 'correct' ? question.answer : !question.answer)}"]` }],
};
