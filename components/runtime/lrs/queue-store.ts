/**
 * Where undelivered statements wait, so they survive a reload or a crash (reliability X6, X15):
 * IndexedDB first (each write is one transaction, so a killed page never leaves half a queue),
 * localStorage when IndexedDB is missing or refuses to open, memory when neither works.
 * Every store holds one queue, keyed by endpoint and registration; nothing secret goes in.
 */
import type { Statement } from '@xapi/xapi';

export interface QueuedItem {
  /** Enqueue order within the queue; the delivery order after a reload (X6). */
  readonly seq: number;
  readonly id: string;
  readonly statement: Statement;
  /** Sent alone and only once everything before it is acknowledged (cmi5 `terminated`, X7). */
  readonly solo?: true;
}

export interface QueueStore {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  /** The stored items in `seq` order. */
  load(): Promise<QueuedItem[]>;
  /** Rejects when the item could not be stored (quota, storage disabled). */
  add(item: QueuedItem): Promise<void>;
  remove(items: readonly QueuedItem[]): Promise<void>;
}

function isItem(value: unknown): value is QueuedItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item['seq'] === 'number' && typeof item['id'] === 'string' && typeof item['statement'] === 'object';
}

function bySeq(a: QueuedItem, b: QueuedItem): number {
  return a.seq - b.seq;
}

/** A store over a caller-owned Map, which may outlive the queue (tests simulate reloads with it). */
export function createMemoryQueueStore(backing: Map<string, QueuedItem[]> = new Map(), key = 'queue'): QueueStore {
  const list = (): QueuedItem[] => backing.get(key) ?? [];
  return {
    kind: 'memory',
    load: () => Promise.resolve([...list()].sort(bySeq)),
    add(item) {
      backing.set(key, [...list(), item]);
      return Promise.resolve();
    },
    remove(items) {
      const gone = new Set(items.map((item) => item.id));
      backing.set(key, list().filter((item) => !gone.has(item.id)));
      return Promise.resolve();
    },
  };
}

export function createLocalStorageQueueStore(storage: Storage, key: string): QueueStore {
  const name = `coursemark:lrs-queue:${key}`;
  function read(): QueuedItem[] {
    const text = storage.getItem(name);
    if (text === null) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed.filter(isItem).sort(bySeq) : [];
    } catch {
      // A value we cannot parse was not written by us whole; start an empty queue rather than stall.
      return [];
    }
  }
  // setItem replaces the whole value at once, so a killed page leaves the old or the new queue.
  const save = (items: readonly QueuedItem[]): void => {
    if (items.length === 0) storage.removeItem(name);
    else storage.setItem(name, JSON.stringify(items));
  };
  return {
    kind: 'localstorage',
    load: () => Promise.resolve(read()),
    add: async (item) => save([...read(), item]),
    remove: async (items) => {
      const gone = new Set(items.map((item) => item.id));
      save(read().filter((item) => !gone.has(item.id)));
    },
  };
}

const DB_NAME = 'coursemark-lrs';
const STORE = 'queue';

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

export async function createIndexedDbQueueStore(factory: IDBFactory, key: string): Promise<QueueStore> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    // Compound key [queue, seq]: one range read returns a queue in order.
    open.result.createObjectStore(STORE, { keyPath: ['queue', 'seq'] });
  };
  const db = await done(open);
  const range = IDBKeyRange.bound([key, -Infinity], [key, Infinity]);
  return {
    kind: 'indexeddb',
    async load() {
      const records: unknown[] = await done(db.transaction(STORE, 'readonly').objectStore(STORE).getAll(range));
      return records.filter(isItem).sort(bySeq);
    },
    async add(item) {
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put({ ...item, queue: key });
      await committed(transaction);
    },
    async remove(items) {
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      for (const item of items) store.delete([key, item.seq]);
      await committed(transaction);
    },
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
