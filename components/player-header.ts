import { html, nothing, type TemplateResult } from 'lit';
import type { CourseOutline } from './course-data.js';
import { formatterOf, shellMessages } from './course-context.js';
import { progressPercent } from './progress-percent.js';

/** What the header shows, from the player's state (cm-player.ts). */
export interface HeaderState {
  readonly outline: CourseOutline;
  /** The course's logo, or `nothing`. */
  readonly logo: TemplateResult | typeof nothing;
  /** The learner's progress, 0..1; undefined while the session restores it (nothing is said then). */
  readonly progress: number | undefined;
  readonly skipToContent: () => void;
  /** Opens the help-and-support panel; undefined when the course has none. */
  readonly openSupport: ((event: Event) => void) | undefined;
}

/**
 * The skip link and the header: logo, course title, progress and the help-and-support button.
 * The figure keeps the width of `progressFull` from the first paint (cm-player.styles.ts), and is
 * blank until the progress is known: no number is formatted before the first view (formatter.ts).
 */
export function renderHeader(state: HeaderState): TemplateResult {
  const { outline } = state;
  const t = shellMessages();
  const percent = progressPercent(state.progress ?? 0);
  return html`<button type="button" class="button skip" @click=${state.skipToContent}>${t.skipToContent}</button>
    <header class=${outline.theme.surface === undefined ? '' : 'branded'}>
      ${state.logo}
      <p class="course-title">${outline.title}</p>
      <div class="progress">
        <span id="progress-label">${t.courseProgress}</span>
        <progress max="100" value=${percent} aria-labelledby="progress-label" aria-describedby="progress-text"></progress>
        <span id="progress-text" data-full=${t.progressFull}>${state.progress === undefined ? '\u00a0' : t.progressComplete({ percent: formatterOf(outline).percent(percent / 100) })}</span>
      </div>
      ${state.openSupport === undefined
        ? nothing
        : html`<button type="button" class="button secondary" aria-haspopup="dialog" @click=${state.openSupport}>${t.helpAndSupport}</button>`}
    </header>`;
}
