/** Multiple response, as written: a task list with one or more "[x]". */
import { readChoiceList } from './choice-list.js';
import type { QuestionReader } from './question-reader.js';
import { knownIds, textOf } from './question-report.js';

export const multipleResponse: QuestionReader<'multiple-response'> = {
  answersInList: true,
  settings: [],
  read(input) {
    const list = readChoiceList(input);
    if (!list) return undefined;
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'multiple-response', choices: list.options }, choices: list.choices, ...(list.choiceFeedback ? { choiceFeedback: list.choiceFeedback } : {}) };
  },
  report: {
    fromPattern(question, pattern) {
      const ids = knownIds(pattern, question.choices);
      // In author order, as the player records a selection (components/questions/multiple-response.ts).
      return ids && ids.length > 0 ? { type: 'multiple-response', choices: question.choices.map((choice) => choice.id).filter((id) => ids.includes(id)) } : undefined;
    },
    options: (question) => question.choices,
    picked: (_question, response) => response.choices,
    distractors: true,
    label: (question, response) => response.choices.map((id) => textOf(question.choices, id)).join('; '),
    freeText: false,
  },
  cartridge: (question) => ({
    profile: 'cc.multiple_response.v0p1',
    choices: question.choices.map(({ id, text }) => ({ id, text })),
    correct: question.choices.filter((choice) => choice.correct).map((choice) => choice.id),
  }),
};
