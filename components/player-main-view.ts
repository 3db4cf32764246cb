import { html, nothing, type TemplateResult } from 'lit';
import type { CourseData } from './course-data.js';
import { shellMessages } from './course-context.js';
import type { CoursePage } from './course-page.js';
import type { CourseSession } from './course-session.js';
import type { Messages } from './i18n/messages.js';
import type { Route } from './router.js';

/** What the main area shows, from the player's state (cm-player.ts). */
export interface MainViewState {
  readonly course: CourseData | undefined;
  readonly session: CourseSession | undefined;
  /** Session strings, once the session's chunk is there. */
  readonly messages: Messages | undefined;
  readonly route: Route | undefined;
  /** While the cover page is shown: the view its button opens. */
  readonly cover: Route | undefined;
  readonly exited: boolean;
  readonly loadFailed: boolean;
  readonly pageElement: CoursePage | undefined;
  /** Tries the current route again after a chunk failed to load. */
  readonly retry: (route: Route) => void;
}

/**
 * The main area: the cover, the "you have left" view after Exit, the glossary or results, a
 * page, or what stands in for a page while it loads or when it could not be loaded.
 */
export function renderMainView(state: MainViewState): TemplateResult | CoursePage | typeof nothing {
  const { course, cover, session, route } = state;
  if (course !== undefined && cover !== undefined && session !== undefined) {
    const resume = session.state.visited.length > 0 && cover.kind === 'page' ? course.pages[cover.index] : undefined;
    return html`<cm-cover .course=${course} .progress=${session.progress} .resume=${resume}></cm-cover>`;
  }
  if (course === undefined || route === undefined) return nothing;
  const t = shellMessages();
  if (state.exited) {
    return html`<section class="exited" aria-labelledby="exited-title">
      <h1 id="exited-title" tabindex="-1">${state.messages?.exitedTitle}</h1>
      <p>${state.messages?.exitedText}</p>
    </section>`;
  }
  if (route.kind === 'glossary') return html`<cm-glossary .course=${course}></cm-glossary>`;
  if (route.kind === 'results') return html`<cm-results .course=${course} .progress=${session?.state}></cm-results>`;
  if (state.loadFailed) {
    return html`<div class="error">
      <p>${t.loadFailed}</p>
      <button type="button" class="button" @click=${() => state.retry(route)}>${t.retry}</button>
    </div>`;
  }
  return state.pageElement ?? html`<p class="loading">${t.loading}</p>`;
}

/** What the learner must know about the session: whether progress is saved, restored, recorded. */
export function renderNotices(session: CourseSession | undefined, messages: Messages | undefined): TemplateResult | typeof nothing {
  if (session === undefined || messages === undefined) return nothing;
  return html`${session.notSaving ? html`<p class="notice">${messages.notSaving}</p>` : nothing}
    ${session.partialRestore ? html`<p class="notice">${messages.partialRestore}</p>` : nothing}
    ${session.launchProblem === undefined ? nothing : html`<p class="notice" role="alert">${messages.launchProblem[session.launchProblem]}</p>`}`;
}
