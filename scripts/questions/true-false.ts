/** True/false, as written: `answer=true` or `answer=false` on the directive. */
import { report } from '../diagnostics/report.js';
import type { QuestionReader } from './question-reader.js';

export const trueFalse: QuestionReader<'true-false'> = {
  answersInList: false,
  settings: ['answer'],
  read(input) {
    const answer = input.attributes.answer;
    if (answer !== 'true' && answer !== 'false') {
      report(input.file, 'question-no-correct', `${input.label} (true-false) needs its answer: add answer=true or answer=false to the braces.`, input.node.position);
      return undefined;
    }
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'true-false', answer: answer === 'true' } };
  },
  report: {
    fromPattern: (_question, pattern) => (pattern.kind === 'boolean' ? { type: 'true-false', value: pattern.value } : undefined),
    options: (question) => [
      { id: 'true', text: 'True', correct: question.answer },
      { id: 'false', text: 'False', correct: !question.answer },
    ],
    picked: (_question, response) => [String(response.value)],
    // The one wrong option is the question itself: a rarely chosen "false" is an easy question, flagged as such.
    distractors: false,
    label: (_question, response) => (response.value ? 'True' : 'False'),
    freeText: false,
  },
  cartridge: (question) => ({ profile: 'cc.true_false.v0p1', correct: question.answer }),
};
