/**
 * The TrackingAdapter face of an LRS session. Opening a session is asynchronous (cmi5: token,
 * LaunchData, learner preferences, bookmark) while `record` is synchronous, so events that arrive
 * early wait here, in order, and are recorded once the session is open.
 */
import type { LearnerEvent, ProgressState, TrackingAdapter } from '../../tracker.js';
import type { LrsSession } from './lrs-session.js';

import type { LaunchProblem } from '../../tracker.js';

export type { LaunchProblem };

export interface OpenedSession {
  readonly session: LrsSession;
  readonly resumed: ProgressState | undefined;
  readonly restoreNotice?: 'partial';
  /** cmi5 LaunchData masteryScore, when the LMS set one. */
  readonly mastery?: number;
}

/** The page events a session listens to; `window` and `document` in the browser. */
export interface PageEvents {
  readonly window?: Pick<Window, 'addEventListener'> | undefined;
  readonly document?: Pick<Document, 'addEventListener' | 'visibilityState'> | undefined;
}

export interface LrsTrackingAdapter extends TrackingAdapter {
  /** Set when the launch cannot be tracked (missing parameters, a used fetch URL...). */
  readonly launchProblem: LaunchProblem | undefined;
  /** Resolves once the session is open or known to have failed. */
  readonly ready: Promise<void>;
  /** The open session, for tests and for the exit sequence. */
  readonly session: LrsSession | undefined;
}

export function createLrsTracker(open: Promise<OpenedSession | LaunchProblem>, page: PageEvents): LrsTrackingAdapter {
  let session: LrsSession | undefined;
  let opened: OpenedSession | undefined;
  let problem: LaunchProblem | undefined;
  const early: [LearnerEvent, ProgressState][] = [];

  const ready = open.then(
    (result) => {
      if (typeof result === 'string') {
        problem = result;
        return;
      }
      opened = result;
      session = result.session;
      if (result.restoreNotice !== undefined) adapter.restoreNotice = result.restoreNotice;
      for (const [event, state] of early.splice(0)) session.record(event, state);
    },
    () => {
      problem = 'lrs-unavailable';
    },
  );

  // X8: hiding flushes with keepalive but never terminates; `pagehide` covers bfcache and unload.
  page.document?.addEventListener('visibilitychange', () => {
    if (page.document?.visibilityState === 'hidden') session?.hide();
    else session?.show();
  });
  page.window?.addEventListener('pagehide', () => session?.hide());
  page.window?.addEventListener('pageshow', () => session?.show());
  page.window?.addEventListener('online', () => session?.online());

  const adapter: LrsTrackingAdapter & { restoreNotice?: 'partial' } = {
    async resume() {
      await ready;
      return opened?.resumed;
    },
    record(event, state) {
      if (problem !== undefined) return;
      if (session === undefined) early.push([event, state]);
      else session.record(event, state);
    },
    get saving() {
      return problem === undefined && (session?.saving ?? true);
    },
    get launchProblem() {
      return problem;
    },
    get mastery() {
      return opened?.mastery;
    },
    get responseLimit() {
      // xAPI result.response has no length limit; the player's own cap applies (reflection-limit.ts).
      return session === undefined ? undefined : Number.POSITIVE_INFINITY;
    },
    get session() {
      return session;
    },
    ready,
  };
  return adapter;
}
