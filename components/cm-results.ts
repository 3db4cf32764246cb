import { LitElement, css, html, nothing } from 'lit';
import type { CourseData } from './course-data.js';
import { formatterOf, EXIT_EVENT } from './course-context.js';
import { currentAnswer, isInPlay } from './pools.js';
import { pagesNeeded, pagesStillNeeded, requiredPages, unviewedPages } from './required-pages.js';
import { courseScore } from './scoring.js';
import { hrefFor } from './router.js';
import { base, tokens } from './styles/theme.js';
import type { ProgressState } from './tracker.js';
import { viewStyles } from './view-styles.js';
import { messagesOf } from './view-messages.js';

/**
 * The learner's results: weighted score against the pass mark, passed or not (only once every
 * question is answered), links to unanswered questions' pages, whether the course's completion
 * rule is met and, until it is, links to the required pages still to view (with how many more a
 * percentage rule needs) and that optional pages do not count. Outcomes are stated in words, not
 * only by colour (WCAG 2.2 SC 1.4.1).
 *
 * @csspart title - The view's `<h1>`.
 */
export class CmResults extends LitElement {
  static override properties = {
    course: { attribute: false },
    progress: { attribute: false },
  };

  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .exit {
        margin-block-start: 1.5rem;
      }
      .outcome {
        padding: 1rem 1.25rem;
        border: 1px solid var(--cm-border);
        border-inline-start: 6px solid var(--cm-border);
        border-radius: var(--cm-radius);
        margin-block-end: 1rem;
      }
      .outcome.good {
        border-inline-start-color: var(--cm-success);
      }
      .outcome.bad {
        border-inline-start-color: var(--cm-danger);
      }
      .outcome p {
        margin: 0 0 0.5rem;
      }
      .outcome p:last-child {
        margin: 0;
      }
      ul {
        padding-inline-start: 1.25rem;
      }
      li + li {
        margin-block-start: 0.25rem;
      }
    `,
  ];

  declare course: CourseData | undefined;
  declare progress: ProgressState | undefined;

  constructor() {
    super();
    this.course = undefined;
    this.progress = undefined;
  }

  protected override render(): unknown {
    const course = this.course;
    const progress = this.progress;
    if (course === undefined || progress === undefined) return nothing;
    const t = messagesOf();
    return html`<section class="view" aria-labelledby="title">
      <h1 id="title" part="title" tabindex="-1">${t.resultsTitle}</h1>
      ${this.renderScore(course, progress)} ${this.renderCompletion(course, progress)}
      <div class="exit">
        <button type="button" class="button secondary" data-action="exit" @click=${this.requestExit}>${t.exitCourse}</button>
      </div>
    </section>`;
  }

  /** Asks the player to end the session (LMSFinish / Terminate / cmi5 terminated, then returnURL). */
  private readonly requestExit = (): void => {
    this.dispatchEvent(new CustomEvent(EXIT_EVENT, { bubbles: true, composed: true }));
  };

  private renderScore(course: CourseData, progress: ProgressState): unknown {
    const t = messagesOf();
    const fmt = formatterOf(course);
    if (course.questions.length === 0) return html`<div class="outcome"><p>${t.noQuestions}</p></div>`;
    const score = courseScore(course, progress);
    // Only the questions of this attempt that count: a pool's undrawn ones are not asked, practice is not scored.
    const unanswered = course.questions.filter((question) => isInPlay(question, progress) && currentAnswer(question, progress) === undefined && (course.scoreOver !== 'pools' || question.poolId !== undefined));
    // Answers that cannot be changed any more (pools, limited checks): the learner is not told to go back.
    const changeable = (course.pools ?? []).length === 0 && course.questions.every((question) => question.attempts === undefined);
    const pending = unanswered.length > 0 ? t.notFinal({ remaining: unanswered.length }) : t.retryOpen;
    const tone = !score.final ? '' : score.passed ? 'good' : 'bad';
    return html`<div class=${`outcome ${tone}`} data-outcome=${!score.final ? 'pending' : score.passed ? 'passed' : 'failed'}>
        <p>${t.score({ percent: fmt.percent(score.scaled), raw: score.raw, count: score.max })}</p>
        <p>${t.passMark({ percent: fmt.percent(course.mastery) })}</p>
        <p><strong>${!score.final ? pending : score.passed ? t.passed : changeable ? t.failed : t.failedFinal}</strong></p>
      </div>
      ${unanswered.length === 0
        ? nothing
        : html`<h2>${t.unansweredHeading}</h2>
            <ul>
              ${unanswered.map((question) => {
                const page = course.pages.find((candidate) => candidate.id === question.pageId);
                return html`<li>
                  ${page === undefined
                    ? question.promptText
                    : html`<a href=${hrefFor(course, { kind: 'page', index: page.index })}>${question.promptText}</a>
                        (${page.title})`}
                </li>`;
              })}
            </ul>`}`;
  }

  private renderCompletion(course: CourseData, progress: ProgressState): unknown {
    const t = messagesOf();
    return html`<div class=${`outcome ${progress.completed ? 'good' : ''}`} data-completion=${progress.completed ? 'completed' : 'incomplete'}>
        <p><strong>${progress.completed ? t.completed : t.notCompleted}</strong></p>
        ${progress.completed ? nothing : html`<p>${ruleText(course)}</p>`}
        ${course.pages.some((page) => page.optional === true) ? html`<p data-optional-note>${t.optionalNotCounted}</p>` : nothing}
      </div>
      ${progress.completed ? nothing : this.renderPagesToView(course, progress)}`;
  }

  /** The required pages not viewed yet, when the rule still needs pages, and how many more it needs. */
  private renderPagesToView(course: CourseData, progress: ProgressState): unknown {
    const t = messagesOf();
    const more = pagesStillNeeded(course, progress);
    if (more === 0) return nothing;
    const unviewed = unviewedPages(course, progress);
    return html`<h2>${t.unviewedHeading}</h2>
      ${more < unviewed.length ? html`<p data-pages-needed=${more}>${t.pagesToView({ count: more })}</p>` : nothing}
      <ul data-unviewed>
        ${unviewed.map((page) => html`<li><a href=${hrefFor(course, { kind: 'page', index: page.index })}>${page.title}</a></li>`)}
      </ul>`;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

/** The completion rule in words: what the learner must do. */
function ruleText(course: CourseData): string {
  const t = messagesOf();
  const needed = pagesNeeded(course);
  const rule = course.completion.questions;
  const assessment = rule === 'assessment' && (course.pools ?? []).length > 0;
  const questions = rule === 'all' && course.questions.length > 0;
  const percent = formatterOf(course).percent(course.completion.pages);
  if (needed === 0) return assessment ? t.completionAssessment : t.completionAllQuestions;
  if (needed < requiredPages(course).length) {
    if (assessment) return t.completionSomePagesAndAssessment({ percent });
    return questions ? t.completionSomePagesAndQuestions({ percent }) : t.completionSomePages({ percent });
  }
  if (assessment) return t.completionPagesAndAssessment;
  return questions ? t.completionBoth : t.completionAllPages;
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-results': CmResults;
  }
}
