/** Fill in the blank: a text input; accepted answers compared after trimming (and case folding). */
import { decodeText, encodeText, truncateText, worstTextLength } from '../runtime/resume/text-codec.js';
import { renderTextAnswer } from './controls.js';
import { normaliseText } from './normalise-text.js';
import { blankDraft, type QuestionKind } from './question-kind.js';

/** Fill-in answers are stored up to this many UTF-16 code units. */
export const FILL_IN_MAX = 255;

export { normaliseText };

export const fillIn: QuestionKind<'fill-in'> = {
  type: 'fill-in',
  emptyDraft: () => blankDraft,
  draftFrom: (_question, response) => ({ ...blankDraft, text: response.text }),
  responseFrom: (_question, draft) => (draft.text.trim() === '' ? undefined : { type: 'fill-in', text: draft.text }),
  incomplete: (_draft, t) => t.chooseFirst,
  renderControls: (ctx) => renderTextAnswer(ctx, false, undefined),
  chosen: () => [],
  isCorrect(question, response) {
    const given = normaliseText(response.text, question.caseSensitive);
    if (given === '') return false;
    return question.answers.some((answer) => normaliseText(answer, question.caseSensitive) === given);
  },
  readResponse: (value) => (typeof value.text === 'string' ? { type: 'fill-in', text: value.text } : undefined),
  interaction: {
    type: 'fill-in',
    items: () => ({}),
    correct: (question) => question.answers.map((text) => ({ kind: 'text', text, caseMatters: question.caseSensitive })),
    response: (_question, response) => ({ kind: 'text', text: response.text, caseMatters: false }),
  },
  codec: {
    // What is not kept: text past FILL_IN_MAX UTF-16 units.
    encode: (_question, response) => encodeText(truncateText(response.text, FILL_IN_MAX)),
    decode(_question, code) {
      const text = decodeText(code);
      return text !== undefined && truncateText(text, FILL_IN_MAX) === text ? { type: 'fill-in', text } : undefined;
    },
    worst: () => worstTextLength(FILL_IN_MAX),
    shape: () => '',
  },
  answerText: (question) => question.answers.slice(0, 1),
  answerSteps: (question, mode) => [{ op: 'fill', selector: 'input#answer', text: mode === 'correct' ? (question.answers[0] ?? '') : 'not the answer' }],
};
