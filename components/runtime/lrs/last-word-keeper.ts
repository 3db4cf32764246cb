/**
 * Writes a page's last word (last-word.ts) when it hides, removes it when the page is back or the
 * writes it covers have committed, and merges what earlier pages left into the queue's store at
 * launch, before the queue and the bookmark read it (reliability X6).
 *
 * localStorage may be missing, refuse access (SecurityError) or be full (QuotaExceededError): then
 * there is no last word, and the store's own writes are all there is, as without it.
 */
import { lastWordName, mergeLastWord, parseLastWord, withoutPages, writeLastWord, type LastWord, type LastWordEntry } from './last-word.js';
import type { QueueStore } from './queue-store.js';
import type { TrackedStore } from './unsaved-writes.js';

export interface LastWordKeeper {
  /** The page hides or leaves: keeps now, synchronously, what its store has not committed. */
  write(): void;
  /** The page is back (shown again, or restored from the back-forward cache): its entry goes. */
  clear(): void;
}

export interface LastWordKeeperOptions {
  readonly storage: Storage | undefined;
  /** The queue's store key (endpoint, registration and activity). */
  readonly key: string;
  /** This page's own name among the pages that share the queue. */
  readonly page: string;
  readonly store: TrackedStore;
}

/** Reads the item; undefined when absent, unreadable or refused. */
function read(storage: Storage, name: string): LastWord | undefined {
  try {
    return parseLastWord(storage.getItem(name));
  } catch {
    // SecurityError: storage refused since the launch; there is nothing to read.
    return undefined;
  }
}

/** Replaces the item (or removes it); false when the browser refused the write. */
function put(storage: Storage, name: string, text: string | undefined): boolean {
  try {
    if (text === undefined) storage.removeItem(name);
    else storage.setItem(name, text);
    return true;
  } catch {
    // QuotaExceededError or SecurityError: the store's own writes still stand.
    return false;
  }
}

export function createLastWordKeeper(options: LastWordKeeperOptions): LastWordKeeper {
  const { storage, page, store } = options;
  const name = lastWordName(options.key);
  // What this page's entry covers, while it has one in storage.
  let covered: { readonly ids: readonly string[]; readonly mirror: unknown } | undefined;

  function clear(): void {
    if (storage === undefined || covered === undefined) return;
    covered = undefined;
    const word = read(storage, name);
    if (word?.pages[page] === undefined) return;
    put(storage, name, withoutPages(word, new Set([page])));
  }

  // Once everything the entry covers is in the store, the entry has done its work.
  store.onSaved(() => {
    if (covered === undefined) return;
    const { items, mirror } = store.unsaved();
    const waiting = new Set(items.map((item) => item.id));
    if (covered.ids.some((id) => waiting.has(id))) return;
    if (covered.mirror !== undefined && mirror === covered.mirror) return;
    clear();
  });

  return {
    write() {
      if (storage === undefined) return;
      const { items, mirror } = store.unsaved();
      if (items.length === 0 && mirror === undefined) return clear();
      const own: LastWordEntry = mirror === undefined ? { items } : { items, bookmark: mirror };
      covered = put(storage, name, writeLastWord(read(storage, name), page, own)) ? { ids: items.map((item) => item.id), mirror } : undefined;
    },
    clear,
  };
}

export type LastWordOutcome = 'none' | 'merged' | 'kept';

/**
 * Merges the last word earlier pages left for `key` into `store`: their statements the store does
 * not hold, then their bookmark if it is newer than the stored mirror (in that order: the store
 * commits writes in order, so the mirror is never stored without its statements). The entries
 * merged are removed once stored; if the store refuses, they stay for the next launch ('kept').
 * A corrupt or oversized item is removed and ignored. Never rejects.
 */
export async function takeLastWord(storage: Storage | undefined, key: string, store: QueueStore): Promise<LastWordOutcome> {
  if (storage === undefined) return 'none';
  const name = lastWordName(key);
  let text: string | null;
  try {
    text = storage.getItem(name);
  } catch {
    // SecurityError: storage refused; nothing was left there for this launch.
    return 'none';
  }
  if (text === null) return 'none';
  const word = parseLastWord(text);
  if (word === undefined) {
    put(storage, name, undefined);
    return 'none';
  }
  try {
    const [stored, mirror] = await Promise.all([store.load(), store.loadMirror()]);
    const merge = mergeLastWord(word, { ids: new Set(stored.map((item) => item.id)), mirror });
    await Promise.all(merge.items.map((item) => store.add(item)));
    if (merge.mirror !== undefined) await store.saveMirror(merge.mirror);
  } catch {
    // The store refused (quota, a closed database): the item stays, and the next launch tries again.
    return 'kept';
  }
  // An entry another page rewrote meanwhile is newer than what was merged: it stays.
  const now = read(storage, name);
  if (now === undefined) return 'merged';
  const merged = Object.keys(word.pages).filter((other) => JSON.stringify(now.pages[other]) === JSON.stringify(word.pages[other]));
  put(storage, name, withoutPages(now, new Set(merged)));
  return 'merged';
}
