/** Numeric, as written: `answer=42`, optionally `tolerance=1` and `unit="%"`. */
import { report } from '../diagnostics/report.js';
import type { QuestionReader } from './question-reader.js';
import { notInProfile } from '../package/cc/qti-question.js';

export const numeric: QuestionReader<'numeric'> = {
  answersInList: false,
  settings: ['answer', 'tolerance', 'unit'],
  read(input) {
    const { attributes } = input;
    const answer = Number(attributes.answer);
    if (attributes.answer === undefined || attributes.answer === '' || !Number.isFinite(answer)) {
      report(input.file, 'question-no-correct', `${input.label} (numeric) needs its answer as a number: add answer=42 (and optionally tolerance=1) to the braces.`, input.node.position);
      return undefined;
    }
    const tolerance = typeof attributes.tolerance === 'number' ? attributes.tolerance : 0;
    const unit = typeof attributes.unit === 'string' && attributes.unit !== '' ? { unit: attributes.unit } : {};
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'numeric', answer, tolerance, ...unit } };
  },
  report: {
    fromPattern: (_question, pattern) => (pattern.kind === 'number' && pattern.min === pattern.max && Number.isFinite(pattern.min) ? { type: 'numeric', value: pattern.min } : undefined),
    options: () => [],
    picked: () => [],
    distractors: false,
    label: (question, response) => `${response.value}${question.unit === undefined ? '' : ` ${question.unit}`}`,
    freeText: false,
  },
  cartridge(question) {
    // The profile compares typed text: an exact number is a fill-in with its usual spellings; a range is not.
    if (question.tolerance > 0) return notInProfile('a numeric answer with a tolerance (the Common Cartridge quiz profile compares typed text, not numbers)');
    const number = String(question.answer);
    const unit = question.unit === undefined ? [] : [`${number}${question.unit}`, `${number} ${question.unit}`];
    return { profile: 'cc.fib.v0p1', answers: [...new Set([number, ...unit])], caseSensitive: false };
  },
};
