/**
 * The answer controls of each question type, as native form controls inside the question's
 * fieldset: radios and checkboxes (arrow keys and Space work natively), text inputs, one
 * `<select>` per matching item, and Move up/Move down buttons for sequencing, which work with
 * any keyboard or switch device, unlike drag and drop (WCAG 2.2 SC 2.1.1, SC 2.5.7).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChoiceOption, QuestionData } from './course-data.js';
import type { Formatter } from './i18n/formatter.js';
import type { Messages } from './i18n/messages.js';
import type { Draft } from './question-draft.js';
import { seededShuffle } from './shuffle.js';

/** The numbers the hint under a numeric answer box shows, written as the course language writes them. */
export const NUMBER_EXAMPLES = { whole: 12, decimal: 3.5 } as const;

/** The rich parts of a question, rendered by the build as Lit templates. */
export interface QuestionContent {
  readonly prompt: unknown;
  readonly choices?: Readonly<Record<string, unknown>>;
  readonly feedback?: {
    readonly correct?: unknown;
    readonly incorrect?: unknown;
    readonly choices?: Readonly<Record<string, unknown>>;
  };
}

export interface ControlContext {
  readonly question: QuestionData;
  readonly content: QuestionContent | undefined;
  readonly draft: Draft;
  readonly t: Messages;
  readonly fmt: Formatter;
  /** Set when the typed number could not be read. */
  readonly numberError: boolean;
  readonly update: (draft: Draft) => void;
  readonly move: (stepId: string, delta: -1 | 1) => void;
}

function choiceLabel(ctx: ControlContext, choice: ChoiceOption): unknown {
  return ctx.content?.choices?.[choice.id] ?? choice.text;
}

function renderChoices(ctx: ControlContext, kind: 'radio' | 'checkbox', options: readonly { id: string; label: unknown }[]): TemplateResult {
  const { draft } = ctx;
  const toggle = (id: string, checked: boolean): void => {
    const others = draft.selected.filter((value) => value !== id);
    ctx.update({ ...draft, selected: kind === 'radio' ? [id] : checked ? [...others, id] : others });
  };
  return html`<div class="options">
    ${options.map(
      (option) => html`<div class="option">
        <input
          type=${kind}
          id=${`choice-${option.id}`}
          name="choice"
          value=${option.id}
          .checked=${draft.selected.includes(option.id)}
          @change=${(event: Event) => toggle(option.id, (event.target as HTMLInputElement).checked)}
        />
        <label for=${`choice-${option.id}`}>${option.label}</label>
      </div>`,
    )}
  </div>`;
}

function renderTextAnswer(ctx: ControlContext, numeric: boolean, unit: string | undefined): TemplateResult {
  const describedBy = [unit === undefined ? '' : 'unit', ctx.numberError ? 'number-error' : ''].filter(Boolean).join(' ');
  return html`<div class="text-answer">
    <label for="answer">${ctx.t.yourAnswer}</label>
    <span class="input-row">
      <input
        id="answer"
        type="text"
        inputmode=${numeric ? 'decimal' : 'text'}
        autocomplete="off"
        spellcheck="false"
        class=${numeric ? 'numeric' : ''}
        aria-describedby=${describedBy === '' ? nothing : describedBy}
        aria-invalid=${ctx.numberError ? 'true' : 'false'}
        .value=${ctx.draft.text}
        @input=${(event: Event) => ctx.update({ ...ctx.draft, text: (event.target as HTMLInputElement).value })}
      />
      ${unit === undefined ? nothing : html`<span id="unit" class="unit"><span class="vh">${ctx.t.unit({ unit })}</span><span aria-hidden="true">${unit}</span></span>`}
    </span>
    ${ctx.numberError ? html`<p id="number-error" class="error">${ctx.t.enterNumber(NUMBER_EXAMPLES)}</p>` : nothing}
  </div>`;
}

function renderMatching(ctx: ControlContext, question: Extract<QuestionData, { type: 'matching' }>): TemplateResult {
  // Seeded per question, so a reload shows the same order (the author order would give it away).
  const targets = seededShuffle(question.targets, question.id);
  return html`<div class="matches">
    ${question.sources.map(
      (source) => html`<div class="match">
        <label for=${`match-${source.id}`}>${source.text}</label>
        <select
          id=${`match-${source.id}`}
          @change=${(event: Event) =>
            ctx.update({ ...ctx.draft, pairs: { ...ctx.draft.pairs, [source.id]: (event.target as HTMLSelectElement).value } })}
        >
          <option value="" ?selected=${(ctx.draft.pairs[source.id] ?? '') === ''}>${ctx.t.chooseMatch}</option>
          ${targets.map(
            (target) =>
              html`<option value=${target.id} ?selected=${ctx.draft.pairs[source.id] === target.id}>${target.text}</option>`,
          )}
        </select>
      </div>`,
    )}
  </div>`;
}

/**
 * Each move button's name starts with its visible text and adds the step and its position
 * (WCAG 2.2 SC 2.5.3 Label in Name), so "Move up" buttons are distinguishable in a list of them.
 */
function renderSequencing(ctx: ControlContext, question: Extract<QuestionData, { type: 'sequencing' }>): TemplateResult {
  const text = new Map(question.steps.map((step) => [step.id, step.text]));
  const total = ctx.draft.order.length;
  const last = ctx.draft.order.length - 1;
  return html`<ol class="sequence">
    ${repeat(
      ctx.draft.order,
      (id) => id,
      (id, index) => html`<li class="step">
        <span class="position" aria-hidden="true">${ctx.fmt.number(index + 1)}</span>
        <span class="step-text">${text.get(id) ?? id}</span>
        <span class="moves">
          <button
            type="button"
            class="button secondary move"
            id=${`up-${id}`}
            aria-disabled=${index === 0 ? 'true' : 'false'}
            aria-label=${`${ctx.t.moveUp}: ${text.get(id) ?? id} (${ctx.t.stepPosition({ position: index + 1, total })})`}
            @click=${() => ctx.move(id, -1)}
          >
            <span aria-hidden="true">↑</span> ${ctx.t.moveUp}
          </button>
          <button
            type="button"
            class="button secondary move"
            id=${`down-${id}`}
            aria-disabled=${index === last ? 'true' : 'false'}
            aria-label=${`${ctx.t.moveDown}: ${text.get(id) ?? id} (${ctx.t.stepPosition({ position: index + 1, total })})`}
            @click=${() => ctx.move(id, 1)}
          >
            <span aria-hidden="true">↓</span> ${ctx.t.moveDown}
          </button>
        </span>
      </li>`,
    )}
  </ol>`;
}

export function renderControls(ctx: ControlContext): TemplateResult {
  const { question, t } = ctx;
  switch (question.type) {
    case 'single-choice':
      return renderChoices(ctx, 'radio', question.choices.map((choice) => ({ id: choice.id, label: choiceLabel(ctx, choice) })));
    case 'multiple-response':
      return renderChoices(ctx, 'checkbox', question.choices.map((choice) => ({ id: choice.id, label: choiceLabel(ctx, choice) })));
    case 'true-false':
      return renderChoices(ctx, 'radio', [
        { id: 'true', label: t.trueLabel },
        { id: 'false', label: t.falseLabel },
      ]);
    case 'fill-in':
      return renderTextAnswer(ctx, false, undefined);
    case 'numeric':
      return renderTextAnswer(ctx, true, question.unit);
    case 'matching':
      return renderMatching(ctx, question);
    case 'sequencing':
      return renderSequencing(ctx, question);
  }
}
