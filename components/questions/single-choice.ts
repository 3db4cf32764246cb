/** Single choice: radios; one correct option (xAPI `choice` with one id). */
import { base36Digits, fromBase36, toBase36 } from '../runtime/resume/compact.js';
import { choiceLabel, renderChoices } from './controls.js';
import { blankDraft, indexOf, type QuestionKind } from './question-kind.js';

export const singleChoice: QuestionKind<'single-choice'> = {
  type: 'single-choice',
  emptyDraft: () => blankDraft,
  draftFrom: (_question, response) => ({ ...blankDraft, selected: [response.choice] }),
  responseFrom(_question, draft) {
    const choice = draft.selected[0];
    return choice === undefined ? undefined : { type: 'single-choice', choice };
  },
  incomplete: (_draft, t) => t.chooseFirst,
  renderControls: (ctx) => renderChoices(ctx, 'radio', ctx.question.choices.map((choice) => ({ id: choice.id, label: choiceLabel(ctx, choice) }))),
  chosen: (response) => [response.choice],
  isCorrect: (question, response) => question.choices.some((choice) => choice.correct && choice.id === response.choice),
  readResponse: (value) => (typeof value.choice === 'string' ? { type: 'single-choice', choice: value.choice } : undefined),
  interaction: {
    type: 'choice',
    items: (question) => ({ choices: question.choices }),
    correct: (question) => [{ kind: 'ids', ids: question.choices.filter((choice) => choice.correct).map((choice) => choice.id) }],
    response: (_question, response) => ({ kind: 'ids', ids: [response.choice] }),
  },
  codec: {
    encode(question, response) {
      const index = indexOf(question.choices, response.choice);
      return index < 0 ? undefined : toBase36(index);
    },
    decode(question, code) {
      const index = fromBase36(code);
      const choice = index === undefined ? undefined : question.choices[index];
      return choice ? { type: 'single-choice', choice: choice.id } : undefined;
    },
    worst: (question) => base36Digits(question.choices.length - 1),
    shape: (question) => String(question.choices.length),
  },
  answerText: (question) => question.choices.filter((choice) => choice.correct).map((choice) => choice.text),
  answerSteps(question, mode) {
    const choice = mode === 'first' ? question.choices[0] : (question.choices.find((option) => option.correct === (mode === 'correct')) ?? question.choices[0]);
    return [{ op: 'check', selector: `input[value="${choice?.id ?? 'a'}"]` }];
  },
};
