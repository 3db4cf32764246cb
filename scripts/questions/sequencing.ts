/** Sequencing, as written: the steps as a numbered list in the correct order. */
import type { MatchItem } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import { letters, MAX_CHOICES, plain, requireList, type QuestionReader } from './question-reader.js';
import { knownIds, textOf } from './question-report.js';
import { notInProfile } from '../package/cc/qti-question.js';

export const sequencing: QuestionReader<'sequencing'> = {
  answersInList: true,
  settings: [],
  read(input) {
    const items = requireList(input, 'the steps as a numbered list (1. 2. 3.) in the correct order');
    if (!items) return undefined;
    if (input.answers?.ordered !== true) {
      report(input.file, 'question-answers', `${input.label} (sequencing) needs its steps as a numbered list (1. 2. 3.) in the correct order.`, input.answers?.position);
      return undefined;
    }
    if (items.length < 2 || items.length > MAX_CHOICES) {
      report(input.file, 'question-answers', `${input.label} (sequencing) needs from 2 to ${MAX_CHOICES} steps; it has ${items.length}.`, input.answers.position);
      return undefined;
    }
    const steps: MatchItem[] = items.map((item, index) => ({ id: letters[index] ?? String(index), text: plain(item.children) }));
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'sequencing', steps } };
  },
  report: {
    fromPattern(question, pattern) {
      const ids = knownIds(pattern, question.steps);
      return ids && ids.length === question.steps.length ? { type: 'sequencing', order: ids } : undefined;
    },
    // One option per step, "in its right place": which steps learners misplace.
    options: (question) => question.steps.map((step, index) => ({ id: step.id, text: `${index + 1}. ${step.text}`, correct: true })),
    picked: (question, response) => question.steps.filter((step, index) => response.order[index] === step.id).map((step) => step.id),
    distractors: false,
    label: (question, response) => response.order.map((id) => textOf(question.steps, id)).join(' → '),
    freeText: false,
  },
  cartridge: () => notInProfile('sequencing (the Common Cartridge quiz profile has no ordering question)'),
};
