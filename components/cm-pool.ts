import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { ANSWERED_EVENT, type CmQuestion } from './cm-question.js';
import type { PoolData } from './course-data.js';
import { courseContext, formatterOf } from './course-context.js';
import { base, tokens } from './styles/theme.js';
import { trackerContext, type PoolView } from './tracker.js';
import { messagesOf } from './view-messages.js';

/**
 * A question pool (`::::question-pool`): shows the questions drawn for the learner's attempt and
 * hides the others, says which attempt it is, and once every drawn question is answered, the
 * attempt's result, with "Try again" (a new draw, answers cleared) while retries are left and the
 * pass mark is not reached. The draw and the attempt live in the session (pools.ts), so a reload
 * or another device shows the same questions. Outside a player (no tracker) every question shows.
 *
 * @slot - The pool's questions (cm-question elements) and any prose between them.
 * @csspart retry - The "Try again" button.
 */
export class CmPool extends LitElement {
  static override properties = {
    pool: { attribute: false },
    announcement: { state: true },
  };

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
        margin-block: 1.5rem;
      }
      .head,
      .result {
        padding: 0.75rem 1rem;
        border: 1px solid var(--cm-border);
        border-radius: var(--cm-radius);
      }
      .head p,
      .result p {
        margin: 0 0 0.25rem;
      }
      .head p:last-child,
      .result p:last-child {
        margin: 0;
      }
      .result {
        margin-block-start: 1rem;
      }
      .kicker {
        color: var(--cm-muted);
        font-size: 0.875rem;
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .result button {
        margin-block-start: 0.5rem;
      }
    `,
  ];

  declare pool: PoolData | undefined;
  /** Said in the status region after "Try again". */
  declare announcement: string;

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });
  private readonly tracker = new ContextConsumer(this, { context: trackerContext, subscribe: true });

  constructor() {
    super();
    this.pool = undefined;
    this.announcement = '';
    this.addEventListener(ANSWERED_EVENT, () => this.requestUpdate());
  }

  private get view(): PoolView | undefined {
    return this.pool === undefined ? undefined : this.tracker.value?.poolFor(this.pool.id);
  }

  protected override render(): unknown {
    const pool = this.pool;
    const view = this.view;
    const t = messagesOf();
    return html`<section aria-labelledby="pool-title">
      <div class="head">
        <p class="kicker" id="pool-title">${t.poolKicker}${pool !== undefined && pool.title !== pool.id ? html`: ${pool.title}` : nothing}</p>
        ${view === undefined
          ? nothing
          : html`<p data-attempt=${view.attempt}>${t.poolAttempt({ attempt: view.attempt, attempts: view.attempts })}</p>
              ${pool !== undefined && pool.draw < pool.questions.length ? html`<p>${t.poolDrawn({ count: view.drawn.length })}</p>` : nothing}
              ${pool?.counts === 'best' && view.attempts > 1 ? html`<p>${t.poolBestCounts}</p>` : nothing}`}
      </div>
      <slot @slotchange=${() => this.showDrawn()}></slot>
      ${this.renderResult(view)}
      <p class="vh" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderResult(view: PoolView | undefined): unknown {
    if (view === undefined || !view.result.finished) return nothing;
    const t = messagesOf();
    const fmt = formatterOf(this.course.value);
    const { raw, max } = view.result;
    const scaled = max > 0 ? raw / max : 1;
    const reached = scaled + 1e-9 >= view.mastery;
    const left = view.attempts - view.attempt;
    return html`<div class="result" data-pool-result=${reached ? 'passed' : 'below'} data-pool-scaled=${scaled}>
      <p><strong>${t.poolScore({ percent: fmt.percent(scaled), raw, count: max })}</strong></p>
      <p>${reached ? t.poolPassed({ percent: fmt.percent(view.mastery) }) : t.poolBelow({ percent: fmt.percent(view.mastery) })}</p>
      ${view.canRetry
        ? html`<p>${t.poolRetries({ count: left })}</p>
            <button type="button" class="button" part="retry" data-action="retry" @click=${this.retry}>${t.tryAgain}</button>`
        : reached
          ? nothing
          : html`<p>${t.poolNoRetries}</p>`}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.showDrawn();
  }

  /** Shows the drawn questions of the attempt under way and hides the rest; a new attempt starts each afresh. */
  private showDrawn(): void {
    const view = this.view;
    for (const element of this.querySelectorAll<CmQuestion>('cm-question')) {
      const id = element.question?.id;
      element.hidden = view !== undefined && (id === undefined || !view.drawn.includes(id));
      if (view !== undefined && element.round !== view.attempt) element.round = view.attempt;
    }
  }

  private readonly retry = async (): Promise<void> => {
    const pool = this.pool;
    const tracker = this.tracker.value;
    if (pool === undefined || tracker === undefined) return;
    tracker.retryPool(pool.id);
    const view = tracker.poolFor(pool.id);
    this.announcement = view === undefined ? '' : messagesOf().poolNewAttempt({ attempt: view.attempt });
    this.requestUpdate();
    await this.updateComplete;
    // The learner starts again at the top of the set, on its first question.
    const first = [...this.querySelectorAll<CmQuestion>('cm-question')].find((element) => !element.hidden);
    first?.scrollIntoView({ block: 'start' });
    this.renderRoot.querySelector<HTMLElement>('#pool-title')?.setAttribute('tabindex', '-1');
    this.renderRoot.querySelector<HTMLElement>('#pool-title')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-pool': CmPool;
  }
}
