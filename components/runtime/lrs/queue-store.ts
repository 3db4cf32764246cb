/**
 * Where undelivered statements wait, so they survive a reload, a closed tab or a crash (reliability
 * X6, X15): IndexedDB first (each write is one transaction, so a killed page never leaves half a
 * queue), localStorage when IndexedDB is missing or refuses to open, memory when neither works.
 * Every store holds one queue, keyed by endpoint, registration and activity; nothing secret goes in.
 *
 * Beside the queue, a store keeps a local copy of the bookmark (the "mirror"), written after the
 * statements it depends on: a launch after an offline spell resumes from it, and delivers those
 * statements, even though the LRS never received the last bookmark.
 */
import type { Statement } from '@xapi/xapi';

export interface QueuedItem {
  /** Enqueue order within one page's queue (a tie-breaker after the timestamp, X6). */
  readonly seq: number;
  readonly id: string;
  readonly statement: Statement;
  /** Sent alone and only once everything before it is acknowledged (cmi5 `terminated`, X7). */
  readonly solo?: true;
}

export interface QueueStore {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  /** The stored items in delivery order (statement timestamp, then `seq`). */
  load(): Promise<QueuedItem[]>;
  /** Rejects when the item could not be stored (quota, storage disabled). */
  add(item: QueuedItem): Promise<void>;
  remove(items: readonly QueuedItem[]): Promise<void>;
  /** The local bookmark copy (JSON), undefined when none. */
  loadMirror(): Promise<unknown>;
  /** Stored after every `add` called before it (one ordered stream of writes). */
  saveMirror(value: unknown): Promise<void>;
}

/** A stored record that is a queued statement (records come back from storage unchecked). */
export function isQueuedItem(value: unknown): value is QueuedItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item['seq'] === 'number' && typeof item['id'] === 'string' && typeof item['statement'] === 'object';
}

/**
 * Statements in the order they happened: by timestamp (xAPI 4.5, always UTC here), then by `seq`.
 * Two tabs of one attempt may both have written to the store, each with its own `seq` numbers.
 */
export function deliveryOrder(a: QueuedItem, b: QueuedItem): number {
  const ta = a.statement.timestamp ?? '';
  const tb = b.statement.timestamp ?? '';
  return ta === tb ? a.seq - b.seq : ta < tb ? -1 : 1;
}

/** A store over caller-owned Maps, which may outlive the queue (tests simulate reloads with them). */
export function createMemoryQueueStore(backing: Map<string, QueuedItem[]> = new Map(), key = 'queue', mirrors: Map<string, unknown> = new Map()): QueueStore {
  const list = (): QueuedItem[] => backing.get(key) ?? [];
  return {
    kind: 'memory',
    load: () => Promise.resolve([...list()].sort(deliveryOrder)),
    add(item) {
      backing.set(key, [...list().filter((other) => other.id !== item.id), item]);
      return Promise.resolve();
    },
    remove(items) {
      const gone = new Set(items.map((item) => item.id));
      backing.set(key, list().filter((item) => !gone.has(item.id)));
      return Promise.resolve();
    },
    loadMirror: () => Promise.resolve(mirrors.get(key)),
    saveMirror(value) {
      mirrors.set(key, value);
      return Promise.resolve();
    },
  };
}

export function createLocalStorageQueueStore(storage: Storage, key: string): QueueStore {
  const name = `coursemark:lrs-queue:${key}`;
  const mirrorName = `coursemark:lrs-bookmark:${key}`;
  function parse(text: string | null): unknown {
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A value we cannot parse was not written by us whole; start empty rather than stall.
      return undefined;
    }
  }
  function read(): QueuedItem[] {
    const parsed = parse(storage.getItem(name));
    return Array.isArray(parsed) ? parsed.filter(isQueuedItem).sort(deliveryOrder) : [];
  }
  // setItem replaces the whole value at once, so a killed page leaves the old or the new queue.
  const save = (items: readonly QueuedItem[]): void => {
    if (items.length === 0) storage.removeItem(name);
    else storage.setItem(name, JSON.stringify(items));
  };
  return {
    kind: 'localstorage',
    load: () => Promise.resolve(read()),
    add: async (item) => save([...read().filter((other) => other.id !== item.id), item]),
    remove: async (items) => {
      const gone = new Set(items.map((item) => item.id));
      save(read().filter((item) => !gone.has(item.id)));
    },
    loadMirror: () => Promise.resolve(parse(storage.getItem(mirrorName))),
    saveMirror: async (value) => storage.setItem(mirrorName, JSON.stringify(value)),
  };
}

const DB_NAME = 'coursemark-lrs';
/** Version 2 keys statements by id: two tabs of one attempt never overwrite each other's items. */
const DB_VERSION = 2;
const ITEMS = 'statements';
const MIRRORS = 'bookmarks';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

function upgrade(open: IDBOpenDBRequest): void {
  const db = open.result;
  // Compound key [queue, id]: one range read returns a queue; an id is stored once.
  const items = db.createObjectStore(ITEMS, { keyPath: ['queue', 'id'] });
  db.createObjectStore(MIRRORS);
  // Version 1 kept items under [queue, seq]: carry them over, in the upgrade's own transaction.
  if (!db.objectStoreNames.contains('queue')) return;
  const old = open.transaction?.objectStore('queue');
  if (old === undefined) return;
  old.openCursor().onsuccess = (event) => {
    const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
    if (cursor === null) {
      db.deleteObjectStore('queue');
      return;
    }
    items.put(cursor.value);
    cursor.continue();
  };
}

export async function createIndexedDbQueueStore(factory: IDBFactory, key: string): Promise<QueueStore> {
  const open = factory.open(DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => upgrade(open);
  const opened = done(open);
  // A tab of an older version holding the database open blocks the upgrade: use another store.
  const blocked = new Promise<never>((_, reject) => {
    open.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
  });
  const db = await Promise.race([opened, blocked]);
  // Let a later version upgrade while this page is open.
  db.onversionchange = () => db.close();
  const range = IDBKeyRange.bound([key, ''], [key, '\uffff']);
  // Readwrite transactions over overlapping stores commit in the order they were created, so a
  // mirror written after an `add` is never on disk without it.
  const write = async (change: (items: IDBObjectStore, mirrors: IDBObjectStore) => void): Promise<void> => {
    const transaction = db.transaction([ITEMS, MIRRORS], 'readwrite');
    change(transaction.objectStore(ITEMS), transaction.objectStore(MIRRORS));
    const finished = committed(transaction);
    // Commit now rather than once the page has seen every request succeed: a page closed in the
    // meantime would abort the transaction (Indexed Database API 3.0, `IDBTransaction.commit()`;
    // browsers before it commit on their own, as before).
    if (typeof transaction.commit === 'function') transaction.commit();
    await finished;
  };
  return {
    kind: 'indexeddb',
    async load() {
      const records: unknown[] = await done(db.transaction(ITEMS, 'readonly').objectStore(ITEMS).getAll(range));
      return records.filter(isQueuedItem).sort(deliveryOrder);
    },
    add: (item) => write((items) => items.put({ ...item, queue: key })),
    remove: (gone) =>
      write((items) => {
        for (const item of gone) items.delete([key, item.id]);
      }),
    loadMirror: () => done(db.transaction(MIRRORS, 'readonly').objectStore(MIRRORS).get(key)),
    saveMirror: (value) => write((_, mirrors) => mirrors.put(value, key)),
  };
}

export interface QueueStoreSources {
  readonly indexedDB?: IDBFactory | undefined;
  readonly localStorage?: Storage | undefined;
}

/** The best store available; never rejects (memory is the last resort). */
export async function openQueueStore(sources: QueueStoreSources, key: string): Promise<QueueStore> {
  if (sources.indexedDB !== undefined) {
    try {
      return await createIndexedDbQueueStore(sources.indexedDB, key);
    } catch {
      // Private modes and some embedded browsers refuse IndexedDB; fall through to localStorage.
    }
  }
  if (sources.localStorage !== undefined) return createLocalStorageQueueStore(sources.localStorage, key);
  return createMemoryQueueStore(new Map(), key);
}
