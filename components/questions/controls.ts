/**
 * Answer controls that several question types share, as native form controls inside the
 * question's fieldset: radios and checkboxes (arrow keys and Space work natively) and a text input.
 * Each type's module (this folder) picks its controls; matching and sequencing draw their own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChoiceOption } from '../course-data.js';
import type { ControlBase } from './question-kind.js';

/** The numbers the hint under a numeric answer box shows, written as the course language writes them. */
export const NUMBER_EXAMPLES = { whole: 12, decimal: 3.5 } as const;

/** A choice's label: the rich one the build rendered, else its plain text. */
export function choiceLabel(ctx: ControlBase, choice: ChoiceOption): unknown {
  return ctx.content?.choices?.[choice.id] ?? choice.text;
}

export function renderChoices(ctx: ControlBase, kind: 'radio' | 'checkbox', options: readonly { id: string; label: unknown }[]): TemplateResult {
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

export function renderTextAnswer(ctx: ControlBase, numeric: boolean, unit: string | undefined): TemplateResult {
  const describedBy = [unit === undefined ? '' : 'unit', ctx.invalid ? 'number-error' : ''].filter(Boolean).join(' ');
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
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        .value=${ctx.draft.text}
        @input=${(event: Event) => ctx.update({ ...ctx.draft, text: (event.target as HTMLInputElement).value })}
      />
      ${unit === undefined ? nothing : html`<span id="unit" class="unit"><span class="vh">${ctx.t.unit({ unit })}</span><span aria-hidden="true">${unit}</span></span>`}
    </span>
    ${ctx.invalid ? html`<p id="number-error" class="error">${ctx.t.enterNumber(NUMBER_EXAMPLES)}</p>` : nothing}
  </div>`;
}
