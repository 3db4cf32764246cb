/** Single choice, as written: a task list with exactly one "[x]". */
import { report } from '../diagnostics/report.js';
import { readChoiceList } from './choice-list.js';
import type { QuestionReader } from './question-reader.js';

export const singleChoice: QuestionReader<'single-choice'> = {
  answersInList: true,
  settings: [],
  read(input) {
    const list = readChoiceList(input);
    if (!list) return undefined;
    if (list.correctCount > 1) {
      report(input.file, 'question-answers', `${input.label} is single-choice but marks ${list.correctCount} choices [x]. Mark one, or use type=multiple-response.`, input.answers?.position);
      return undefined;
    }
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'single-choice', choices: list.options }, choices: list.choices, ...(list.choiceFeedback ? { choiceFeedback: list.choiceFeedback } : {}) };
  },
};
