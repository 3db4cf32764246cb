/**
 * What a registration reports once, however often it is launched: after a relaunch the player
 * reports progress and the outcome again from the restored answers, and an LRS stores each copy
 * as a new statement (a new id). The guard keeps to the bookmark's markers (bookmark.ts), shared by
 * every session of the registration:
 * - `progressed` only above the highest progress already reported (progress never goes back);
 * - `failed` not after `passed`, and not twice with the same score;
 * - with `once`, `completed` and `passed` at most once (the TinCan launch; cmi5's own rules do this
 *   for cmi5, 9.3.0.0-3).
 */
import type { Statement } from '@xapi/xapi';
import { CMI5, VERBS } from '../vocabulary.js';
import type { Bookmark } from './bookmark.js';

export interface ReplayGuard {
  /** False when `statement` repeats what the registration already reported. */
  allows(statement: Statement): boolean;
  /** Records a statement that was queued. */
  sent(statement: Statement): void;
}

function progressOf(statement: Statement): number | undefined {
  const value: unknown = statement.result?.extensions?.[CMI5.progress];
  return typeof value === 'number' ? value : undefined;
}

export function createReplayGuard(bookmark: Pick<Bookmark, 'has' | 'mark' | 'note' | 'sent'>, options: { readonly once: boolean }): ReplayGuard {
  return {
    allows(statement) {
      switch (statement.verb.id) {
        case VERBS.progressed: {
          const progress = progressOf(statement);
          return progress === undefined || progress > (bookmark.sent.progress ?? -1);
        }
        case VERBS.failed:
          return !bookmark.has('passed') && statement.result?.score?.scaled !== bookmark.sent.failed;
        case VERBS.completed:
          return !options.once || !bookmark.has('completed');
        case VERBS.passed:
          return !options.once || !bookmark.has('passed');
        default:
          return true;
      }
    },
    sent(statement) {
      const verb = statement.verb.id;
      const progress = progressOf(statement);
      if (verb === VERBS.progressed && progress !== undefined) bookmark.note({ progress });
      const scaled = statement.result?.score?.scaled;
      if (verb === VERBS.failed && scaled !== undefined) bookmark.note({ failed: scaled });
      if (options.once && verb === VERBS.completed) bookmark.mark('completed');
      if (options.once && verb === VERBS.passed) bookmark.mark('passed');
    },
  };
}
