/** Multiple response: checkboxes; right when exactly the correct options are chosen. */
import { bitsetLength, decodeBitset, encodeBitset } from '../runtime/resume/compact.js';
import { choiceLabel, renderChoices } from './controls.js';
import { blankDraft, indexOf, isStringArray, type QuestionKind } from './question-kind.js';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size !== right.size) return false;
  for (const item of left) if (!right.has(item)) return false;
  return true;
}

export const multipleResponse: QuestionKind<'multiple-response'> = {
  type: 'multiple-response',
  emptyDraft: () => blankDraft,
  draftFrom: (_question, response) => ({ ...blankDraft, selected: [...response.choices] }),
  responseFrom(question, draft) {
    if (draft.selected.length === 0) return undefined;
    // Choices in author order, so the same selection always gives the same response.
    return { type: 'multiple-response', choices: question.choices.map((choice) => choice.id).filter((id) => draft.selected.includes(id)) };
  },
  incomplete: (_draft, t) => t.chooseFirst,
  renderControls: (ctx) => renderChoices(ctx, 'checkbox', ctx.question.choices.map((choice) => ({ id: choice.id, label: choiceLabel(ctx, choice) }))),
  chosen: (response) => response.choices,
  isCorrect(question, response) {
    const correct = question.choices.filter((choice) => choice.correct).map((choice) => choice.id);
    return sameSet(correct, response.choices) && response.choices.length === new Set(response.choices).size;
  },
  readResponse: (value) => (isStringArray(value.choices) ? { type: 'multiple-response', choices: value.choices } : undefined),
  interaction: {
    type: 'choice',
    items: (question) => ({ choices: question.choices }),
    correct: (question) => [{ kind: 'ids', ids: question.choices.filter((choice) => choice.correct).map((choice) => choice.id) }],
    response: (_question, response) => ({ kind: 'ids', ids: response.choices }),
  },
  codec: {
    // What is not kept: the order of the choices.
    encode: (question, response) =>
      response.choices.every((id) => indexOf(question.choices, id) >= 0) ? encodeBitset(question.choices.map((choice) => response.choices.includes(choice.id))) : undefined,
    decode(question, code) {
      const flags = decodeBitset(code, question.choices.length);
      return flags ? { type: 'multiple-response', choices: question.choices.filter((_, index) => flags[index]).map((choice) => choice.id) } : undefined;
    },
    worst: (question) => bitsetLength(question.choices.length),
    shape: (question) => String(question.choices.length),
  },
  answerText: (question) => question.choices.filter((choice) => choice.correct).map((choice) => choice.text),
  answerSteps(question, mode) {
    const chosen =
      mode === 'first'
        ? question.choices.slice(0, 1)
        : mode === 'correct'
          ? question.choices.filter((option) => option.correct)
          : question.choices.filter((option) => !option.correct).slice(0, 1);
    return chosen.map((option) => ({ op: 'check', selector: `input[value="${option.id}"]` }));
  },
};
