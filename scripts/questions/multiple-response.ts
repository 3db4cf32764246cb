/** Multiple response, as written: a task list with one or more "[x]". */
import { readChoiceList } from './choice-list.js';
import type { QuestionReader } from './question-reader.js';

export const multipleResponse: QuestionReader<'multiple-response'> = {
  answersInList: true,
  settings: [],
  read(input) {
    const list = readChoiceList(input);
    if (!list) return undefined;
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'multiple-response', choices: list.options }, choices: list.choices, ...(list.choiceFeedback ? { choiceFeedback: list.choiceFeedback } : {}) };
  },
};
