import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { QuestionData } from './course-data.js';
import { courseContext, formatterOf } from './course-context.js';
import { questionStyles } from './cm-question.styles.js';
import { draftFromResponse, emptyDraft, responseFromDraft, type Draft } from './question-draft.js';
import { blankDraft, type QuestionContent } from './questions/question-kind.js';
import { isCorrect, kindOf, responseFor } from './questions/registry.js';
import { prose } from './styles/prose.js';
import { base, tokens } from './styles/theme.js';
import { trackerContext, type AnswerRecord } from './tracker.js';
import { messagesOf } from './view-messages.js';

export type { QuestionContent } from './questions/question-kind.js';

/**
 * A scored question of any of the seven types. The controls sit in a fieldset whose legend says
 * "Question" and which the prompt describes (WCAG 2.2 SC 1.3.1, technique H71; aria-describedby):
 * a prompt may hold paragraphs, lists and images, which a legend may not (HTML 4.10.16 allows it
 * phrasing content only), and a whole prompt would make a long group name. "Check answer" scores the
 * response through the tracker; feedback appears in a polite live region inside the component
 * (SC 4.1.3), and the learner may change the answer and check again.
 *
 * @csspart base - The question box.
 * @csspart submit - The "Check answer" button.
 * @csspart feedback - The feedback area.
 */
/** Fired (bubbling) after the learner checks an answer. */
export const ANSWERED_EVENT = 'cm-answered';

export class CmQuestion extends LitElement {
  static override properties = {
    question: { attribute: false },
    content: { attribute: false },
    draft: { state: true },
    result: { state: true },
    numberError: { state: true },
    notice: { state: true },
    round: { attribute: false },
  };

  static override styles = [tokens, base, prose, questionStyles];

  declare question: QuestionData | undefined;
  declare content: QuestionContent | undefined;
  declare draft: Draft;
  /** The answer whose feedback is shown; cleared when the learner edits the answer. */
  declare result: AnswerRecord | undefined;
  declare numberError: boolean;
  /** A short message in the status region: a move in a sequence, or "give an answer first". */
  declare notice: string;
  /** The attempt of the question's pool it shows (cm-pool sets it): a new attempt starts it afresh. */
  declare round: number;

  private readonly course = new ContextConsumer(this, { context: courseContext, subscribe: true });
  private readonly tracker = new ContextConsumer(this, { context: trackerContext, subscribe: true });
  private preparedFor: string | undefined = undefined;
  private shownAt = 0;
  /** Checks made without a tracker (a component demo), to count attempts there too. */
  private checks = 0;

  constructor() {
    super();
    this.question = undefined;
    this.content = undefined;
    this.draft = blankDraft;
    this.result = undefined;
    this.numberError = false;
    this.notice = '';
    this.round = 1;
  }

  /** Whether the shown answer is final: right, or its checks used up (`attempts`). */
  private get final(): boolean {
    const result = this.result;
    const attempts = this.question?.attempts;
    return result !== undefined && (result.correct || (attempts !== undefined && result.attempt >= attempts));
  }

  protected override willUpdate(): void {
    const question = this.question;
    const tracker = this.tracker.value;
    // Prepare once per question (and once more if a tracker arrives late): the starting order,
    // then any saved answer from this attempt.
    const key = question === undefined ? undefined : `${question.id} ${this.round}${tracker === undefined ? '' : ' tracked'}`;
    if (question === undefined || this.preparedFor === key) return;
    this.preparedFor = key;
    const saved = tracker?.answerFor(question.id);
    this.draft = saved === undefined ? emptyDraft(question) : draftFromResponse(question, saved.response);
    this.result = saved;
    this.notice = '';
    this.numberError = false;
    this.shownAt = performance.now();
  }

  protected override render(): unknown {
    const question = this.question;
    if (question === undefined) return nothing;
    const course = this.course.value;
    const t = messagesOf();
    const final = this.final;
    // A final answer stays visible but cannot be changed: the fieldset disables every control in it.
    return html`<form class="box" part="base" novalidate @submit=${this.submit}>
      <fieldset aria-describedby="prompt" ?disabled=${final}>
        <legend class="kicker">${t.question}</legend>
        <div class="prompt prose" id="prompt">${this.content?.prompt ?? question.promptText}</div>
        ${kindOf(question).renderControls({
          question,
          content: this.content,
          draft: this.draft,
          t,
          fmt: formatterOf(course),
          invalid: this.numberError,
          update: (draft) => this.edit(draft),
          announce: (notice) => {
            this.notice = notice;
          },
          focusAfterUpdate: (id) => void this.focusAfterUpdate(id),
        })}
      </fieldset>
      ${final
        ? nothing
        : html`<div class="actions">
            <button type="submit" class="button" part="submit" data-action="check">${t.checkAnswer}</button>
          </div>`}
      <p class="notice" role="status">${this.notice}</p>
      <div class="feedback" part="feedback" role="status">${this.renderFeedback()}</div>
    </form>`;
  }

  private renderFeedback(): TemplateResult | typeof nothing {
    const question = this.question;
    const result = this.result;
    if (question === undefined || result === undefined) return nothing;
    const t = messagesOf();
    const feedback = this.content?.feedback;
    const response = result.response;
    // Feedback written for a chosen option ("`:feedback[...]`") applies to what was selected.
    const own = responseFor(question, response);
    const chosen = own === undefined ? [] : kindOf(question).chosen(own);
    const choiceFeedback = chosen.map((id) => feedback?.choices?.[id]).filter((item) => item !== undefined);
    const general = result.correct ? feedback?.correct : feedback?.incorrect;
    return html`<div class=${`verdict ${result.correct ? 'correct' : 'incorrect'}`}>
      <p class="verdict-line">
        <span class="mark" aria-hidden="true">${result.correct ? '✓' : '✗'}</span>
        <strong>${result.correct ? t.correct : t.incorrect}</strong>
      </p>
      ${choiceFeedback.map((item) => html`<div class="prose">${item}</div>`)}
      ${general === undefined ? nothing : html`<div class="prose">${general}</div>`}
      ${this.triesNote(question, result)}
    </div>`;
  }

  /** What the learner may still do: check again (and how often), or nothing more; and the right answer when shown. */
  private triesNote(question: QuestionData, result: AnswerRecord): TemplateResult | typeof nothing {
    if (result.correct) return nothing;
    const t = messagesOf();
    if (!this.final) {
      const left = question.attempts === undefined ? undefined : question.attempts - result.attempt;
      return html`<p class="hint">${left === undefined ? t.retryHint : t.checksLeft({ count: left })}</p>`;
    }
    if (question.showAnswer !== true) return html`<p class="hint">${t.answerFinal}</p>`;
    const lines = kindOf(question).answerText(question, t, formatterOf(this.course.value));
    return html`<div class="answer" data-answer>
      <p class="hint">${t.answerFinal} ${t.rightAnswer}</p>
      ${lines.length === 1 ? html`<p>${lines[0]}</p>` : html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>`}
    </div>`;
  }

  private edit(draft: Draft): void {
    this.draft = draft;
    this.result = undefined;
    this.notice = '';
    this.numberError = false;
  }

  private async focusAfterUpdate(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const question = this.question;
    if (question === undefined) return;
    const t = messagesOf();
    const response = responseFromDraft(question, this.draft);
    if (response === undefined) {
      this.notice = kindOf(question).incomplete(this.draft, t);
      // Any reason other than "nothing given yet" is a problem with what was typed.
      this.numberError = this.notice !== t.chooseFirst;
      return;
    }
    this.notice = '';
    const tracker = this.tracker.value;
    // Outside a player (a component demo or test) there is no tracker: score locally so the
    // learner still gets feedback, without recording anything.
    this.checks += 1;
    this.result =
      tracker?.questionAnswered(question, response, performance.now() - this.shownAt) ?? {
        response,
        correct: isCorrect(question, response),
        attempt: this.checks,
        at: new Date().toISOString(),
      };
    // A pool around it updates its count and result (cm-pool.ts).
    this.dispatchEvent(new CustomEvent(ANSWERED_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-question': CmQuestion;
  }
}
