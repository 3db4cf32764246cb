/**
 * The bookmark: one State API document (xAPI Communication 2.3) holding the resume codec's text and
 * what this registration has already sent once (cmi5 9.3: completed and passed at most once per
 * registration; the highest progress reported), so a relaunch never sends them again.
 *
 * When it is written (reliability R1, R4):
 * - within about a second of each change: a change after a quiet spell is written at once (with
 *   whatever else changed in the same task), one write is in flight at a time, and what changed
 *   meanwhile follows `coalesceMs` after the previous write began, as one write;
 * - never ahead of the statements it depends on: a bookmark saved after statement n is written once
 *   the queue has an answer for every statement up to n, so the LRS never holds progress whose
 *   statements it has not stored (a resume would otherwise skip them for good);
 * - forward only: what is written is merged with what the LRS holds (the furthest location, all
 *   pages and answers, markers united), so a tab or launch that is behind never takes progress back;
 * - locally too: a mirror in the queue's store, written after the statements it depends on, lets a
 *   launch after an offline spell resume where the learner was;
 * - at page hide, once more with keepalive, whatever the queue holds.
 */
import type { Timers } from './delivery-queue.js';
import type { StateDocument } from './state-document.js';

/** The State API id of the bookmark document (an IRI, xAPI Communication 2.3). */
export const PROGRESS_STATE_ID = 'https://coursemark.dev/state/progress';

export type SentMarker = 'completed' | 'passed';

export interface SentMarkers {
  readonly completed?: true;
  readonly passed?: true;
  /** The highest progress (0-100) sent in a `progressed` statement. */
  readonly progress?: number;
  /** The scaled score of the last `failed` sent (the same outcome is not reported twice). */
  readonly failed?: number;
}

export interface ProgressDocument {
  /** `encodeProgress` output (ASCII). */
  readonly progress?: string;
  readonly sent?: SentMarkers;
}

export function parseProgressDocument(body: unknown): ProgressDocument | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const progress = record['progress'];
  const rawSent = record['sent'];
  const sent: { completed?: true; passed?: true; progress?: number; failed?: number } = {};
  if (typeof rawSent === 'object' && rawSent !== null) {
    const flags = rawSent as Record<string, unknown>;
    if (flags['completed'] === true) sent.completed = true;
    if (flags['passed'] === true) sent.passed = true;
    const reported = flags['progress'];
    if (typeof reported === 'number' && Number.isFinite(reported)) sent.progress = reported;
    const failed = flags['failed'];
    if (typeof failed === 'number' && Number.isFinite(failed)) sent.failed = failed;
  }
  return typeof progress === 'string' ? { progress, sent } : { sent };
}

/** Markers only accumulate; of two `failed` scores, the later (`b`) one is kept. */
function unite(a: SentMarkers | undefined, b: SentMarkers | undefined): SentMarkers {
  const progress = Math.max(a?.progress ?? -1, b?.progress ?? -1);
  const failed = b?.failed ?? a?.failed;
  return {
    ...(a?.completed === true || b?.completed === true ? { completed: true as const } : {}),
    ...(a?.passed === true || b?.passed === true ? { passed: true as const } : {}),
    ...(progress >= 0 ? { progress } : {}),
    ...(failed === undefined ? {} : { failed }),
  };
}

export interface Bookmark {
  /** Reads the LRS's document and the local mirror once, before anything is written; returns them merged. */
  load(): Promise<ProgressDocument | undefined>;
  /** The latest encoded progress, which depends on the statements queued up to `after`. */
  save(progress: string, after: number): void;
  /** Records that a once-per-registration verb was queued (written with the next save). */
  mark(marker: SentMarker): void;
  /** Whether `marker` was recorded in this registration (by this or an earlier session). */
  has(marker: SentMarker): boolean;
  /** Records a `progressed` value or a `failed` score that was queued. */
  note(change: Pick<SentMarkers, 'progress' | 'failed'>): void;
  /** What this registration has queued once (by this or an earlier session). */
  readonly sent: SentMarkers;
  /** Page hiding: write the latest with keepalive, now. */
  flush(): void;
  /** False when the last write failed. */
  readonly saving: boolean;
}

export interface BookmarkOptions {
  readonly document: StateDocument<ProgressDocument>;
  readonly timers: Timers;
  /** Writes begin at least this many ms apart; changes in between go as one write (default 250). */
  readonly coalesceMs?: number;
  readonly now?: () => number;
  /** Merges encoded progress (forward only); undefined entries are ignored. Default: the last. */
  readonly merge?: (texts: readonly (string | undefined)[]) => string | undefined;
  /** True when the queue has an answer for every statement up to `seq`. */
  readonly settled?: (seq: number) => boolean;
  /** Registers a callback for when the queue's statements are answered. */
  readonly watch?: (listener: () => void) => void;
  readonly mirror?: { load(): Promise<unknown>; save(value: unknown): Promise<void> };
  readonly onChange?: () => void;
}

interface Entry {
  readonly progress: string;
  readonly sent: SentMarkers;
  readonly after: number;
  /** Saves are numbered: a write never goes back to an entry older than one already written. */
  readonly version: number;
}

const lastOf = (texts: readonly (string | undefined)[]): string | undefined => texts.filter((text) => text !== undefined).at(-1);

export function createBookmark(options: BookmarkOptions): Bookmark {
  const { document, timers } = options;
  const coalesceMs = options.coalesceMs ?? 250;
  const mergeTexts = options.merge ?? lastOf;
  const settled = options.settled ?? (() => true);
  const changed = options.onChange ?? (() => undefined);
  const now = options.now ?? (() => Date.now());
  let sent: SentMarkers = {};
  let lastWrite = Number.NEGATIVE_INFINITY;
  let entries: Entry[] = [];
  let version = 0;
  let written = 0;
  // The version last handed to a keepalive write (page hiding may fire several events in a row).
  let leaving = 0;
  let timer: unknown;
  let writing = false;
  let failures = 0;
  let saving = true;

  const merge = (current: ProgressDocument | undefined, entry: Entry): ProgressDocument => {
    const progress = mergeTexts([current?.progress, entry.progress]);
    const markers = unite(current?.sent, entry.sent);
    return progress === undefined ? { sent: markers } : { progress, sent: markers };
  };

  function result(ok: boolean): void {
    failures = ok ? 0 : failures + 1;
    if (saving !== ok) {
      saving = ok;
      changed();
    }
  }

  /** The newest entry whose statements are all answered; older ones are dropped. */
  function writable(): Entry | undefined {
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (entry !== undefined && settled(entry.after)) {
        entries = entries.slice(i);
        return entry;
      }
    }
    return undefined;
  }

  function kick(retryMs = 0): void {
    if (writing || timer !== undefined) return;
    const next = writable();
    if (next === undefined || next.version <= written) return;
    // A timer even when due now: the changes of the same task (an answer, its progress and score)
    // go together.
    const delay = Math.max(retryMs, lastWrite + coalesceMs - now(), 0);
    timer = timers.setTimeout(() => {
      timer = undefined;
      write();
    }, delay);
  }

  function write(): void {
    const entry = writable();
    if (entry === undefined || entry.version <= written) return;
    writing = true;
    lastWrite = now();
    void document.write((current) => merge(current, entry)).then(
      (ok) => {
        writing = false;
        if (ok) written = Math.max(written, entry.version);
        result(ok);
        // After a failure (offline, 5xx) the next try waits longer, up to 30 s.
        kick(ok ? 0 : Math.min(30_000, 1000 * 2 ** failures));
      },
      () => {
        writing = false;
        result(false);
        kick(Math.min(30_000, 1000 * 2 ** failures));
      },
    );
  }

  options.watch?.(() => kick());

  return {
    async load() {
      const [remote, local] = await Promise.all([document.read(), options.mirror?.load().then(parseProgressDocument, () => undefined)]);
      sent = unite(remote?.sent, local?.sent);
      // A text that does not decode is still returned, so the launch can say the restore was partial.
      const progress = mergeTexts([remote?.progress, local?.progress]) ?? remote?.progress ?? local?.progress;
      if (remote === undefined && local === undefined) return undefined;
      return progress === undefined ? { sent } : { progress, sent };
    },
    save(progress, after) {
      const entry: Entry = { progress, sent, after, version: ++version };
      // Saves that depend on the same statements replace each other (an offline spell stays small).
      if (entries.at(-1)?.after === after) entries.pop();
      entries.push(entry);
      // The local copy at once: the store writes it after the statements queued before it.
      options.mirror?.save({ progress, sent }).catch(() => undefined);
      kick();
    },
    mark(marker) {
      sent = unite(sent, { [marker]: true });
    },
    has: (marker) => sent[marker] === true,
    note(change) {
      sent = unite(sent, change);
    },
    get sent() {
      return sent;
    },
    flush() {
      const latest = entries.at(-1);
      if (latest === undefined || latest.version <= Math.max(written, leaving)) return;
      leaving = latest.version;
      if (timer !== undefined) {
        timers.clearTimeout(timer);
        timer = undefined;
      }
      // If the page stays (hidden, then shown again) and this write failed, the usual ones retry.
      const retry = (): void => kick(Math.min(30_000, 1000 * 2 ** failures));
      void document.write((current) => merge(current, latest), true).then(
        (ok) => {
          if (ok) written = Math.max(written, latest.version);
          result(ok);
          if (!ok) retry();
        },
        () => {
          result(false);
          retry();
        },
      );
    },
    get saving() {
      return saving;
    },
  };
}
