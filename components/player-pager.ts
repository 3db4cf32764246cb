import { html, nothing, type TemplateResult } from 'lit';
import type { CourseOutline } from './course-data.js';
import { shellMessages } from './course-context.js';
import type { Route } from './router.js';

/**
 * Previous and Next under a view: the page before and after, the results after the last page,
 * and from the glossary back to where the learner is (`location`). The buttons carry `data-action`
 * so the verify learner finds them in any interface language.
 */
export function renderPager(outline: CourseOutline, route: Route, location: number, navigate: (route: Route) => void): TemplateResult {
  const t = shellMessages();
  const last = outline.pages.length - 1;
  const here = route.kind === 'page' ? route.index : route.kind === 'results' ? last + 1 : undefined;
  const previous = here === undefined ? location : here - 1;
  const previousPage = outline.pages[previous];
  const next: Route | undefined = here === undefined || here > last ? undefined : here === last ? { kind: 'results' } : { kind: 'page', index: here + 1 };
  const nextPage = next?.kind === 'page' ? outline.pages[next.index] : undefined;
  return html`<nav class="pager" aria-label=${t.pageNavigation}>
    ${previousPage === undefined
      ? nothing
      : html`<button type="button" class="button secondary previous" data-action="previous" @click=${() => navigate({ kind: 'page', index: previous })}>
          <span>${t.previous}</span><span class="pager-title" lang=${previousPage.lang ?? nothing} dir=${previousPage.dir ?? nothing}>${previousPage.title}</span>
        </button>`}
    ${next === undefined
      ? nothing
      : html`<button type="button" class="button next" data-action=${nextPage === undefined ? 'results' : 'next'} @click=${() => navigate(next)}>
          <span>${nextPage === undefined ? t.seeResults : t.next}</span>
          ${nextPage === undefined ? nothing : html`<span class="pager-title" lang=${nextPage.lang ?? nothing} dir=${nextPage.dir ?? nothing}>${nextPage.title}</span>`}
        </button>`}
  </nav>`;
}
