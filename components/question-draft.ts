/**
 * What a learner has entered into a question but not yet submitted, and its conversion to and
 * from `LearnerResponse`. Pure, so restoring a saved answer and building a response are testable
 * without a browser.
 */
import type { QuestionData } from './course-data.js';
import { seededDerangedOrder } from './shuffle.js';
import type { LearnerResponse } from './tracker.js';

export interface Draft {
  /** Selected choice ids (single choice, multiple response) or 'true'/'false' (true/false). */
  readonly selected: readonly string[];
  /** Typed text (fill-in, numeric). */
  readonly text: string;
  /** Matching: source id -> chosen target id. */
  readonly pairs: Readonly<Record<string, string>>;
  /** Sequencing: step ids in the learner's current order. */
  readonly order: readonly string[];
}

/** The starting draft: nothing selected, and sequencing steps in a seeded, never-solved order. */
export function emptyDraft(question: QuestionData): Draft {
  const order =
    question.type === 'sequencing'
      ? seededDerangedOrder(
          question.steps.map((step) => step.id),
          question.id,
        )
      : [];
  return { selected: [], text: '', pairs: {}, order };
}

export function draftFromResponse(question: QuestionData, response: LearnerResponse): Draft {
  const draft = emptyDraft(question);
  switch (response.type) {
    case 'single-choice':
      return { ...draft, selected: [response.choice] };
    case 'multiple-response':
      return { ...draft, selected: [...response.choices] };
    case 'true-false':
      return { ...draft, selected: [String(response.value)] };
    case 'fill-in':
      return { ...draft, text: response.text };
    case 'numeric':
      return { ...draft, text: String(response.value) };
    case 'matching':
      return { ...draft, pairs: Object.fromEntries(response.pairs) };
    case 'sequencing': {
      // Only restore an order that still names exactly the question's steps.
      const known = new Set(draft.order);
      const valid = response.order.length === known.size && response.order.every((id) => known.has(id));
      return valid ? { ...draft, order: [...response.order] } : draft;
    }
  }
}

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

/** The response a draft represents, or undefined when the learner has not answered yet. */
export function responseFromDraft(question: QuestionData, draft: Draft): LearnerResponse | undefined {
  switch (question.type) {
    case 'single-choice': {
      const choice = draft.selected[0];
      return choice === undefined ? undefined : { type: 'single-choice', choice };
    }
    case 'multiple-response':
      if (draft.selected.length === 0) return undefined;
      // Report choices in author order, so the same selection always gives the same response.
      return {
        type: 'multiple-response',
        choices: question.choices.map((c) => c.id).filter((id) => draft.selected.includes(id)),
      };
    case 'true-false': {
      const value = draft.selected[0];
      return value === undefined ? undefined : { type: 'true-false', value: value === 'true' };
    }
    case 'fill-in':
      return draft.text.trim() === '' ? undefined : { type: 'fill-in', text: draft.text };
    case 'numeric': {
      const value = parseNumber(draft.text);
      return value === undefined ? undefined : { type: 'numeric', value };
    }
    case 'matching': {
      const pairs = question.sources.map((source) => [source.id, draft.pairs[source.id] ?? ''] as const);
      if (pairs.some(([, target]) => target === '')) return undefined;
      return { type: 'matching', pairs };
    }
    case 'sequencing':
      return { type: 'sequencing', order: [...draft.order] };
  }
}
