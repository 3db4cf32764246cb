/** Single choice, as written: a task list with exactly one "[x]". */
import { report } from '../diagnostics/report.js';
import { readChoiceList } from './choice-list.js';
import type { QuestionReader } from './question-reader.js';
import { knownIds, textOf } from './question-report.js';

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
  report: {
    fromPattern(question, pattern) {
      const ids = knownIds(pattern, question.choices);
      return ids?.length === 1 && ids[0] !== undefined ? { type: 'single-choice', choice: ids[0] } : undefined;
    },
    options: (question) => question.choices,
    picked: (_question, response) => [response.choice],
    distractors: true,
    label: (question, response) => textOf(question.choices, response.choice),
    freeText: false,
  },
  cartridge: (question) => ({
    profile: 'cc.multiple_choice.v0p1',
    choices: question.choices.map(({ id, text }) => ({ id, text })),
    correct: question.choices.find((choice) => choice.correct)?.id ?? '',
  }),
};
