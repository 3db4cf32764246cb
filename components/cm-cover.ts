import { LitElement, css, html, nothing } from 'lit';
import type { CourseData, PageOutline } from './course-data.js';
import { formatterOf, START_EVENT } from './course-context.js';
import { logoStyles } from './logo-styles.js';
import { renderLogo } from './logo.js';
import { progressPercent } from './progress-percent.js';
import { base, tokens } from './styles/theme.js';
import { safeUrl } from './url-policy.js';
import { messagesOf } from './view-messages.js';

/**
 * The cover page a course opens on when course.yaml asks for one (`cover`): the title, what the
 * course is about, how long it takes, what the learner will do, and one button. With saved
 * progress the button says "Continue where you left off" and names the page it leads to. Nothing
 * is recorded here: the player records the first page view when the learner presses the button.
 *
 * @fires cm-start - The learner pressed the button (bubbles, composed).
 */
export class CmCover extends LitElement {
  static override properties = {
    course: { attribute: false },
    progress: { attribute: false },
    resume: { attribute: false },
  };

  static override styles = [
    tokens,
    base,
    logoStyles,
    css`
      :host {
        display: block;
      }
      .cover {
        max-inline-size: 56rem;
        margin-inline: auto;
      }
      .hero {
        display: grid;
        gap: 1.5rem;
        align-items: center;
        padding: clamp(1.25rem, 4vw, 2.5rem);
        border-block-start: 0.5rem solid var(--cm-band);
        border-radius: var(--cm-radius);
        background: var(--cm-surface);
      }
      /* On the course's own surface, text, links and the focus ring take the colour chosen for it. */
      .hero.branded {
        --cm-fg: var(--cm-on-brand-surface);
        --cm-band-text: var(--cm-on-brand-surface);
        --cm-focus: var(--cm-on-brand-surface);
        background: var(--cm-brand-surface);
        color: var(--cm-fg);
      }
      .hero.branded .start {
        border-color: var(--cm-on-brand-surface);
      }
      @media (prefers-color-scheme: dark) {
        .hero.branded {
          --cm-fg: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
          --cm-band-text: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
          --cm-focus: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
          background: var(--cm-brand-surface-dark, var(--cm-brand-surface));
        }
        .hero.branded .start {
          border-color: var(--cm-on-brand-surface-dark, var(--cm-on-brand-surface));
        }
      }
      @media (min-width: 48rem) {
        .hero.pictured {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        }
      }
      .cover-logo {
        block-size: 3.5rem;
        margin-block-end: 1rem;
      }
      h1 {
        font-size: clamp(1.75rem, 1.3rem + 2vw, 2.5rem);
        line-height: 1.15;
        margin: 0 0 0.75rem;
        overflow-wrap: break-word;
      }
      h1:focus {
        outline: none;
      }
      .meta {
        margin: 0 0 1rem;
        color: var(--cm-band-text);
        font-weight: 600;
      }
      .description {
        margin: 0 0 1.5rem;
        font-size: 1.125rem;
        line-height: 1.5;
      }
      .progress {
        margin: 0 0 0.75rem;
      }
      .start {
        flex-direction: column;
        align-items: flex-start;
        max-inline-size: 100%;
        font-size: 1.125rem;
        text-align: start;
      }
      .start .page {
        font-weight: 400;
        font-size: 0.9375rem;
        overflow-wrap: anywhere;
      }
      .image {
        display: block;
        inline-size: 100%;
        block-size: auto;
        border-radius: var(--cm-radius);
      }
      .outcomes {
        margin-block-start: 2rem;
        line-height: 1.6;
      }
      .outcomes h2 {
        font-size: 1.25rem;
        margin: 0 0 0.5rem;
      }
      .outcomes ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  declare course: CourseData | undefined;
  /** How far the learner got in an earlier session (percent), when they have saved progress. */
  declare progress: number | undefined;
  /** The page the button leads to when the learner has saved progress. */
  declare resume: PageOutline | undefined;

  constructor() {
    super();
    this.course = undefined;
    this.progress = undefined;
    this.resume = undefined;
  }

  /** Moves focus to the course title (the cover's heading). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override render(): unknown {
    const course = this.course;
    const cover = course?.cover;
    if (course === undefined || cover === undefined) return nothing;
    const t = messagesOf();
    const meta = [t.coverPages({ count: course.pages.length }), ...(cover.duration === undefined ? [] : [t.duration({ count: cover.duration })])];
    const resume = this.resume;
    const image = cover.image;
    return html`<section class="cover" aria-labelledby="cover-title">
      <div class=${`hero${image === undefined ? '' : ' pictured'}${course.theme.surface === undefined ? '' : ' branded'}`}>
        <div>
          ${renderLogo(course.theme.logo, 'cover-logo')}
          <h1 id="cover-title" tabindex="-1">${course.title}</h1>
          <p class="meta">${meta.join(' · ')}</p>
          ${cover.description === '' ? nothing : html`<p class="description">${cover.description}</p>`}
          ${resume === undefined || this.progress === undefined
            ? nothing
            : html`<p class="progress">${t.progressComplete({ percent: formatterOf(course).percent(progressPercent(this.progress) / 100) })}</p>`}
          <button type="button" class="button start" data-action="start" @click=${this.start}>
            <span>${resume === undefined ? t.coverStart : t.coverResume}</span>
            ${resume === undefined ? nothing : html`<span class="page" lang=${resume.lang ?? nothing} dir=${resume.dir ?? nothing}>${resume.title}</span>`}
          </button>
        </div>
        ${image === undefined ? nothing : html`<img class="image" src=${safeUrl(image.src)} alt=${image.alt} width=${image.width ?? nothing} height=${image.height ?? nothing} />`}
      </div>
      ${cover.outcomes.length === 0
        ? nothing
        : html`<section class="outcomes" aria-labelledby="cover-outcomes">
            <h2 id="cover-outcomes">${t.coverOutcomes}</h2>
            <ul>
              ${cover.outcomes.map((outcome) => html`<li>${outcome}</li>`)}
            </ul>
          </section>`}
    </section>`;
  }

  private start(): void {
    this.dispatchEvent(new Event(START_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-cover': CmCover;
  }
}
