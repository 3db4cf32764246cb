/**
 * The cmi5 statement rules an AU must keep (cmi5 9.3, 10.2.2), applied to each statement before
 * it is queued: a statement that would break one is not sent at all.
 */
import type { Statement } from '@xapi/xapi';
import type { Bookmark } from '../lrs/bookmark.js';
import { VERBS } from '../vocabulary.js';
import type { Cmi5SessionState } from './cmi5-launch.js';
import { moveOnSatisfied, type LaunchMode, type MoveOn } from './launch-data.js';

export interface Cmi5RulesOptions {
  readonly launchMode: LaunchMode;
  readonly moveOn: MoveOn;
  /** The mastery score in force: LaunchData's, else cmi5.xml's (the course's). */
  readonly masteryScore: number;
  /** Per-registration markers (completed, passed), shared by every session of the registration. */
  readonly bookmark: Pick<Bookmark, 'has' | 'mark'>;
  /** What this session has sent so far (survives a reload through sessionStorage). */
  readonly session: Cmi5SessionState;
  readonly saveSession: (state: Cmi5SessionState) => void;
}

export interface Cmi5Rules {
  /** True when the statement may be sent; records what it implies. */
  admit(statement: Statement): boolean;
  /** Whether the registration's moveOn is met by what was sent (13.1.4). */
  readonly satisfied: boolean;
}

export function createCmi5Rules(options: Cmi5RulesOptions): Cmi5Rules {
  const { bookmark, masteryScore } = options;
  let session = options.session;
  const update = (change: Partial<Cmi5SessionState>): void => {
    session = { ...session, ...change };
    options.saveSession(session);
  };
  const normal = options.launchMode === 'Normal';

  function admit(statement: Statement): boolean {
    const verb = statement.verb.id;
    if (verb === VERBS.initialized) {
      // 9.3.0.0-2: once per session, also across a reload of the same session.
      if (session.initialized === true) return false;
      update({ initialized: true });
      return true;
    }
    // 9.3.1.0-1: nothing before initialized.
    if (session.initialized !== true) return false;
    // 10.2.2.0-9/-11: Browse and Review send only initialized and terminated.
    if (!normal) return false;
    if (verb === VERBS.completed) {
      // 9.3.0.0-3: at most once per registration.
      if (bookmark.has('completed')) return false;
      bookmark.mark('completed');
      return true;
    }
    if (verb === VERBS.passed) {
      const scaled = statement.result?.score?.scaled;
      // 9.3.4.0-2: passed only at or above the mastery score; 9.3.0.0-7: never with failed in a session.
      if (bookmark.has('passed') || session.failed === true) return false;
      if (typeof scaled === 'number' && scaled < masteryScore) return false;
      bookmark.mark('passed');
      return true;
    }
    if (verb === VERBS.failed) {
      // 9.3.0.0-6: no failed after passed in the registration; once per session (9.3.0.0-2).
      if (bookmark.has('passed') || session.failed === true) return false;
      update({ failed: true });
      return true;
    }
    return true;
  }

  return {
    admit,
    get satisfied() {
      return moveOnSatisfied(options.moveOn, { completed: bookmark.has('completed'), passed: bookmark.has('passed') });
    },
  };
}
