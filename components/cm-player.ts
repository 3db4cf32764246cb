import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { CourseData, CourseOutline, PageInfo } from './course-data.js';
import { EXIT_EVENT, shellMessages, OPEN_SUPPORT_EVENT, START_EVENT } from './course-context.js';
import type { CoursePage } from './course-page.js';
import type { CourseSession } from './course-session.js';
import type { CmCover } from './cm-cover.js';
import type { CmGlossary } from './cm-glossary.js';
import { playerStyles } from './cm-player.styles.js';
import type { CmResults } from './cm-results.js';
import type { CmSupportDialog } from './cm-support-dialog.js';
import type { Messages } from './i18n/messages.js';
import { logoStyles } from './logo-styles.js';
import { createPageElement } from './page-registry.js';
import { renderMainView, renderNotices } from './player-main-view.js';
import { renderHeader } from './player-header.js';
import { renderPager } from './player-pager.js';
import type { PlayerContexts } from './player-session.js';
import { applyCourseLook, hasBrand, loadBrand } from './player-theme.js';
import { loadView } from './player-views.js';
import { afterPaint } from './after-paint.js';
import { hrefFor, openingRoute, opensOnCover, parseRoute, type Route } from './router.js';
import { base, tokens } from './styles/theme.js';
import type { TrackingAdapter } from './tracker.js';

export type PageLoader = () => Promise<{ default: typeof CoursePage }>;
/** Loads the support panel's content (a generated module), when the learner first opens it. */
export type SupportLoader = () => Promise<{ content: TemplateResult }>;

/**
 * The course player: header, table of contents, one page at a time, results and glossary views,
 * and the help-and-support panel. It owns the learner's session and provides `trackerContext`,
 * `courseContext` and `supportContext` to everything inside it.
 *
 * Routing is by hash (see router.ts); on every navigation after the first, focus moves to the new
 * view's `<h1>` so screen-reader users hear where they are (WCAG 2.2 SC 2.4.3).
 *
 * @csspart main - The `<main>` landmark.
 */
export class CmPlayer extends LitElement {
  static override properties = {
    outline: { attribute: false },
    details: { attribute: false },
    course: { state: true },
    support: { attribute: false },
    supportContent: { state: true },
    pages: { attribute: false },
    adapter: { attribute: false },
    route: { state: true },
    pageElement: { state: true },
    loadFailed: { state: true },
    announcement: { state: true },
    exited: { state: true },
    revision: { state: true },
    contentsComplete: { state: true },
    cover: { state: true },
    logo: { state: true },
    restoring: { state: true },
  };

  static override styles = [tokens, base, logoStyles, playerStyles];

  /** What the shell paints at once: title, theme, language, page titles. */
  declare outline: CourseOutline | undefined;
  /** The rest of the course data, loading (its own chunk); the session starts once it is there. */
  declare details: Promise<CourseData> | undefined;
  /** The course data, once loaded. */
  declare course: CourseData | undefined;
  declare support: SupportLoader | undefined;
  /** The support panel's content, once loaded. */
  declare supportContent: TemplateResult | undefined;
  declare pages: readonly PageLoader[];
  declare adapter: TrackingAdapter | undefined;
  declare route: Route | undefined;
  declare pageElement: CoursePage | undefined;
  declare loadFailed: boolean;
  declare announcement: string;
  /** Set once the learner has ended the session with Exit. */
  declare exited: boolean;
  /** Bumped on every session change so the view re-renders with the new progress. */
  declare revision: number;
  /** Set in the frame after the first view has painted: then the contents list every page. */
  declare contentsComplete: boolean;
  /** While the cover page is shown: the view its button opens (the first page, or where the learner left off). */
  declare cover: Route | undefined;
  /**
   * The header's logo: `nothing` when the course has none. Undefined while the course's logo and
   * fonts load (player-brand.ts, a chunk only such a course loads): the shell paints once they are
   * there, so the header neither moves nor changes its face as they arrive.
   */
  declare logo: TemplateResult | typeof nothing | undefined;
  /**
   * True until the session has restored the learner's progress. The first page may be on screen
   * by then (see `start`): inert and marked busy, and the header's figure is left blank, since
   * what it would say is not known yet.
   */
  declare restoring: boolean;

  private session: CourseSession | undefined = undefined;
  /**
   * Every interface string, loaded with the session (its own chunk, which pages share): what the
   * shell says about the session (notices, the view after Exit) is only shown once there is one.
   */
  private messages: Messages | undefined = undefined;
  /** Set while the session module loads, so `updated` starts only one session. */
  private starting = false;
  private sessionModule: Promise<typeof import('./player-session.js')> | undefined = undefined;
  private contexts: PlayerContexts | undefined = undefined;
  private navigation = 0;
  /** Set once a first view is on screen; until then the pager waits for it (see `renderPager`). */
  private viewShown = false;
  private readonly onHashChange = (): void => void this.followHash();
  // A persisted pagehide (back-forward cache) may come back: it is not an exit (reliability R10).
  private readonly onPageHide = (event: PageTransitionEvent): void => {
    if (!event.persisted) this.session?.leave('unload');
  };

  constructor() {
    super();
    this.outline = undefined;
    this.details = undefined;
    this.course = undefined;
    this.support = undefined;
    this.supportContent = undefined;
    this.pages = [];
    this.adapter = undefined;
    this.route = undefined;
    this.pageElement = undefined;
    this.loadFailed = false;
    this.announcement = '';
    this.exited = false;
    this.revision = 0;
    this.contentsComplete = false;
    this.cover = undefined;
    this.logo = undefined;
    this.restoring = true;
    this.addEventListener(OPEN_SUPPORT_EVENT, (event) => void this.openSupport(event));
    this.addEventListener(EXIT_EVENT, () => this.exit());
    this.addEventListener(START_EVENT, () => void this.leaveCover());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('pagehide', this.onPageHide);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const outline = this.outline;
    if (changed.has('outline') && outline !== undefined) {
      this.preload(outline);
      applyCourseLook(this, outline);
    }
    if ((changed.has('course') || changed.has('support')) && this.course !== undefined) this.contexts?.update(this.course, this.support !== undefined);
  }

  protected override updated(): void {
    if (this.session === undefined && !this.starting && this.details !== undefined && this.adapter !== undefined) void this.start(this.details, this.adapter);
  }

  /**
   * Starts loading what the first view needs: the chunk of the page a link or the LMS asks for, else
   * the first page, then the session module. They load in parallel with the tracking runtime instead
   * of after the resume; a resume on another page only costs this one unused chunk. `mount` calls it
   * before it asks for anything else; otherwise the first update does.
   */
  preload(outline: CourseOutline): void {
    if (this.sessionModule !== undefined) return;
    if (!hasBrand(outline)) this.logo = nothing;
    else {
      loadBrand(outline).then(
        (logo) => (this.logo = logo),
        (error: unknown) => {
          console.error('coursemark: could not load the course logo and fonts', error);
          this.logo = nothing;
        },
      );
    }
    const early = openingRoute(outline, window.location, 0);
    if (early.kind === 'page') this.pages[early.index]?.().catch(() => undefined);
    if (opensOnCover(outline)) loadView('cm-cover').catch(() => undefined);
    this.sessionModule = import('./player-session.js');
  }

  private async start(details: Promise<CourseData>, adapter: TrackingAdapter): Promise<void> {
    this.starting = true;
    let loaded: typeof import('./player-session.js');
    let course: CourseData;
    try {
      [loaded, course] = await Promise.all([(this.sessionModule ??= import('./player-session.js')), details]);
    } catch (error: unknown) {
      console.error('coursemark: could not load the course', error);
      this.loadFailed = true;
      this.restoring = false;
      this.starting = false;
      return;
    }
    const { CourseSession, PlayerContexts } = loaded;
    const messages = loaded.messagesOf();
    const session = new CourseSession({
      course,
      adapter,
      onChange: ({ completedNow }) => {
        this.revision += 1;
        if (session.notSaving) this.announcement = messages.notSaving;
        else if (completedNow) this.announcement = messages.courseCompleted;
      },
    });
    this.messages = messages;
    this.course = course;
    this.session = session;
    const contexts = new PlayerContexts(this, { course, support: this.support !== undefined });
    this.contexts = contexts;
    const opensOnCoverPage = this.outline !== undefined && opensOnCover(this.outline);
    // The page a link names, else the first, is painted before the session has restored progress
    // (the session waits for the LMS or the LRS, the page only for its own file), inert and busy
    // until it has. A learner who comes back to another page sees that page replace it then. A
    // page with a question pool waits: which of its questions show depends on the learner's draw.
    const early = openingRoute(course, window.location, 0);
    const earlyPage = early.kind === 'page' ? course.pages[early.index] : undefined;
    if (!opensOnCoverPage && early.kind === 'page' && earlyPage !== undefined && course.pools?.some((pool) => pool.pageId === earlyPage.id) !== true) await this.showEarly(early);
    const location = await session.start();
    // The session's course carries the passing score the LMS set for this launch, if any.
    course = session.course;
    this.course = course;
    this.restoring = false;
    contexts.track(session);
    const route = openingRoute(course, window.location, location);
    if (opensOnCoverPage && (await loadView('cm-cover').then(() => true, () => false))) {
      // Nothing is recorded until the learner leaves the cover: then the page view, as without one.
      this.cover = route;
    } else {
      if (!window.location.hash.startsWith('#/')) history.replaceState(history.state, '', hrefFor(course, route));
      await this.show(route, { focus: false });
    }
    // The contents are not part of the first view: their chunk is asked for once it is on screen (it
    // would take one of the browser's six connections the first view waits on), and the shell's
    // styles hold their place meanwhile, so nothing moves when they appear.
    void afterPaint().then(() => {
      this.contentsComplete = true;
      loadView('cm-toc').catch((error: unknown) => console.error('coursemark: could not load the contents', error));
    });
  }

  /**
   * Shows the page of `route` while the session starts, and resolves once it has been painted (or
   * after a moment, in a hidden document, which paints nothing): the session's first work (the
   * LMS's or the LRS's answers, the statements of the launch) then runs after the paint, not
   * before it. Nothing is recorded: the page view is, once the session has started (`show`).
   */
  private async showEarly(route: Route & { readonly kind: 'page' }): Promise<void> {
    const page = this.course?.pages[route.index];
    const load = this.pages[route.index];
    if (page === undefined || load === undefined) return;
    try {
      const element = await this.pageElementFor(route.index, page, load);
      this.route = route;
      this.pageElement = element;
      this.viewShown = true;
      await this.updateComplete;
      await element.updateComplete;
    } catch {
      // `show` tries again once the session has started, and says so if it fails.
      return;
    }
    await afterPaint();
  }

  /** The cover's button: the view it leads to, in the URL and on screen, its heading focused. */
  private async leaveCover(): Promise<void> {
    const route = this.cover;
    if (route === undefined || this.course === undefined) return;
    history.replaceState(history.state, '', hrefFor(this.course, route));
    await this.show(route, { focus: true });
  }

  /** Navigates to `route` through the URL, so Back and Forward work and links can be shared. */
  navigate(route: Route): void {
    const outline = this.outline;
    if (outline === undefined) return;
    const href = hrefFor(outline, route);
    if (window.location.hash === href) void this.show(route, { focus: true });
    else window.location.hash = href;
  }

  private async followHash(): Promise<void> {
    const course = this.course;
    if (course === undefined || this.session === undefined) return;
    const route = parseRoute(course, window.location.hash);
    if (route !== undefined) await this.show(route, { focus: true });
  }

  private async show(route: Route, options: { readonly focus: boolean }): Promise<void> {
    const course = this.course;
    const session = this.session;
    // After Exit the session has ended (Terminate / terminated): nothing more may be recorded.
    // While it restores progress, the page to show is `start`'s to decide.
    if (course === undefined || session === undefined || this.exited || this.restoring) return;
    const ticket = ++this.navigation;
    // Any way out of the cover (its button, a link in the contents) leaves it for good.
    this.cover = undefined;
    if (route.kind !== 'page') {
      try {
        await loadView(route.kind === 'glossary' ? 'cm-glossary' : 'cm-results');
      } catch (error: unknown) {
        console.error('coursemark: could not load the view', route.kind, error);
        this.announcement = shellMessages().loadFailed;
        return;
      }
      if (ticket !== this.navigation) return;
      this.route = route;
      this.viewShown = true;
      await this.updateComplete;
      const view = this.renderRoot.querySelector<CmGlossary | CmResults>('cm-glossary, cm-results');
      await view?.updateComplete;
      if (options.focus && ticket === this.navigation) view?.focusHeading();
      return;
    }
    const page = course.pages[route.index];
    const load = this.pages[route.index];
    if (page === undefined || load === undefined) return;
    let element = this.pageElement;
    if (element?.page.id !== page.id) {
      this.loadFailed = false;
      this.route = route;
      this.pageElement = undefined;
      try {
        element = await this.pageElementFor(route.index, page, load);
      } catch (error: unknown) {
        if (ticket !== this.navigation) return;
        console.error('coursemark: could not load page', page.id, error);
        this.loadFailed = true;
        this.announcement = shellMessages().loadFailed;
        return;
      }
      if (ticket !== this.navigation) return;
    }
    this.route = route;
    this.pageElement = element;
    this.viewShown = true;
    session.viewPage(page);
    await this.updateComplete;
    await element.updateComplete;
    if (route.heading !== undefined && element.revealTarget(route.heading, options)) return;
    if (options.focus) element.focusHeading();
    else window.scrollTo(0, 0);
  }

  /** The element of page `index`: only the current page's module is loaded (each page is its own chunk). */
  private async pageElementFor(index: number, page: PageInfo, load: PageLoader): Promise<CoursePage> {
    const element = createPageElement(index, (await load()).default);
    element.page = page;
    return element;
  }

  private async openSupport(event: Event): Promise<void> {
    const support = this.support;
    if (support === undefined || this.details === undefined) return;
    const origin = event.composedPath()[0];
    const opener = origin instanceof HTMLElement ? origin : undefined;
    try {
      const [module] = await Promise.all([support(), loadView('cm-support-dialog'), this.details]);
      this.supportContent = module.content;
    } catch (error: unknown) {
      console.error('coursemark: could not load the support panel', error);
      this.announcement = shellMessages().loadFailed;
      return;
    }
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<CmSupportDialog>('cm-support-dialog');
    await dialog?.updateComplete;
    await dialog?.show(opener);
  }

  private focusMain(): void {
    const route = this.route;
    if (route?.kind === 'page' && this.cover === undefined) this.pageElement?.focusHeading();
    else this.renderRoot.querySelector<CmGlossary | CmResults | CmCover>('cm-glossary, cm-results, cm-cover')?.focusHeading();
  }

  protected override render(): unknown {
    const outline = this.outline;
    const session = this.session;
    if (outline === undefined || this.logo === undefined) return nothing;
    return html`${renderHeader({
        outline,
        logo: this.logo,
        progress: this.restoring ? undefined : (session?.progress ?? 0),
        skipToContent: () => this.focusMain(),
        openSupport: this.support === undefined ? undefined : (event) => void this.openSupport(event),
      })}
      ${this.restoring ? nothing : renderNotices(session, this.messages)}
      <div class="layout ${this.exited ? 'alone' : ''}">
        ${this.exited ? nothing : html`<cm-toc
              .outline=${outline}
              .course=${this.course}
              .progress=${session?.state}
              .route=${this.route}
              .complete=${this.contentsComplete}
            ></cm-toc>`}
        <main part="main" id="main" ?inert=${this.restoring} aria-busy=${this.restoring ? 'true' : nothing}>
          ${renderMainView({ course: this.course, session, messages: this.messages, route: this.route, cover: this.cover, exited: this.exited, loadFailed: this.loadFailed, pageElement: this.pageElement, retry: (route) => void this.show(route, { focus: true }) })}
          ${this.exited || this.cover !== undefined ? nothing : this.renderPager()}
          <div class="vh" role="status" aria-live="polite">${this.announcement}</div>
        </main>
      </div>
      ${this.supportContent === undefined || this.course === undefined
        ? nothing
        : html`<cm-support-dialog .course=${this.course} .content=${this.supportContent}></cm-support-dialog>`}`;
  }

  /** Ends the session on the learner's request; the adapter may then leave for the LMS (cmi5 returnURL). */
  private exit(): void {
    this.session?.leave('learner');
    this.exited = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.exited h1')?.focus());
  }

  private renderPager(): unknown {
    const outline = this.outline;
    const route = this.route;
    if (outline === undefined || route === undefined) return nothing;
    // The first page comes with its pager: under "Loading…", the page arriving above it would push
    // it down (a layout shift). Later the pager stays while a page loads: focus may be on it.
    if (!this.viewShown && !this.loadFailed) return nothing;
    return renderPager(outline, route, this.session?.state.location ?? 0, (next) => this.navigate(next));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-player': CmPlayer;
  }
}
