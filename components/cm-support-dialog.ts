import { LitElement, css, html } from 'lit';
import type { CourseData } from './course-data.js';
import { prose } from './styles/prose.js';
import { base, tokens } from './styles/theme.js';
import { messagesOf } from './view-messages.js';

/**
 * The help-and-support panel as a modal `<dialog>`: `showModal()` makes the rest of the player
 * inert and traps focus, Escape closes it natively, and on close focus returns to whatever
 * opened it (WAI-ARIA APG "Dialog (Modal)"; WCAG 2.2 SC 2.4.3).
 *
 * @csspart dialog - The `<dialog>`.
 */
export class CmSupportDialog extends LitElement {
  static override properties = {
    course: { attribute: false },
    content: { attribute: false },
  };

  static override styles = [
    tokens,
    base,
    prose,
    css`
      dialog {
        inline-size: min(40rem, calc(100vw - 2rem));
        max-block-size: calc(100dvh - 2rem);
        padding: 0;
        border: 2px solid var(--cm-border);
        border-radius: var(--cm-radius);
        background: var(--cm-bg);
        color: var(--cm-fg);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.55);
      }
      .inner {
        padding: 1.25rem 1.5rem;
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.5rem;
        line-height: 1.25;
      }
      h2:focus {
        outline: none;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-block-start: 1rem;
      }
    `,
  ];

  declare course: CourseData | undefined;
  declare content: unknown;

  private returnFocus: HTMLElement | undefined = undefined;

  constructor() {
    super();
    this.course = undefined;
    this.content = undefined;
  }

  get isOpen(): boolean {
    return this.renderRoot.querySelector('dialog')?.open ?? false;
  }

  /** Opens the panel; `opener` gets focus back when it closes. */
  async show(opener: HTMLElement | undefined): Promise<void> {
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog === null || dialog.open) return;
    this.returnFocus = opener;
    dialog.showModal();
    // Start at the title rather than the first link inside the content, so the panel is read
    // from the top.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  protected override render(): unknown {
    const t = messagesOf();
    return html`<dialog part="dialog" aria-labelledby="support-title" @close=${this.onClose} @click=${this.onDialogClick}>
      <div class="inner">
        <h2 id="support-title" tabindex="-1">${this.course?.supportTitle ?? t.helpAndSupport}</h2>
        <div class="prose">${this.content}</div>
        <div class="actions">
          <button type="button" class="button" @click=${this.close}>${t.close}</button>
        </div>
      </div>
    </dialog>`;
  }

  /** A click on the backdrop (the dialog element itself, outside `.inner`) closes the panel. */
  private onDialogClick(event: MouseEvent): void {
    if (event.target === event.currentTarget) this.close();
  }

  private onClose(): void {
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected === true) target.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-support-dialog': CmSupportDialog;
  }
}
