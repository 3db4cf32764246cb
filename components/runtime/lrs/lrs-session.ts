/**
 * One launched session against an LRS: every learner event becomes at most one statement on the
 * delivery queue, the bookmark follows every record, and the session ends with `terminated`.
 * Shared by the cmi5 and the TinCan adapters; cmi5's statement rules come in through `admit`.
 */
import type { Statement } from '@xapi/xapi';
import type { LearnerEvent, ProgressState } from '../../tracker.js';
import type { Bookmark } from './bookmark.js';
import type { DeliveryQueue, Timers } from './delivery-queue.js';

export type IdentifiedStatement = Statement & { id: string };

export interface LrsSessionOptions {
  readonly queue: DeliveryQueue;
  readonly bookmark: Bookmark;
  /** The statement emitter: one statement per event, or none. */
  readonly emit: (event: LearnerEvent) => Statement | undefined;
  /** The resume codec (`encodeProgress`); a throw means "no bookmark this time". */
  readonly encode: (state: ProgressState) => string;
  /** Statement rules of the launch (cmi5 9.3); default: send everything. */
  readonly admit?: (statement: IdentifiedStatement) => boolean;
  /** `terminated` waits for every earlier ack (cmi5 9.3, reliability X7). */
  readonly terminateAfterDrain: boolean;
  /** cmi5 10.2.6: where the window goes after `terminated` (LaunchData `returnURL`). */
  readonly returnUrl?: string | undefined;
  readonly navigate?: (url: string) => void;
  readonly timers: Timers;
  /** Longest wait for acknowledgements at exit before going on anyway (ms, default 3000). */
  readonly exitWaitMs?: number;
}

export interface LrsSession {
  record(event: LearnerEvent, state: ProgressState): void;
  /** The page is hidden or being unloaded: keepalive flushes (X8: never a `terminated`). */
  hide(): void;
  show(): void;
  /** The `online` event (X6). */
  online(): void;
  readonly saving: boolean;
  /** Resolves once the exit sequence (terminated, then navigation) has run. */
  readonly exited: Promise<void>;
}

function hasId(statement: Statement): statement is IdentifiedStatement {
  return typeof statement.id === 'string' && statement.id !== '';
}

export function createLrsSession(options: LrsSessionOptions): LrsSession {
  const { queue, bookmark, emit, encode, timers } = options;
  const admit = options.admit ?? (() => true);
  const exitWaitMs = options.exitWaitMs ?? 3000;
  let hidden = false;
  let ended = false;
  let markExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => {
    markExited = resolve;
  });

  /** Resolves true when `promise` settles within the exit wait, false when the wait ran out. */
  const within = (promise: Promise<void>): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const handle = timers.setTimeout(() => resolve(false), exitWaitMs);
      void promise.then(() => {
        timers.clearTimeout(handle);
        resolve(true);
      });
    });

  async function terminate(statement: IdentifiedStatement): Promise<void> {
    if (hidden) {
      // The page is going away: no later task will run. One keepalive body carries everything
      // still queued, `terminated` last, in order (R37: the body stays under 60 KiB).
      const alone = queue.pending === 0;
      queue.enqueue(statement, { solo: true });
      // Alone, the queue sends it at once (with keepalive, as the page is leaving).
      if (!alone) queue.flush();
      bookmark.flush();
      markExited();
      return;
    }
    if (options.terminateAfterDrain) await within(queue.drain());
    queue.enqueue(statement, { solo: true });
    bookmark.flush();
    // X11: not acknowledged in time (slow LRS): hand what is left to a keepalive request, which
    // outlives the navigation, rather than keep the learner waiting.
    if (!(await within(queue.drain()))) queue.flush();
    // cmi5 10.2.6.0-1: the current window, not top, once terminated is stored (X11).
    if (options.returnUrl !== undefined) options.navigate?.(options.returnUrl);
    markExited();
  }

  return {
    record(event, state) {
      if (ended) return; // cmi5 9.3.0.0-5: nothing after terminated.
      try {
        bookmark.save(encode(state));
      } catch {
        // An unencodable state keeps the previous bookmark; statements still go out.
      }
      if (event.kind === 'exited' && event.reason === 'unload') {
        // A page going away may be a reload: flush, keep the session open (see LearnerEvent 'exited').
        queue.flush();
        bookmark.flush();
        return;
      }
      const statement = emit(event);
      if (statement === undefined || !hasId(statement)) return;
      if (event.kind === 'exited') {
        ended = true;
        void terminate(statement);
        return;
      }
      if (admit(statement)) queue.enqueue(statement);
    },
    hide() {
      hidden = true;
      queue.flush();
      bookmark.flush();
    },
    show() {
      hidden = false;
      queue.stay();
    },
    online: () => queue.resume(),
    get saving() {
      return queue.saving && bookmark.saving;
    },
    exited,
  };
}
