import { LitElement, css, html, nothing } from 'lit';
import type { CourseData, CourseOutline } from './course-data.js';
import { formatterOf } from './course-context.js';
import { pageStatus, type PageStatus } from './page-status.js';
import { hrefFor, type Route } from './router.js';
import { base, tokens } from './styles/theme.js';
import type { ProgressState } from './tracker.js';
import { messagesOf } from './view-messages.js';

/** How many pages the contents list before the first paint. */
const FIRST_PAINT_PAGES = 40;

/**
 * The table of contents: a `<nav>` with one link per page, the glossary and the results. The
 * current page has `aria-current="page"`, and each page's state is written out in text, not
 * only shown by colour or icon (WCAG 2.2 SC 1.4.1), as is "Optional" on a page that does not count
 * towards completion. On narrow screens the list collapses behind a disclosure button (WAI-ARIA
 * APG "Disclosure").
 *
 * @csspart nav - The `<nav>` element.
 */
export class CmToc extends LitElement {
  static override properties = {
    outline: { attribute: false },
    course: { attribute: false },
    progress: { attribute: false },
    route: { attribute: false },
    expanded: { state: true },
    complete: { attribute: false },
  };

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      nav {
        padding: 1rem;
      }
      .heading {
        margin: 0 0 0.75rem;
        font-size: 1rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--cm-muted);
      }
      .toggle {
        display: none;
        inline-size: 100%;
        justify-content: space-between;
      }
      ol,
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul {
        margin-block-start: 1rem;
        padding-block-start: 1rem;
        border-block-start: 1px solid var(--cm-border);
      }
      a {
        display: grid;
        grid-template-columns: 1.75em 1fr;
        gap: 0 0.5rem;
        padding: 0.5rem 0.6rem;
        border-radius: var(--cm-radius);
        border: 1px solid transparent;
        color: var(--cm-fg);
        text-decoration: none;
      }
      a:hover .title {
        text-decoration: underline;
      }
      a[aria-current='page'] {
        border-color: var(--cm-link);
        background: var(--cm-surface);
        font-weight: 700;
      }
      .num {
        color: var(--cm-muted);
        text-align: end;
      }
      .title {
        overflow-wrap: anywhere;
      }
      .status {
        grid-column: 2;
        font-size: 0.8125rem;
        font-weight: 400;
        color: var(--cm-muted);
      }
      .status.completed {
        color: var(--cm-success);
      }
      ul a {
        grid-template-columns: 1fr;
      }
      /* The current page's sections, for jumping within a long page. */
      .headings {
        margin: 0.25rem 0 0.5rem;
        padding-inline-start: 2.25rem;
        font-size: 0.875rem;
      }
      .headings a {
        display: block;
        padding: 0.25rem 0.5rem;
        color: var(--cm-link);
        text-decoration: underline;
      }
      .headings .depth-3 {
        padding-inline-start: 0.75rem;
      }
      /* Below 48rem the contents collapse behind a button, so the page comes first. */
      @media (max-width: 48rem) {
        nav {
          padding: 0.5rem 1rem;
        }
        .heading {
          display: none;
        }
        .toggle {
          display: flex;
        }
        .list:not(.open) {
          display: none;
        }
        .list.open {
          margin-block-start: 0.75rem;
        }
      }
    `,
  ];

  /** The pages to list: the contents show from the outline alone, before the course data arrives. */
  declare outline: CourseOutline | undefined;
  /** The course data, once loaded: page status and the current page's headings come from it. */
  declare course: CourseData | undefined;
  declare progress: ProgressState | undefined;
  declare route: Route | undefined;
  declare expanded: boolean;
  /**
   * Whether to list every page. The player sets it once its first view has painted, so that a long
   * course's list does not delay that view (see `listed`).
   */
  declare complete: boolean;

  constructor() {
    super();
    this.outline = undefined;
    this.course = undefined;
    this.progress = undefined;
    this.route = undefined;
    this.expanded = false;
    this.complete = false;
  }

  protected override render(): unknown {
    const course = this.outline;
    const progress = this.progress;
    if (course === undefined) return nothing;
    const t = messagesOf();
    const fmt = formatterOf(course);
    const route = this.route;
    const statusText: Record<PageStatus, string> = {
      'not-started': t.statusNotStarted,
      visited: t.statusVisited,
      completed: t.statusCompleted,
    };
    const viewLink = (kind: 'glossary' | 'results', label: string): unknown =>
      html`<li>
        <a href=${hrefFor(course, { kind })} aria-current=${route?.kind === kind ? 'page' : nothing} @click=${this.collapse}>
          <span class="title">${label}</span>
        </a>
      </li>`;
    return html`<nav part="nav" aria-labelledby="toc-heading">
      <h2 class="heading" id="toc-heading">${t.contents}</h2>
      <button
        type="button"
        class="button secondary toggle"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="toc-list"
        @click=${this.toggle}
      >
        <span>${t.showContents}</span><span aria-hidden="true">${this.expanded ? '▴' : '▾'}</span>
      </button>
      <div class=${this.expanded ? 'list open' : 'list'} id="toc-list">
        <ol>
          ${this.listed(course).map((page) => {
            const info = this.course?.pages[page.index];
            const status = info === undefined || progress === undefined ? 'not-started' : pageStatus(info, progress, this.course?.pools);
            const current = route?.kind === 'page' && route.index === page.index;
            const headings = current ? (info?.headings ?? []) : [];
            return html`<li>
              <a href=${hrefFor(course, { kind: 'page', index: page.index })} aria-current=${current ? 'page' : nothing} @click=${this.collapse}>
                <span class="num" aria-hidden="true">${fmt.number(page.index + 1)}</span>
                <span class="title" lang=${page.lang ?? nothing} dir=${page.dir ?? nothing}>${page.title}</span>
                <span class=${`status ${status}`}>${statusText[status]}</span>
                ${page.optional === true ? html`<span class="status optional">${t.statusOptional}</span>` : nothing}
              </a>
              ${headings.length > 0
                ? html`<ol class="headings">
                    ${headings.map(
                      (heading) => html`<li class=${`depth-${heading.depth}`}>
                        <a href=${hrefFor(course, { kind: 'page', index: page.index, heading: heading.id })} @click=${this.collapse}
                          >${heading.text}</a
                        >
                      </li>`,
                    )}
                  </ol>`
                : nothing}
            </li>`;
          })}
        </ol>
        <ul>
          ${course.hasGlossary ? viewLink('glossary', t.glossary) : nothing} ${viewLink('results', t.results)}
        </ul>
      </div>
    </nav>`;
  }

  /**
   * The pages to list. A 500-page course would spend its first paint on 500 links, most below the
   * fold: until the first view has painted, the list has the first pages (and the current one).
   */
  private listed(course: CourseOutline): CourseOutline['pages'] {
    const current = this.route?.kind === 'page' ? this.route.index : 0;
    return this.complete ? course.pages : course.pages.slice(0, Math.max(FIRST_PAINT_PAGES, current + 1));
  }

  private toggle(): void {
    this.expanded = !this.expanded;
  }

  private collapse(): void {
    this.expanded = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-toc': CmToc;
  }
}
