// The last word of a page that leaves before its store commits (reliability X6): what goes in it,
// how big it may be, and how the next launch merges it (no statement twice, no bookmark backwards).
import { describe, expect, it } from 'vitest';
import type { ProgressState } from '../../../../components/tracker.js';
import { createBookmark } from '../../../../components/runtime/lrs/bookmark.js';
import { createDeliveryQueue } from '../../../../components/runtime/lrs/delivery-queue.js';
import { createLastWordKeeper, takeLastWord } from '../../../../components/runtime/lrs/last-word-keeper.js';
import { createLrsSession } from '../../../../components/runtime/lrs/lrs-session.js';
import { LAST_WORD_MAX_CHARS, lastWordName, mergeLastWord, parseLastWord, savedAtOf, stampMirror, writeLastWord, type LastWord } from '../../../../components/runtime/lrs/last-word.js';
import { createMemoryQueueStore, type QueuedItem, type QueueStore } from '../../../../components/runtime/lrs/queue-store.js';
import { trackUnsaved } from '../../../../components/runtime/lrs/unsaved-writes.js';
import { COURSE, manualTimers, MapStorage, statement } from './helpers.js';

const KEY = 'https://lrs.example/xapi/|reg-1|https://example.org/course';
const NAME = lastWordName(KEY);

const item = (seq: number, extra: Parameters<typeof statement>[0] = {}): QueuedItem => {
  const made = statement(extra);
  return { seq, id: made.id, statement: made };
};

const mirror = (progress: string, savedAt: number): unknown => stampMirror({ progress, sent: {} }, savedAt);

/** A store over memory whose writes commit only when `commit()` is called (a busy IndexedDB). */
function slowStore(): { store: QueueStore; backing: Map<string, QueuedItem[]>; mirrors: Map<string, unknown>; commit(): Promise<void> } {
  const backing = new Map<string, QueuedItem[]>();
  const mirrors = new Map<string, unknown>();
  const memory = createMemoryQueueStore(backing, KEY, mirrors);
  let waiting: (() => void)[] = [];
  const later = (write: () => Promise<void>): Promise<void> => new Promise((resolve) => waiting.push(() => void write().then(resolve)));
  return {
    backing,
    mirrors,
    store: { ...memory, add: (queued) => later(() => memory.add(queued)), saveMirror: (value) => later(() => memory.saveMirror(value)) },
    async commit() {
      const due = waiting;
      waiting = [];
      for (const write of due) write();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the merge of a last word into the store', () => {
  it('adds only the statements the store lacks, once each, in the order they were made across pages', () => {
    const [a, b, c, d] = [item(1), item(2), item(3), item(1)];
    if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('items');
    // Two pages of one attempt: d was made between b and c (timestamps), on the other page.
    const between = new Date(Date.parse(b.statement.timestamp ?? '') + 500).toISOString();
    const early = { ...d, statement: { ...d.statement, timestamp: between } };
    const word: LastWord = { pages: { one: { items: [a, b, c] }, two: { items: [early, b] } } };
    const merged = mergeLastWord(word, { ids: new Set([a.id]), mirror: undefined });
    expect(merged.items.map((queued) => queued.id)).toEqual([b.id, early.id, c.id]);
  });

  it('adds nothing when the store already holds every statement (they committed before the page went)', () => {
    const queued = [item(1), item(2)];
    const merged = mergeLastWord({ pages: { one: { items: queued, bookmark: mirror('A', 10) } } }, { ids: new Set(queued.map((q) => q.id)), mirror: mirror('A', 10) });
    expect(merged).toEqual({ items: [] });
  });

  it('takes the bookmark only when it is newer than the stored one', () => {
    const word: LastWord = { pages: { one: { items: [], bookmark: mirror('old', 100) } } };
    expect(mergeLastWord(word, { ids: new Set(), mirror: mirror('newer, from another tab', 200) }).mirror).toBeUndefined();
    expect(mergeLastWord(word, { ids: new Set(), mirror: mirror('older', 50) }).mirror).toEqual(mirror('old', 100));
    expect(mergeLastWord(word, { ids: new Set(), mirror: undefined }).mirror).toEqual(mirror('old', 100));
    // A mirror stored before mirrors were stamped counts as the oldest.
    expect(mergeLastWord(word, { ids: new Set(), mirror: { progress: 'unstamped', sent: {} } }).mirror).toEqual(mirror('old', 100));
  });

  it('takes the newest of several pages\' bookmarks', () => {
    const word: LastWord = { pages: { one: { items: [], bookmark: mirror('one', 300) }, two: { items: [], bookmark: mirror('two', 200) } } };
    expect(savedAtOf(mergeLastWord(word, { ids: new Set(), mirror: undefined }).mirror)).toBe(300);
  });
});

describe('the last word as stored', () => {
  it('is ignored, without a throw, when it is not JSON, another version, or too long', () => {
    expect(parseLastWord(null)).toBeUndefined();
    expect(parseLastWord('{"v":1,"pages":')).toBeUndefined();
    expect(parseLastWord('{"v":2,"pages":{}}')).toBeUndefined();
    expect(parseLastWord('[1,2]')).toBeUndefined();
    expect(parseLastWord(JSON.stringify({ v: 1, pages: { one: { items: [] } }, pad: 'x'.repeat(LAST_WORD_MAX_CHARS) }))).toBeUndefined();
  });

  it('keeps only well-formed statements and bookmarks from an entry', () => {
    const good = item(1);
    const parsed = parseLastWord(JSON.stringify({ v: 1, pages: { one: { items: [good, { seq: 'x' }, null], bookmark: 'text' }, two: 7 } }));
    expect(parsed).toEqual({ pages: { one: { items: [good] } } });
  });

  it('stays within its size: the oldest statements first, the bookmark only with all of them', () => {
    const many = Array.from({ length: 40 }, (_, index) => item(index + 1, { result: { response: 'r'.repeat(400) } }));
    const text = writeLastWord(undefined, 'one', { items: many, bookmark: mirror('B', 1) }, 8000);
    expect(text?.length).toBeLessThanOrEqual(8000);
    const parsed = parseLastWord(text ?? null);
    const kept = parsed?.pages['one']?.items ?? [];
    expect(kept.length).toBeGreaterThan(5);
    expect(kept).toEqual(many.slice(0, kept.length));
    expect(parsed?.pages['one']?.bookmark).toBeUndefined();
    const all = parseLastWord(writeLastWord(undefined, 'one', { items: many.slice(0, 2), bookmark: mirror('B', 1) }, 8000) ?? null);
    expect(all?.pages['one']).toEqual({ items: many.slice(0, 2), bookmark: mirror('B', 1) });
  });

  it('keeps the other pages\' entries beside this page\'s', () => {
    const [a, b] = [item(1), item(1)];
    const text = writeLastWord({ pages: { two: { items: [b] } } }, 'one', { items: [a] });
    expect(parseLastWord(text ?? null)).toEqual({ pages: { one: { items: [a] }, two: { items: [b] } } });
  });
});

describe('the next launch', () => {
  it('merges the last word into the store, then removes it', async () => {
    const storage = new MapStorage();
    const backing = new Map<string, QueuedItem[]>();
    const mirrors = new Map<string, unknown>();
    const store = createMemoryQueueStore(backing, KEY, mirrors);
    const [a, b] = [item(1), item(2)];
    await store.add(a);
    await store.saveMirror(mirror('stored', 100));
    storage.setItem(NAME, writeLastWord(undefined, 'one', { items: [a, b], bookmark: mirror('left', 200) }) ?? '');
    expect(await takeLastWord(storage, KEY, store)).toBe('merged');
    expect((await store.load()).map((queued) => queued.id)).toEqual([a.id, b.id]);
    expect(await store.loadMirror()).toEqual(mirror('left', 200));
    expect(storage.getItem(NAME)).toBeNull();
  });

  it('ignores a corrupt or oversized item, removes it, and leaves the store as it was', async () => {
    for (const text of ['{"v":1,"pages":{"one":{"items":[', `{"v":1,"pages":{},"pad":"${'x'.repeat(LAST_WORD_MAX_CHARS)}"}`]) {
      const storage = new MapStorage();
      const store = createMemoryQueueStore(new Map(), KEY);
      await store.saveMirror(mirror('stored', 100));
      storage.setItem(NAME, text);
      expect(await takeLastWord(storage, KEY, store)).toBe('none');
      expect(await store.load()).toEqual([]);
      expect(await store.loadMirror()).toEqual(mirror('stored', 100));
      expect(storage.getItem(NAME)).toBeNull();
    }
  });

  it('keeps the item for the launch after when the store refuses the statements', async () => {
    const storage = new MapStorage();
    const memory = createMemoryQueueStore(new Map(), KEY);
    const refusing: QueueStore = { ...memory, add: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const text = writeLastWord(undefined, 'one', { items: [item(1)] }) ?? '';
    storage.setItem(NAME, text);
    expect(await takeLastWord(storage, KEY, refusing)).toBe('kept');
    expect(storage.getItem(NAME)).toBe(text);
  });

  it('reads nothing when storage refuses access', async () => {
    const storage = new MapStorage();
    storage.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(await takeLastWord(storage, KEY, createMemoryQueueStore(new Map(), KEY))).toBe('none');
  });
});

describe('a page that hides before its store commits', () => {
  it('keeps its uncommitted statements and bookmark, and removes them once they commit', async () => {
    const storage = new MapStorage();
    const slow = slowStore();
    let clock = 1000;
    const store = trackUnsaved(slow.store, () => clock);
    const keeper = createLastWordKeeper({ storage, key: KEY, page: 'one', store });
    const [a, b] = [item(1), item(2)];
    void store.add(a);
    void store.add(b);
    clock = 2000;
    void store.saveMirror({ progress: 'P', sent: {} });
    keeper.write();
    expect(parseLastWord(storage.getItem(NAME))).toEqual({ pages: { one: { items: [a, b], bookmark: mirror('P', 2000) } } });
    await slow.commit();
    expect(storage.getItem(NAME)).toBeNull();
    expect(slow.mirrors.get(KEY)).toEqual(mirror('P', 2000));
  });

  it('writes nothing when everything has committed, and leaves delivered statements out', async () => {
    const storage = new MapStorage();
    const slow = slowStore();
    const store = trackUnsaved(slow.store, () => 1);
    const keeper = createLastWordKeeper({ storage, key: KEY, page: 'one', store });
    const [a, b] = [item(1), item(2)];
    void store.add(a);
    void store.add(b);
    await slow.commit();
    keeper.write();
    expect(storage.getItem(NAME)).toBeNull();
    const c = item(3);
    void store.add(c);
    // Delivered before its write committed: the LRS has it.
    void store.remove([c]);
    keeper.write();
    expect(storage.getItem(NAME)).toBeNull();
  });

  it('leaves another page\'s entry when it clears its own, and survives a full storage', () => {
    const other = item(1);
    const storage = new MapStorage(4000);
    storage.setItem(NAME, writeLastWord(undefined, 'two', { items: [other] }) ?? '');
    const slow = slowStore();
    const store = trackUnsaved(slow.store, () => 1);
    const keeper = createLastWordKeeper({ storage, key: KEY, page: 'one', store });
    const mine = item(1);
    void store.add(mine);
    keeper.write();
    expect(Object.keys(parseLastWord(storage.getItem(NAME))?.pages ?? {}).sort()).toEqual(['one', 'two']);
    keeper.clear();
    expect(parseLastWord(storage.getItem(NAME))).toEqual({ pages: { two: { items: [other] } } });
    // Too big for what is left of the quota: no throw, and the other page's entry is still there.
    void store.add(item(2, { result: { response: 'r'.repeat(5000) } }));
    expect(() => keeper.write()).not.toThrow();
    expect(parseLastWord(storage.getItem(NAME))).toEqual({ pages: { two: { items: [other] } } });
  });
});

describe('a session whose page hides, then closes, before its store commits', () => {
  it('leaves a last word the next launch resumes from, with every statement once', async () => {
    const storage = new MapStorage();
    const slow = slowStore();
    const clock = manualTimers();
    const store = trackUnsaved(slow.store, clock.now);
    // The LRS is out of reach: nothing is ever acknowledged.
    const queue = createDeliveryQueue({ client: { postStatements: () => new Promise(() => undefined) }, store, timers: clock.timers, online: () => false });
    await queue.start();
    const bookmark = createBookmark({
      document: { read: () => Promise.resolve(undefined), write: () => Promise.resolve(false) },
      timers: clock.timers,
      settled: (seq) => queue.settled(seq),
      watch: (listener) => queue.watch(listener),
      mirror: { load: () => store.loadMirror(), save: (value) => store.saveMirror(value) },
    });
    const lastWord = createLastWordKeeper({ storage, key: KEY, page: 'one', store });
    const made: string[] = [];
    const session = createLrsSession({
      queue,
      bookmark,
      lastWord,
      emit: () => {
        const next = statement();
        made.push(next.id);
        return next;
      },
      encode: (state) => `at ${state.location}`,
      terminateAfterDrain: false,
      timers: clock.timers,
    });
    const page = COURSE.pages[2];
    if (page === undefined) throw new Error('course');
    const state = (location: number): ProgressState => ({ location, visited: [], answers: {}, activities: {}, completed: false });
    session.record({ kind: 'page-viewed', page, progress: 50 }, state(1));
    session.hide();
    expect(parseLastWord(storage.getItem(NAME))?.pages['one']?.items.map((queued) => queued.id)).toEqual(made);
    // Recorded while hidden: the last word follows.
    session.record({ kind: 'page-viewed', page, progress: 100 }, state(2));
    expect(parseLastWord(storage.getItem(NAME))?.pages['one']).toMatchObject({ items: made.map((id) => ({ id })), bookmark: { progress: 'at 2' } });
    // Shown again: the page's own writes will do.
    session.show();
    expect(storage.getItem(NAME)).toBeNull();
    session.hide();
    // The page is gone before the store committed anything; the next launch starts from the last word.
    const next = createMemoryQueueStore(new Map(), KEY);
    expect(await takeLastWord(storage, KEY, next)).toBe('merged');
    expect((await next.load()).map((queued) => queued.id)).toEqual(made);
    expect(await next.loadMirror()).toMatchObject({ progress: 'at 2' });
    expect(slow.backing.get(KEY)).toBeUndefined();
  });
});
