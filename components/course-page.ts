import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { CourseData, PageInfo } from './course-data.js';
import { courseContext } from './course-context.js';
import { base, tokens } from './styles/theme.js';
import { prose } from './styles/prose.js';
import { labelTaskCheckboxes } from './task-checkboxes.js';
import { safeUrl } from './url-policy.js';
import { messagesOf } from './view-messages.js';

/**
 * Base class of every generated page module. The build subclasses it and overrides
 * `renderContent()` with the page's Markdown rendered as a Lit template.
 *
 * @csspart article - The page's `<article>`.
 * @csspart title - The page title (`<h1>`).
 */
export class CoursePage extends LitElement {
  static override properties = {
    page: { attribute: false },
  };

  static override styles = [
    tokens,
    base,
    prose,
    css`
      :host {
        display: block;
      }
      article {
        margin-inline: auto;
        max-inline-size: var(--cm-measure);
      }
      h1 {
        font-size: clamp(1.75rem, 1.4rem + 1.5vw, 2.25rem);
        line-height: 1.2;
        margin-block: 0 0.5rem;
        scroll-margin-block-start: 1rem;
      }
      /* The h1 receives focus programmatically on navigation; it is not interactive, so a ring
         would only confuse (the screen reader still announces it). */
      h1:focus {
        outline: none;
      }
      .meta {
        color: var(--cm-muted);
        margin-block: 0 1.5rem;
      }
      .objectives {
        padding: 1rem 1.25rem;
        margin-block-end: 2rem;
        border: 1px solid var(--cm-border);
        border-radius: var(--cm-radius);
        background: var(--cm-surface);
      }
      .objectives h2 {
        font-size: 1.125rem;
        margin: 0 0 0.5rem;
      }
      .objectives ul {
        margin: 0;
      }
    `,
  ];

  declare page: PageInfo;

  private readonly courseConsumer: ContextConsumer<{ __context__: CourseData }, this>;

  constructor() {
    super();
    this.courseConsumer = new ContextConsumer(this, { context: courseContext, subscribe: true });
    this.addEventListener('click', (event) => this.followInPageLink(event));
  }

  /** The page body; generated page modules override this. */
  renderContent(): unknown {
    return nothing;
  }

  protected override render(): unknown {
    if (this.page === undefined) return nothing;
    const course = this.courseConsumer.value;
    const t = messagesOf();
    const duration = this.page.duration;
    // A page in another language (frontmatter `lang`) says so, so screen readers switch voice; the
    // player's own words on it stay in the course's language (WCAG 2.2 SC 3.1.2).
    const lang = this.page.lang;
    const own = lang === undefined || course === undefined ? nothing : course.language;
    const ownDir = lang === undefined || course === undefined ? nothing : course.dir;
    return html`<article part="article" class="prose" aria-labelledby="cm-page-title" lang=${lang ?? nothing} dir=${this.page.dir ?? nothing}>
      <h1 id="cm-page-title" part="title" tabindex="-1">${this.page.title}</h1>
      ${duration === undefined
        ? nothing
        : html`<p class="meta" lang=${own} dir=${ownDir}>${t.duration({ count: duration })}</p>`}
      ${this.page.objectives.length === 0
        ? nothing
        : html`<section class="objectives" aria-labelledby="cm-objectives">
            <h2 id="cm-objectives" lang=${own} dir=${ownDir}>${t.objectives}</h2>
            <ul>
              ${this.page.objectives.map((objective) => html`<li>${objective}</li>`)}
            </ul>
          </section>`}
      ${this.renderContent()}
    </article>`;
  }

  protected override updated(): void {
    const root = this.renderRoot;
    // Defence in depth: page modules bind URLs directly, so re-check every one after rendering.
    const course = this.courseConsumer.value;
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (safeUrl(href) !== href) link.setAttribute('href', safeUrl(href));
      // A cmi5 AU presents part of the course: a link to a page outside it could only lead nowhere,
      // so it stays as text and says where the page is (course-scope.ts).
      if (course !== undefined && href.startsWith('#/') && !href.startsWith('#/:') && !course.pages.some((page) => href === `#/${encodeURIComponent(page.id)}` || href.startsWith(`#/${encodeURIComponent(page.id)}/`))) {
        link.removeAttribute('href');
        link.title = messagesOf().pageElsewhere;
      }
    }
    for (const img of root.querySelectorAll<HTMLImageElement>('img[src]')) {
      const src = img.getAttribute('src') ?? '';
      if (safeUrl(src) !== src) img.setAttribute('src', safeUrl(src));
    }
    labelTaskCheckboxes(root);
    // Scrolling boxes must be reachable by keyboard so their content can be scrolled
    // (WCAG 2.2 SC 2.1.1; axe rule scrollable-region-focusable).
    for (const box of root.querySelectorAll<HTMLElement>('pre, table')) {
      if (!box.hasAttribute('tabindex')) box.tabIndex = 0;
    }
  }

  /** Moves focus to the page title, so screen readers announce the new page (WCAG 2.4.3). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * Scrolls to the element with `id` in this page and, when `focus` is set, moves focus to it.
   * Returns false when there is no such element.
   */
  revealTarget(id: string, options: { readonly focus: boolean }): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (target === null) return false;
    if (options.focus) {
      // Headings are not focusable by default; -1 lets script focus them without a tab stop.
      if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
      target.focus();
    }
    target.scrollIntoView({ block: 'start' });
    return true;
  }

  /**
   * Footnote and other in-page links (`#fn-1`) point into this shadow root, where the browser's
   * own fragment navigation cannot reach; they would also replace the player's `#/page` route.
   */
  private followInPageLink(event: MouseEvent): void {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const href = link?.getAttribute('href');
    if (href === undefined || href === null || !href.startsWith('#') || href.startsWith('#/')) return;
    if (this.revealTarget(decodeURIComponent(href.slice(1)), { focus: true })) event.preventDefault();
  }
}

