import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { courseContext } from './course-context.js';
import type { CourseData, GlossaryEntry } from './course-data.js';
import { base, tokens } from './styles/theme.js';
import { messagesOf } from './view-messages.js';

/**
 * A glossary term in running text, shown as a toggletip (Heydon Pickering, "Inclusive
 * Components: Tooltips & Toggletips"): a real button toggles the definition, which appears in a
 * polite live region so it is announced, and Escape closes it (WCAG 2.2 SC 1.4.13). The
 * definition flows inline after the term instead of floating, so it can never overflow a narrow
 * screen (SC 1.4.10).
 *
 * @slot - The term as written in the text.
 * @csspart button - The term's toggle button.
 * @csspart definition - The definition, when shown.
 */
export class CmTerm extends LitElement {
  static override properties = {
    term: {},
    open: { state: true },
  };

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline;
      }
      button {
        display: inline;
        padding: 0;
        border: 0;
        background: none;
        color: inherit;
        font-weight: inherit;
        cursor: help;
        text-decoration: underline dotted;
        text-decoration-thickness: 0.1em;
        text-underline-offset: 0.2em;
      }
      button[aria-expanded='true'] {
        text-decoration-style: solid;
      }
      /* The live region is always rendered (so it is announced when filled); only a filled one
         is drawn. */
      .definition:not(:empty) {
        padding: 0.1em 0.4em;
        margin-inline-start: 0.3em;
        border: 1px solid var(--cm-border);
        border-radius: 0.25em;
        background: var(--cm-surface);
        -webkit-box-decoration-break: clone;
        box-decoration-break: clone;
        font-size: 0.9375em;
      }
    `,
  ];

  declare term: string;
  declare open: boolean;

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });
  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
    }
  };
  private readonly onDocumentPointerdown = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  constructor() {
    super();
    this.term = '';
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onDocumentKeydown);
    document.addEventListener('pointerdown', this.onDocumentPointerdown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeydown);
    document.removeEventListener('pointerdown', this.onDocumentPointerdown);
  }

  protected override render(): unknown {
    const course = this.course.value;
    const t = messagesOf();
    const entry = findTerm(course, this.term);
    if (entry === undefined && course !== undefined) {
      // The build reports unknown terms (rule unknown-term); show plain text rather than a dead button.
      return html`<slot></slot>`;
    }
    const definition = entry?.definition ?? t.unknownTerm;
    return html`<button type="button" part="button" aria-expanded=${this.open ? 'true' : 'false'} @click=${this.toggle}>
        <slot></slot><span class="vh"> (${t.glossaryTerm})</span></button
      ><span class="definition" part="definition" role="status"
        >${this.open ? html`<span class="vh">${entry?.term ?? this.term}: </span>${definition}` : nothing}</span
      >`;
  }

  private toggle(): void {
    this.open = !this.open;
  }
}

function normaliseTerm(text: string): string {
  return text.trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
}

/**
 * Finds a glossary entry by id or by term, ignoring letter case and extra spaces, as
 * docs/authoring.md promises for `:term[...]`.
 */
function findTerm(course: CourseData | undefined, key: string): GlossaryEntry | undefined {
  if (course === undefined) return undefined;
  const wanted = normaliseTerm(key);
  return (
    course.glossary.find((entry) => entry.id === key) ??
    course.glossary.find((entry) => normaliseTerm(entry.term) === wanted || entry.id === wanted)
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-term': CmTerm;
  }
}
