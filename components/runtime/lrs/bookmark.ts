/**
 * Bookmark and per-registration markers in one State API document (xAPI Communication 2.3):
 * the resume codec's text, written debounced after each record and with keepalive when the page
 * hides, plus the cmi5 verbs already sent in this registration (cmi5 9.3: completed and passed at
 * most once per registration), so a relaunch does not send them again.
 */
import type { Timers } from './delivery-queue.js';
import type { StateDocument } from './state-document.js';

/** The State API id of the bookmark document (an IRI, xAPI Communication 2.3). */
export const PROGRESS_STATE_ID = 'https://coursemark.dev/state/progress';

export type SentMarker = 'completed' | 'passed';

export interface ProgressDocument {
  /** `encodeProgress` output (ASCII). */
  readonly progress?: string;
  readonly sent?: Readonly<Partial<Record<SentMarker, true>>>;
}

export function parseProgressDocument(body: unknown): ProgressDocument | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const progress = record['progress'];
  const rawSent = record['sent'];
  const sent: Partial<Record<SentMarker, true>> = {};
  if (typeof rawSent === 'object' && rawSent !== null) {
    const flags = rawSent as Record<string, unknown>;
    if (flags['completed'] === true) sent.completed = true;
    if (flags['passed'] === true) sent.passed = true;
  }
  return typeof progress === 'string' ? { progress, sent } : { sent };
}

export interface Bookmark {
  /** Reads the document once, before the first write. */
  load(): Promise<ProgressDocument | undefined>;
  /** The latest encoded progress; written after `debounceMs` of quiet. */
  save(progress: string): void;
  /** Records that a once-per-registration verb was queued; written at once. */
  mark(marker: SentMarker): void;
  /** Whether `marker` was recorded in this registration (by this or an earlier session). */
  has(marker: SentMarker): boolean;
  /** Page hiding: write what is unsaved with keepalive, now. */
  flush(): void;
  /** False when the last write failed. */
  readonly saving: boolean;
}

export interface BookmarkOptions {
  readonly document: StateDocument<ProgressDocument>;
  readonly timers: Timers;
  readonly debounceMs?: number;
  readonly onChange?: () => void;
}

export function createBookmark(options: BookmarkOptions): Bookmark {
  const { document, timers } = options;
  const debounceMs = options.debounceMs ?? 1500;
  const changed = options.onChange ?? (() => undefined);
  let progress: string | undefined;
  const sent: Partial<Record<SentMarker, true>> = {};
  let dirty = false;
  let timer: unknown;
  let saving = true;
  let chain: Promise<unknown> = Promise.resolve();

  // Ours wins for the progress (it is newer); markers are a union, since they only ever grow.
  const merge = (current: ProgressDocument | undefined): ProgressDocument => {
    const next = { ...current?.sent, ...sent };
    const text = progress ?? current?.progress;
    return text === undefined ? { sent: next } : { progress: text, sent: next };
  };

  function result(ok: boolean): void {
    if (saving !== ok) {
      saving = ok;
      changed();
    }
  }

  function write(keepalive: boolean): void {
    if (timer !== undefined) {
      timers.clearTimeout(timer);
      timer = undefined;
    }
    dirty = false;
    if (keepalive) {
      void document.write(merge, true).then(result, () => result(false));
      return;
    }
    // One write at a time, so ETags follow each other.
    chain = chain.then(() => document.write(merge)).then(result, () => result(false));
  }

  return {
    async load() {
      const current = await document.read();
      if (current?.sent?.completed === true) sent.completed = true;
      if (current?.sent?.passed === true) sent.passed = true;
      if (progress === undefined && current?.progress !== undefined) progress = current.progress;
      return current;
    },
    save(text) {
      progress = text;
      dirty = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(() => {
        timer = undefined;
        if (dirty) write(false);
      }, debounceMs);
    },
    mark(marker) {
      if (sent[marker] === true) return;
      sent[marker] = true;
      write(false);
    },
    has: (marker) => sent[marker] === true,
    flush() {
      if (dirty) write(true);
    },
    get saving() {
      return saving;
    },
  };
}
