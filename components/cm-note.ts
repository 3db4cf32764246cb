import { ContextConsumer } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { courseContext } from './course-context.js';
import { base, tokens } from './styles/theme.js';
import { messagesOf } from './view-messages.js';

export type NoteKind = 'note' | 'case-study';

/**
 * A note or case study set apart from the running text. It is a `role="note"` (WAI-ARIA 1.2:
 * "a section whose content is parenthetic or ancillary") named by its visible heading.
 *
 * @slot - The note's content.
 * @csspart base - The box around the note.
 * @csspart heading - The note's heading.
 */
export class CmNote extends LitElement {
  static override properties = {
    kind: { reflect: true },
    heading: {},
  };

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      .box {
        padding: 1rem 1.25rem;
        border: 1px solid var(--cm-border);
        border-inline-start-width: 6px;
        border-radius: var(--cm-radius);
        background: var(--cm-note-bg);
      }
      :host([kind='case-study']) .box {
        border-inline-start-color: var(--cm-link);
        background: var(--cm-surface);
      }
      .heading {
        margin: 0 0 0.5rem;
        font-weight: 700;
        font-size: 1.0625rem;
      }
      ::slotted(:last-child) {
        margin-block-end: 0 !important;
      }
    `,
  ];

  declare kind: NoteKind;
  declare heading: string | undefined;

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });

  constructor() {
    super();
    this.kind = 'note';
    this.heading = undefined;
  }

  protected override render(): unknown {
    const t = messagesOf();
    const fallback = this.kind === 'case-study' ? t.caseStudy : t.note;
    return html`<div class="box" part="base" role="note" aria-labelledby="heading">
      <p class="heading" id="heading" part="heading">${this.heading ?? fallback}</p>
      <slot></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-note': CmNote;
  }
}
