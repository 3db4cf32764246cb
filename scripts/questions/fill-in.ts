/** Fill-in, as written: accepted answers as plain "- answer" lines; `case-sensitive` optional. */
import { report } from '../diagnostics/report.js';
import { plain, requireList, type QuestionReader } from './question-reader.js';
import { normaliseText } from '../../components/questions/normalise-text.js';

export const fillIn: QuestionReader<'fill-in'> = {
  answersInList: true,
  settings: ['case-sensitive'],
  read(input) {
    const items = requireList(input, 'an accepted answer per "- " line');
    if (!items) return undefined;
    const answers = items.map((item) => plain(item.children));
    if (items.some((item) => item.checked !== null && item.checked !== undefined)) {
      report(input.file, 'question-answers', `${input.label} (fill-in) lists accepted answers as plain "- answer" lines, without [ ] or [x].`, input.answers?.position);
    }
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'fill-in', answers, caseSensitive: input.attributes['case-sensitive'] === true } };
  },
  report: {
    fromPattern: (_question, pattern) => (pattern.kind === 'text' ? { type: 'fill-in', text: pattern.text } : undefined),
    options: () => [],
    picked: () => [],
    distractors: false,
    // Answers counted as the player compares them: trimmed, spaces collapsed, case folded unless it matters.
    label: (question, response) => normaliseText(response.text, question.caseSensitive),
    freeText: true,
  },
  cartridge: (question) => ({ profile: 'cc.fib.v0p1', answers: question.answers, caseSensitive: question.caseSensitive }),
};
