/** Matching: one `<select>` per item, its matches in a seeded order (xAPI `matching`). */
import { html } from 'lit';
import { base36Digits, fromFixedBase36, toFixedBase36 } from '../runtime/resume/compact.js';
import { seededShuffle } from '../shuffle.js';
import { blankDraft, indexOf, type QuestionKind } from './question-kind.js';

const isPairList = (value: unknown): value is [string, string][] =>
  Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((item) => typeof item === 'string'));

/** Splits fixed-width base-36 numbers; undefined when the text is not made of them. */
export function fixedChunks(code: string, width: number): number[] | undefined {
  if (code.length % width !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < code.length; i += width) {
    const n = fromFixedBase36(code.slice(i, i + width), width);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

export const matching: QuestionKind<'matching'> = {
  type: 'matching',
  emptyDraft: () => blankDraft,
  draftFrom: (_question, response) => ({ ...blankDraft, pairs: Object.fromEntries(response.pairs) }),
  responseFrom(question, draft) {
    const pairs = question.sources.map((source) => [source.id, draft.pairs[source.id] ?? ''] as const);
    if (pairs.some(([, target]) => target === '')) return undefined;
    return { type: 'matching', pairs };
  },
  incomplete: (_draft, t) => t.chooseFirst,
  renderControls(ctx) {
    const { question } = ctx;
    // Seeded per question, so a reload shows the same order (the author order would give it away).
    const targets = seededShuffle(question.targets, question.id);
    return html`<div class="matches">
      ${question.sources.map(
        (source) => html`<div class="match">
          <label for=${`match-${source.id}`}>${source.text}</label>
          <select
            id=${`match-${source.id}`}
            @change=${(event: Event) => ctx.update({ ...ctx.draft, pairs: { ...ctx.draft.pairs, [source.id]: (event.target as HTMLSelectElement).value } })}
          >
            <option value="" ?selected=${(ctx.draft.pairs[source.id] ?? '') === ''}>${ctx.t.chooseMatch}</option>
            ${targets.map((target) => html`<option value=${target.id} ?selected=${ctx.draft.pairs[source.id] === target.id}>${target.text}</option>`)}
          </select>
        </div>`,
      )}
    </div>`;
  },
  chosen: () => [],
  isCorrect(question, response) {
    const given = new Map(response.pairs);
    return question.sources.every((source) => {
      const expected = question.pairs.find(([from]) => from === source.id)?.[1];
      return expected !== undefined && given.get(source.id) === expected;
    });
  },
  readResponse: (value) => (isPairList(value.pairs) ? { type: 'matching', pairs: value.pairs } : undefined),
  interaction: {
    type: 'matching',
    items: (question) => ({ source: question.sources, target: question.targets }),
    correct: (question) => [{ kind: 'pairs', pairs: question.pairs }],
    response: (_question, response) => ({ kind: 'pairs', pairs: response.pairs }),
  },
  codec: {
    // Per source, in order: 0 = unmatched, else target index + 1, fixed width. Not kept: pairs after a source's first.
    encode(question, response) {
      const known = response.pairs.every(([source, target]) => indexOf(question.sources, source) >= 0 && indexOf(question.targets, target) >= 0);
      if (!known) return undefined;
      const width = base36Digits(question.targets.length);
      return question.sources
        .map((source) => {
          const pair = response.pairs.find(([from]) => from === source.id);
          return toFixedBase36(pair ? indexOf(question.targets, pair[1]) + 1 : 0, width);
        })
        .join('');
    },
    decode(question, code) {
      const picks = fixedChunks(code, base36Digits(question.targets.length));
      if (!picks || picks.length !== question.sources.length) return undefined;
      const pairs: (readonly [string, string])[] = [];
      for (const [i, pick] of picks.entries()) {
        const source = question.sources[i];
        if (pick === 0 || !source) continue;
        const target = question.targets[pick - 1];
        if (!target) return undefined;
        pairs.push([source.id, target.id]);
      }
      return { type: 'matching', pairs };
    },
    worst: (question) => question.sources.length * base36Digits(question.targets.length),
    shape: (question) => `${question.sources.length}/${question.targets.length}`,
  },
  answerText: (question) => question.pairs.map(([source, target]) => `${question.sources.find((item) => item.id === source)?.text ?? source} → ${question.targets.find((item) => item.id === target)?.text ?? target}`),
  answerSteps(question, mode) {
    return question.pairs.map(([source, target], index) => {
      const wrong = question.targets[(indexOf(question.targets, target) + 1) % question.targets.length]?.id ?? target;
      const first = question.targets[0]?.id ?? target;
      return { op: 'select', selector: `select#match-${source}`, value: mode === 'first' ? first : mode === 'correct' || index > 0 ? target : wrong };
    });
  },
};
