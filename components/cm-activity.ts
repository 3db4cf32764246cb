import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { ActivityData } from './course-data.js';
import { courseContext } from './course-context.js';
import { REFLECTION_MAX } from './reflection-limit.js';
import { prose } from './styles/prose.js';
import { base, tokens } from './styles/theme.js';
import { trackerContext } from './tracker.js';
import { messagesOf } from './view-messages.js';

/** The rich parts of an activity, rendered by the build as Lit templates. */
export interface ActivityContent {
  readonly prompt: unknown;
  readonly discussion?: unknown;
}

/**
 * A reflection activity: the learner writes in a labelled text area and saves it; after saving,
 * a disclosure button (WAI-ARIA APG "Disclosure" pattern, `aria-expanded`) reveals the discussion.
 *
 * @csspart base - The activity box.
 * @csspart textarea - The reflection text area.
 * @csspart discussion - The discussion, when shown.
 */
export class CmActivity extends LitElement {
  static override properties = {
    activity: { attribute: false },
    content: { attribute: false },
    text: { state: true },
    saved: { state: true },
    discussionOpen: { state: true },
    message: { state: true },
  };

  static override styles = [
    tokens,
    base,
    prose,
    css`
      :host {
        display: block;
      }
      .box {
        padding: 1rem 1.25rem;
        border: 1px solid var(--cm-border);
        border-radius: var(--cm-radius);
      }
      .kicker {
        margin: 0;
        color: var(--cm-muted);
        font-size: 0.875rem;
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .title {
        margin: 0 0 0.75rem;
        font-size: 1.125rem;
        font-weight: 700;
      }
      label {
        display: block;
        font-weight: 600;
        margin-block-end: 0.25rem;
      }
      textarea {
        display: block;
        inline-size: 100%;
        min-block-size: 8rem;
        padding: 0.5rem;
        border: 1px solid var(--cm-border);
        border-radius: var(--cm-radius);
        background: var(--cm-bg);
        resize: vertical;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-block: 0.75rem 0;
      }
      .privacy {
        margin: 0 0 0.5rem;
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--cm-brand);
        background: var(--cm-surface);
        font-size: 0.9375rem;
      }
      .status {
        margin: 0.5rem 0 0;
      }
      /* Kept rendered when empty so the live region is announced when it fills. */
      .status:empty {
        margin: 0;
      }
      .discussion {
        margin-block-start: 1rem;
        padding-block-start: 1rem;
        border-block-start: 1px solid var(--cm-border);
      }
    `,
  ];

  declare activity: ActivityData | undefined;
  declare content: ActivityContent | undefined;
  declare text: string;
  declare saved: boolean;
  declare discussionOpen: boolean;
  declare message: string;

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });
  private readonly tracker = new ContextConsumer(this, { context: trackerContext, subscribe: true });
  private restoredFor: string | undefined = undefined;

  constructor() {
    super();
    this.activity = undefined;
    this.content = undefined;
    this.text = '';
    this.saved = false;
    this.discussionOpen = false;
    this.message = '';
  }

  protected override willUpdate(): void {
    // Restore a saved reflection once per activity, when both the data and the tracker are known.
    const id = this.activity?.id;
    const tracker = this.tracker.value;
    if (id !== undefined && tracker !== undefined && this.restoredFor !== id) {
      this.restoredFor = id;
      const saved = tracker.reflectionFor(id);
      if (saved !== undefined) {
        this.text = saved.text ?? '';
        this.saved = true;
        if (saved.text === undefined) this.message = messagesOf().reflectionDoneEarlier;
      }
    }
  }

  protected override render(): unknown {
    const activity = this.activity;
    if (activity === undefined) return nothing;
    const t = messagesOf();
    const discussion = this.content?.discussion;
    return html`<div class="box" part="base" role="group" aria-labelledby="title">
      <p class="kicker">${t.activity}</p>
      <p class="title" id="title">${activity.title}</p>
      <div class="prose" id="prompt">${this.content?.prompt ?? activity.promptText}</div>
      <label for="reflection">${t.yourReflection}</label>
      <p class="privacy" id="privacy" data-privacy=${activity.shared ? 'shared' : 'private'}>${this.privacyNotice(activity)}</p>
      <textarea
        id="reflection"
        part="textarea"
        aria-describedby="prompt privacy"
        maxlength=${activity.shared ? this.sharedLimit() : nothing}
        .value=${this.text}
        @input=${this.onInput}
      ></textarea>
      <div class="actions">
        <button type="button" class="button" data-action="save" @click=${this.submit}>${t.saveReflection}</button>
        ${this.saved && discussion !== undefined
          ? html`<button
              type="button"
              class="button secondary"
              aria-expanded=${this.discussionOpen ? 'true' : 'false'}
              aria-controls="discussion"
              @click=${this.toggleDiscussion}
            >
              ${t.showDiscussion}
            </button>`
          : nothing}
      </div>
      <p class="status" role="status">${this.message}</p>
      ${discussion !== undefined && this.saved
        ? html`<div class="discussion prose" id="discussion" part="discussion" ?hidden=${!this.discussionOpen}>
            ${discussion}
          </div>`
        : nothing}
    </div>`;
  }

  /** What happens to the text, told before the learner writes; it always matches what is recorded. */
  private privacyNotice(activity: ActivityData): string {
    const t = messagesOf();
    if (!activity.shared) return t.reflectionPrivate;
    const recorded = this.tracker.value?.responseLimit;
    return recorded === undefined ? t.reflectionLocal : t.reflectionShared({ count: this.sharedLimit() });
  }

  /** A shared text is cut to what the LMS keeps (SCORM 1.2: 255) and what resume keeps. */
  private sharedLimit(): number {
    return Math.min(this.tracker.value?.responseLimit ?? REFLECTION_MAX, REFLECTION_MAX);
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLTextAreaElement).value;
  }

  private submit(): void {
    const activity = this.activity;
    if (activity === undefined) return;
    const t = messagesOf();
    if (this.text.trim() === '') {
      this.message = t.writeFirst;
      return;
    }
    this.tracker.value?.activitySubmitted(activity, this.text);
    this.saved = true;
    this.message = activity.shared ? t.reflectionSaved : t.reflectionSavedPrivate;
  }

  private toggleDiscussion(): void {
    this.discussionOpen = !this.discussionOpen;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-activity': CmActivity;
  }
}
