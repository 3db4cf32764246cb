import { LitElement, css, html, nothing } from 'lit';
import type { CourseData } from './course-data.js';
import { base, tokens } from './styles/theme.js';
import { viewStyles } from './view-styles.js';
import { messagesOf } from './view-messages.js';

/**
 * Every glossary term of the course, in the course language's alphabetical order, as a
 * description list (WCAG 2.2 SC 1.3.1: term and definition stay associated).
 *
 * @csspart title - The view's `<h1>`.
 */
export class CmGlossary extends LitElement {
  static override properties = {
    course: { attribute: false },
  };

  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      dl {
        margin: 0;
      }
      dt {
        font-weight: 700;
        margin-block-start: 1rem;
      }
      dd {
        margin: 0.25rem 0 0;
        padding-inline-start: 1rem;
        border-inline-start: 3px solid var(--cm-border);
      }
    `,
  ];

  declare course: CourseData | undefined;

  constructor() {
    super();
    this.course = undefined;
  }

  protected override render(): unknown {
    const course = this.course;
    if (course === undefined) return nothing;
    const t = messagesOf();
    const collator = new Intl.Collator(course.language, { sensitivity: 'base' });
    const entries = [...course.glossary].sort((a, b) => collator.compare(a.term, b.term));
    return html`<section class="view" aria-labelledby="title">
      <h1 id="title" part="title" tabindex="-1">${t.glossary}</h1>
      ${entries.length === 0
        ? html`<p>${t.glossaryEmpty}</p>`
        : html`<dl>
            ${entries.map((entry) => html`<dt id=${`term-${entry.id}`}>${entry.term}</dt><dd>${entry.definition}</dd>`)}
          </dl>`}
    </section>`;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-glossary': CmGlossary;
  }
}
