import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { courseContext, openSupportEvent, supportContext } from './course-context.js';
import { base, tokens } from './styles/theme.js';
import { messagesOf } from './view-messages.js';

/**
 * A button that opens the course's help-and-support panel. It is a button, not a link, because
 * it opens a dialog rather than navigating (WAI-ARIA APG, "Button" vs "Link").
 *
 * @fires cm-open-support - Asks the player to open the help-and-support panel (bubbles, composed).
 * @csspart button - The button.
 */
export class CmSupportLink extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
    `,
  ];

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });
  private readonly support = new ContextConsumer(this, { context: supportContext, subscribe: true });

  protected override render(): unknown {
    // Without a support panel there is nothing to open; a dead button would mislead.
    if (this.support.value === false) return nothing;
    const t = messagesOf();
    return html`<button type="button" class="button secondary" part="button" aria-haspopup="dialog" @click=${this.open}>
      ${this.course.value?.supportTitle ?? t.openSupport}
    </button>`;
  }

  private open(): void {
    this.dispatchEvent(openSupportEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-support-link': CmSupportLink;
  }
}
