/**
 * Sequencing: the steps in a seeded order that is never the solution, with Move up / Move down
 * buttons, which work with any keyboard or switch device, unlike drag and drop (WCAG 2.2 SC 2.1.1,
 * SC 2.5.7).
 */
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { base36Digits, toFixedBase36 } from '../runtime/resume/compact.js';
import { seededDerangedOrder } from '../shuffle.js';
import { fixedChunks } from './matching.js';
import { blankDraft, indexOf, isStringArray, type ControlContext, type QuestionKind } from './question-kind.js';

/** Moves a step one place, says where it went and keeps focus on the same button (SC 2.4.3). */
function move(ctx: ControlContext<'sequencing'>, id: string, delta: -1 | 1): void {
  const order = [...ctx.draft.order];
  const from = order.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return;
  order.splice(from, 1);
  order.splice(to, 0, id);
  ctx.update({ ...ctx.draft, order });
  const step = ctx.question.steps.find((candidate) => candidate.id === id);
  ctx.announce(ctx.t.moved({ item: step?.text ?? id, position: to + 1, total: order.length }));
  // The keyed list moves the item's DOM node, which drops focus.
  ctx.focusAfterUpdate(`${delta < 0 ? 'up' : 'down'}-${id}`);
}

export const sequencing: QuestionKind<'sequencing'> = {
  type: 'sequencing',
  emptyDraft: (question) => ({
    ...blankDraft,
    order: seededDerangedOrder(
      question.steps.map((step) => step.id),
      question.id,
    ),
  }),
  draftFrom(question, response) {
    const draft = sequencing.emptyDraft(question);
    // Only restore an order that still names exactly the question's steps.
    const known = new Set(draft.order);
    const valid = response.order.length === known.size && response.order.every((id) => known.has(id));
    return valid ? { ...draft, order: [...response.order] } : draft;
  },
  responseFrom: (_question, draft) => ({ type: 'sequencing', order: [...draft.order] }),
  incomplete: (_draft, t) => t.chooseFirst,
  /**
   * Each move button's name starts with its visible text and adds the step and its position
   * (WCAG 2.2 SC 2.5.3 Label in Name), so "Move up" buttons are distinguishable in a list of them.
   */
  renderControls(ctx) {
    const text = new Map(ctx.question.steps.map((step) => [step.id, step.text]));
    const total = ctx.draft.order.length;
    const last = ctx.draft.order.length - 1;
    const name = (label: string, id: string, index: number): string => `${label}: ${text.get(id) ?? id} (${ctx.t.stepPosition({ position: index + 1, total })})`;
    return html`<ol class="sequence">
      ${repeat(
        ctx.draft.order,
        (id) => id,
        (id, index) => html`<li class="step">
          <span class="position" aria-hidden="true">${ctx.fmt.number(index + 1)}</span>
          <span class="step-text">${text.get(id) ?? id}</span>
          <span class="moves">
            <button type="button" class="button secondary move" id=${`up-${id}`} aria-disabled=${index === 0 ? 'true' : 'false'} aria-label=${name(ctx.t.moveUp, id, index)} @click=${() => move(ctx, id, -1)}>
              <span aria-hidden="true">↑</span> ${ctx.t.moveUp}
            </button>
            <button type="button" class="button secondary move" id=${`down-${id}`} aria-disabled=${index === last ? 'true' : 'false'} aria-label=${name(ctx.t.moveDown, id, index)} @click=${() => move(ctx, id, 1)}>
              <span aria-hidden="true">↓</span> ${ctx.t.moveDown}
            </button>
          </span>
        </li>`,
      )}
    </ol>`;
  },
  chosen: () => [],
  isCorrect(question, response) {
    const expected = question.steps.map((step) => step.id);
    return expected.length === response.order.length && expected.every((id, i) => response.order[i] === id);
  },
  readResponse: (value) => (isStringArray(value.order) ? { type: 'sequencing', order: value.order } : undefined),
  interaction: {
    type: 'sequencing',
    items: (question) => ({ choices: question.steps }),
    correct: (question) => [{ kind: 'ids', ids: question.steps.map((step) => step.id) }],
    response: (_question, response) => ({ kind: 'ids', ids: response.order }),
  },
  codec: {
    // Not kept: repeated steps.
    encode(question, response) {
      if (!response.order.every((id) => indexOf(question.steps, id) >= 0)) return undefined;
      const width = base36Digits(question.steps.length - 1);
      return [...new Set(response.order)].map((id) => toFixedBase36(indexOf(question.steps, id), width)).join('');
    },
    decode(question, code) {
      const steps = code === '' ? [] : fixedChunks(code, base36Digits(question.steps.length - 1));
      if (!steps || new Set(steps).size !== steps.length) return undefined;
      const order: string[] = [];
      for (const i of steps) {
        const step = question.steps[i];
        if (!step) return undefined;
        order.push(step.id);
      }
      return { type: 'sequencing', order };
    },
    worst: (question) => question.steps.length * base36Digits(question.steps.length - 1),
    shape: (question) => String(question.steps.length),
  },
  // The player never starts in the correct order, so leaving it as shown is a wrong answer.
  answerText: (question) => question.steps.map((step, index) => `${index + 1}. ${step.text}`),
  answerSteps: (question, mode) => (mode === 'correct' ? [{ op: 'order', ids: question.steps.map((step) => step.id) }] : []),
};
