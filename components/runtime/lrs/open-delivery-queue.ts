import type { CourseData } from '../../course-data.js';
import type { ProgressState } from '../../tracker.js';
import { decodeProgress, encodeProgress } from '../resume/progress-codec.js';
import { mergeEncoded } from '../resume/merge-progress.js';
import type { LrsAdapterDependencies } from './adapter-dependencies.js';
import { createBookmark, parseProgressDocument, PROGRESS_STATE_ID, type Bookmark } from './bookmark.js';
import { createDeliveryQueue, type DeliveryQueue } from './delivery-queue.js';
import { createLastWordKeeper, takeLastWord, type LastWordKeeper } from './last-word-keeper.js';
import type { LrsClient, StateKey } from './lrs-client.js';
import { openQueueStore } from './queue-store.js';
import { createReplayGuard } from './replay-guard.js';
import { createStateDocument } from './state-document.js';
import { trackUnsaved } from './unsaved-writes.js';

export interface OpenedDelivery {
  readonly queue: DeliveryQueue;
  readonly bookmark: Bookmark;
  /** Keeps what the store has not committed when the page hides (the session calls it). */
  readonly lastWord: LastWordKeeper;
  /** The saved progress (LRS and local copy merged), undefined when there is none. */
  readonly resumed: ProgressState | undefined;
  /** Saved progress existed but could not be read. */
  readonly partial: boolean;
}

/** The resume codec over one course, for merging bookmarks (forward only). */
function codecOf(course: CourseData): { decode(text: string): ProgressState | undefined; encode(state: ProgressState): string } {
  return {
    decode(text) {
      const decoded = decodeProgress(text, course);
      return decoded.ok ? decoded.state : undefined;
    },
    encode: (state) => encodeProgress(state, course),
  };
}

/**
 * The delivery side of one launch: the persisted queue (IndexedDB, else localStorage, else memory)
 * under `storeKey`, which names the endpoint, registration and activity and never a credential,
 * and the bookmark in the State document `scope`, mirrored in the same store.
 *
 * Statements an earlier page left in the store (offline, then closed) go first, under their own
 * ids (reliability X6); the completion, pass and progress among them count as already reported,
 * so this launch does not send them again. What an earlier page could only keep in its last word
 * (last-word.ts) is merged into the store first.
 */
export async function openDelivery(deps: LrsAdapterDependencies, client: LrsClient, scope: Omit<StateKey, 'stateId'>, storeKey: string): Promise<OpenedDelivery> {
  const opened = await (deps.openStore?.(storeKey) ?? openQueueStore({ indexedDB: deps.indexedDB, localStorage: deps.localStorage }, storeKey));
  await takeLastWord(deps.localStorage, storeKey, opened);
  const store = trackUnsaved(opened, deps.now);
  const page = `${deps.now().toString(36)}-${deps.random().toString(36).slice(2)}`;
  const lastWord = createLastWordKeeper({ storage: deps.localStorage, key: storeKey, page, store });
  const queue = createDeliveryQueue({
    client,
    store,
    timers: deps.timers,
    now: deps.now,
    random: deps.random,
    online: deps.online,
    ...(deps.baseDelayMs === undefined ? {} : { baseDelayMs: deps.baseDelayMs }),
  });
  const codec = codecOf(deps.course);
  const bookmark = createBookmark({
    document: createStateDocument({ client, key: { ...scope, stateId: PROGRESS_STATE_ID }, parse: parseProgressDocument }),
    timers: deps.timers,
    now: deps.now,
    merge: (texts) => mergeEncoded(texts, codec),
    settled: (seq) => queue.settled(seq),
    watch: (listener) => queue.watch(listener),
    mirror: { load: () => store.loadMirror(), save: (value) => store.saveMirror(value) },
    ...(deps.coalesceMs === undefined ? {} : { coalesceMs: deps.coalesceMs }),
  });
  const saved = await bookmark.load();
  const restored = await queue.start();
  const noted = createReplayGuard(bookmark, { once: true });
  for (const statement of restored) noted.sent(statement);
  const text = saved?.progress;
  const resumed = text === undefined ? undefined : codec.decode(text);
  return { queue, bookmark, lastWord, resumed, partial: text !== undefined && resumed === undefined };
}
