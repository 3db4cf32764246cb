import { LitElement, css, html } from 'lit';
import { base, tokens } from './styles/theme.js';
import { messagesOf } from './view-messages.js';

/**
 * A code block (the build's `<pre>`, highlighted or not) with a button that copies its text. The
 * block stays in the page's own tree (slotted), so the page's code styles keep applying. In an LMS
 * frame the Clipboard API may be refused (Permissions Policy `clipboard-write`); the text is then
 * selected and the learner told to copy it themselves.
 *
 * @slot - The `<pre>`.
 * @csspart copy - The copy button.
 */
export class CmCode extends LitElement {
  static override properties = {
    status: { state: true },
  };

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        justify-content: flex-end;
        margin-block-end: 0.25rem;
      }
      .copy {
        min-block-size: 2rem;
        padding: 0.125rem 0.75rem;
        font-size: 0.875rem;
      }
    `,
  ];

  declare status: 'idle' | 'copied' | 'selected';

  constructor() {
    super();
    this.status = 'idle';
  }

  protected override render(): unknown {
    const t = messagesOf();
    return html`<div class="bar">
        <button type="button" class="button secondary copy" part="copy" data-action="copy-code" @click=${this.copy}>${this.status === 'copied' ? t.codeCopied : t.copyCode}</button>
      </div>
      <slot></slot>
      <span class="vh" role="status">${this.status === 'copied' ? t.codeCopied : this.status === 'selected' ? t.codeSelected : ''}</span>`;
  }

  private async copy(): Promise<void> {
    const code = this.querySelector('pre');
    if (code === null) return;
    const text = code.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      this.status = 'copied';
    } catch {
      // Refused (an LMS frame without clipboard-write, or no secure context): select it instead.
      const selection = getSelection();
      const range = document.createRange();
      range.selectNodeContents(code);
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.status = 'selected';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-code': CmCode;
  }
}
