import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { courseContext, openSupportEvent, supportContext } from './course-context.js';
import { base, tokens } from './styles/theme.js';
import { messagesOf } from './view-messages.js';

/**
 * A content warning before distressing material. It is a `role="note"` named by its heading, so
 * screen-reader users meet it as a distinct block, and it offers the help-and-support panel
 * straight away.
 *
 * @slot - The warning text.
 * @fires cm-open-support - When the learner asks for help and support (bubbles, composed).
 * @csspart base - The warning box.
 * @csspart heading - The heading.
 * @csspart button - The "Open help and support" button.
 */
export class CmContentWarning extends LitElement {
  static override properties = {
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
        border: 2px solid var(--cm-warning-border);
        border-radius: var(--cm-radius);
        background: var(--cm-warning-bg);
      }
      .heading {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin: 0 0 0.5rem;
        font-weight: 700;
        font-size: 1.125rem;
      }
      .icon {
        flex: none;
        inline-size: 1.25em;
        block-size: 1.25em;
        fill: currentColor;
      }
      ::slotted(:last-child) {
        margin-block-end: 0 !important;
      }
      .actions {
        margin-block-start: 0.75rem;
      }
    `,
  ];

  declare heading: string | undefined;

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });
  private readonly support = new ContextConsumer(this, { context: supportContext, subscribe: true });

  constructor() {
    super();
    this.heading = undefined;
  }

  protected override render(): unknown {
    const t = messagesOf();
    return html`<div class="box" part="base" role="note" aria-labelledby="heading">
      <p class="heading" id="heading" part="heading">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-8h-2v6h2V9z" />
        </svg>
        <span>${this.heading ?? t.contentWarning}</span>
      </p>
      <slot></slot>
      ${this.support.value === false
        ? nothing
        : html`<p class="actions">
            <button type="button" class="button secondary" part="button" aria-haspopup="dialog" @click=${this.open}>
              ${t.openSupport}
            </button>
          </p>`}
    </div>`;
  }

  private open(): void {
    this.dispatchEvent(openSupportEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-content-warning': CmContentWarning;
  }
}
