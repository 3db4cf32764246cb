/** Numeric: a text input read as a number as people type it; right within the tolerance. */
import { NUMBER_EXAMPLES, renderTextAnswer } from './controls.js';
import { blankDraft, type QuestionKind } from './question-kind.js';

/** Longest `String(number)` (e.g. `-0.0000012345678901234567`). */
const NUMBER_MAX = 25;
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXTENDED_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/**
 * Parses a number as people type it: Arabic-Indic digits, the Arabic decimal separator (U+066B),
 * a decimal comma, thousands separators ("1,000", "1 000") and a Unicode minus sign.
 * Returns undefined for anything that is not a single finite number.
 */
export function parseNumber(input: string): number | undefined {
  let text = input.trim();
  text = [...text]
    .map((ch) => {
      const a = ARABIC_INDIC.indexOf(ch);
      if (a >= 0) return String(a);
      const e = EXTENDED_ARABIC_INDIC.indexOf(ch);
      return e >= 0 ? String(e) : ch;
    })
    .join('')
    .replace(/\u066b/gu, '.')
    .replace(/[\u066c\s\u00a0\u202f]/gu, '')
    .replace(/^[\u2212\u2012\u2013]/u, '-');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/u.test(text)) text = text.replace(/,/gu, '');
  else if (/^[-+]?\d*,\d+$/u.test(text)) text = text.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/u.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function encodeNumber(n: number): string {
  // '.' is a separator in the codec and '+' is not in its alphabet; '-0' keeps the sign of zero.
  return Object.is(n, -0) ? '-0' : String(n).replace('.', '_').replace('+', '');
}

function decodeNumber(code: string): number | undefined {
  if (!/^(-?[0-9][0-9_e-]*|-?Infinity|NaN)$/.test(code)) return undefined;
  const n = Number(code.replace('_', '.'));
  if (Number.isNaN(n) && code !== 'NaN') return undefined;
  return encodeNumber(n) === code ? n : undefined;
}

/** Removes binary floating-point noise from `answer ± tolerance` (0.3 - 0.1 -> 0.2, not 0.19999999999999998). */
const tidy = (n: number): number => Number(n.toPrecision(15));

export const numeric: QuestionKind<'numeric'> = {
  type: 'numeric',
  emptyDraft: () => blankDraft,
  draftFrom: (_question, response) => ({ ...blankDraft, text: String(response.value) }),
  responseFrom(_question, draft) {
    const value = parseNumber(draft.text);
    return value === undefined ? undefined : { type: 'numeric', value };
  },
  incomplete: (draft, t) => (draft.text.trim() === '' ? t.chooseFirst : t.enterNumber(NUMBER_EXAMPLES)),
  renderControls: (ctx) => renderTextAnswer(ctx, true, ctx.question.unit),
  chosen: () => [],
  // A tiny epsilon absorbs binary floating-point error (0.1 + 0.2) at the tolerance boundary.
  isCorrect: (question, response) => Number.isFinite(response.value) && Math.abs(response.value - question.answer) <= question.tolerance + 1e-9,
  readResponse: (value) => (typeof value.value === 'number' ? { type: 'numeric', value: value.value } : undefined),
  interaction: {
    type: 'numeric',
    items: () => ({}),
    correct: (question) =>
      question.tolerance > 0
        ? [{ kind: 'number', min: tidy(question.answer - question.tolerance), max: tidy(question.answer + question.tolerance) }]
        : [{ kind: 'number', min: question.answer, max: question.answer }],
    response: (_question, response) => ({ kind: 'number', min: response.value, max: response.value }),
  },
  codec: {
    encode: (_question, response) => encodeNumber(response.value),
    decode(_question, code) {
      const value = decodeNumber(code);
      return value === undefined ? undefined : { type: 'numeric', value };
    },
    worst: () => NUMBER_MAX,
    shape: () => '',
  },
  answerText: (question, _t, fmt) => {
    const unit = question.unit === undefined ? '' : ` ${question.unit}`;
    return [question.tolerance > 0 ? `${fmt.number(question.answer)} ± ${fmt.number(question.tolerance)}${unit}` : `${fmt.number(question.answer)}${unit}`];
  },
  answerSteps: (question, mode) => [{ op: 'fill', selector: 'input#answer', text: String(mode === 'correct' ? question.answer : question.answer + question.tolerance + 1000) }],
};
