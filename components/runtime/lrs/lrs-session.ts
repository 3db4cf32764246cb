/**
 * One launched session against an LRS: every learner event becomes at most one statement on the
 * delivery queue, the bookmark follows every record (after the statement it depends on), and the
 * session ends with `terminated`. Shared by the cmi5 and the TinCan adapters; cmi5's statement
 * rules come in through `admit`, and what a relaunch must not repeat through `guard`.
 */
import type { Statement } from '@xapi/xapi';
import type { LearnerEvent, ProgressState } from '../../tracker.js';
import { VERBS } from '../vocabulary.js';
import type { Bookmark } from './bookmark.js';
import type { DeadLetter, DeliveryQueue, Ordering, Timers } from './delivery-queue.js';
import type { LastWordKeeper } from './last-word-keeper.js';
import type { ReplayGuard } from './replay-guard.js';

export type IdentifiedStatement = Statement & { id: string };

export interface LrsSessionOptions {
  readonly queue: DeliveryQueue;
  readonly bookmark: Bookmark;
  /** Keeps, synchronously, what the store has not committed when the page hides (X6). */
  readonly lastWord?: LastWordKeeper;
  /** The statement emitter: one statement per event, or none. */
  readonly emit: (event: LearnerEvent) => Statement | undefined;
  /** The resume codec (`encodeProgress`); a throw means "no bookmark this time". */
  readonly encode: (state: ProgressState) => string;
  /** Statement rules of the launch (cmi5 9.3); default: send everything. */
  readonly admit?: (statement: IdentifiedStatement) => boolean;
  /** What the registration already reported once; default: nothing is held back. */
  readonly guard?: ReplayGuard;
  /** `terminated` waits for every earlier ack (cmi5 9.3, reliability X7). */
  readonly terminateAfterDrain: boolean;
  /** cmi5 10.2.6: where the window goes after `terminated` (LaunchData `returnURL`). */
  readonly returnUrl?: string | undefined;
  readonly navigate?: (url: string) => void;
  readonly timers: Timers;
  /**
   * Longest wait at exit (ms, default 20000) for the LRS to acknowledge the end of the course before
   * going on anyway: enough for the round trips (the end of the course, then `terminated`) to an LRS
   * that answers in 5 s, on a busy device. What is still unanswered then went out with keepalive and
   * stays queued for the next launch.
   */
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
  /** Statements the LRS refused for a reason of their own (never retried). */
  readonly deadLetters: readonly DeadLetter[];
  /** Resolves once the exit sequence (terminated, then navigation) has run. */
  readonly exited: Promise<void>;
}

function hasId(statement: Statement): statement is IdentifiedStatement {
  return typeof statement.id === 'string' && statement.id !== '';
}

/**
 * cmi5 9.3.1: `initialized` is the session's first statement, so while it has no answer nothing
 * after it goes out (requests sent side by side may arrive in any order). The other cmi5 rules are
 * about counts, which the rules and the replay guard keep, and `terminated` goes last on its own.
 */
const FENCES: ReadonlySet<string> = new Set([VERBS.initialized]);

export function createLrsSession(options: LrsSessionOptions): LrsSession {
  const { queue, bookmark, emit, encode, timers } = options;
  const admit = options.admit ?? (() => true);
  const guard = options.guard;
  const exitWaitMs = options.exitWaitMs ?? 20_000;
  let hidden = false;
  let ended = false;
  let markExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => {
    markExited = resolve;
  });


  function save(state: ProgressState): void {
    try {
      bookmark.save(encode(state), queue.lastSeq);
    } catch {
      // An unencodable state keeps the previous bookmark; statements still go out.
    }
  }

  /**
   * X7, X11: everything queued goes out now with keepalive (cut to the LRS's limits), `terminated`
   * follows once the LRS has answered for all of it, and the window leaves for the LMS once
   * `terminated` is answered, or when the wait runs out: keepalive requests outlive the page, and
   * what has no answer yet stays queued for the next launch.
   */
  async function terminate(statement: IdentifiedStatement, state: ProgressState): Promise<void> {
    const timeout = new Promise<false>((resolve) => timers.setTimeout(() => resolve(false), exitWaitMs));
    const drained = (): Promise<boolean> => Promise.race([queue.drain().then(() => true), timeout]);
    save(state);
    bookmark.flush();
    queue.flush();
    if (options.terminateAfterDrain && !hidden) await drained();
    queue.enqueue(statement, 'solo');
    // Out of time, or the page is going: what is left goes in one last request, terminated last.
    if (hidden || !(await drained())) queue.flush(true);
    // cmi5 10.2.6.0-1: the current window, not top, once terminated is stored (X11).
    if (options.returnUrl !== undefined && !hidden) options.navigate?.(options.returnUrl);
    markExited();
  }

  function enqueue(statement: IdentifiedStatement): void {
    if (guard?.allows(statement) === false || !admit(statement)) return;
    guard?.sent(statement);
    const ordering: Ordering | undefined = FENCES.has(statement.verb.id) ? 'fence' : undefined;
    queue.enqueue(statement, ordering);
  }

  /**
   * The page may be gone before the store commits what was just queued (X6): its last word keeps
   * that now, synchronously, beside the keepalive flushes.
   */
  const keepLastWord = (): void => options.lastWord?.write();

  function record(event: LearnerEvent, state: ProgressState): void {
    if (ended) return; // cmi5 9.3.0.0-5: nothing after terminated.
    if (event.kind === 'exited' && event.reason === 'unload') {
      // A page going away may be a reload: flush, keep the session open (see LearnerEvent 'exited').
      // The bookmark first: it is small, and the resume depends on it.
      save(state);
      bookmark.flush();
      queue.flush();
      keepLastWord();
      return;
    }
    const statement = emit(event);
    const identified = statement !== undefined && hasId(statement) ? statement : undefined;
    if (event.kind === 'exited' && identified !== undefined) {
      ended = true;
      void terminate(identified, state);
      return;
    }
    if (identified !== undefined) enqueue(identified);
    // After the statement: the bookmark is written once the LRS has it.
    save(state);
  }

  return {
    record(event, state) {
      record(event, state);
      // Recorded while hidden: the last word written at hiding no longer holds everything.
      if (hidden) keepLastWord();
    },
    hide() {
      hidden = true;
      bookmark.flush();
      queue.flush();
      keepLastWord();
    },
    show() {
      hidden = false;
      queue.stay();
      // The page is back: its own writes commit as usual.
      options.lastWord?.clear();
    },
    online: () => queue.resume(),
    get saving() {
      return queue.saving && bookmark.saving;
    },
    deadLetters: queue.deadLetters,
    exited,
  };
}
