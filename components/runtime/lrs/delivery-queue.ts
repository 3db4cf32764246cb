/**
 * Statement delivery with the guarantees content-side xAPI libraries leave out (reliability
 * findings 5-7, cases X1-X7): a persisted queue, one request in flight, batches, backoff with
 * jitter, `Retry-After`, idempotent replays by client-assigned ids, bisection of oversized and
 * poisoned batches, and a keepalive flush when the page hides.
 */
import type { Statement } from '@xapi/xapi';
import { backoffDelay, retryAfterMs } from './backoff.js';
import type { LrsClient, LrsReply } from './lrs-client.js';
import type { Outcome } from './batch-delivery.js';
import type { QueuedItem, QueueStore } from './queue-store.js';
import { createBatchDelivery, describeRejection, verdict } from './batch-delivery.js';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DeadLetter {
  readonly id: string;
  readonly status: number;
  readonly reason: string;
  readonly statement: Statement;
}

export interface DeliveryQueueOptions {
  readonly client: Pick<LrsClient, 'postStatements'>;
  readonly store: QueueStore;
  readonly timers?: Timers;
  readonly now?: () => number;
  readonly random?: () => number;
  /** `navigator.onLine`; while false nothing is sent, and `resume()` restarts delivery (X6). */
  readonly online?: () => boolean;
  /** First retry delay in ms (default 1000): retry n waits [base·2^n, base·2^n·1.5]. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Statements per POST (default 20). */
  readonly batchSize?: number;
  /** Largest keepalive body in bytes: browsers cap keepalive bodies in flight at 64 KiB (R37). */
  readonly keepaliveLimit?: number;
  /** Called when `saving`, the dead letters or the pending count change. */
  readonly onChange?: () => void;
}

export interface DeliveryQueue {
  /**
   * Loads what an earlier page left in the store, then starts sending. Restored statements that
   * `belongs` refuses (another cmi5 session's, X10) are dead-lettered, never replayed.
   */
  start(belongs?: (statement: Statement) => boolean): Promise<void>;
  /** Queues a statement (it must carry its `id`). `solo` items wait for every earlier ack (X7). */
  enqueue(statement: Statement & { id: string }, options?: { solo?: boolean }): void;
  /**
   * Page hiding (`visibilitychange` hidden, `pagehide`; never `unload`): one keepalive POST with the
   * leading statements that fit, and keepalive for every request until `stay()`.
   */
  flush(): void;
  /** The page is visible again: requests go without keepalive. */
  stay(): void;
  /** Resolves once everything queued before the call is acknowledged or dead-lettered. */
  drain(): Promise<void>;
  /** Connection is back (`online` event): retry now. */
  resume(): void;
  /** False when the last store write failed (quota): statements then live in memory only. */
  readonly saving: boolean;
  readonly pending: number;
  readonly deadLetters: readonly DeadLetter[];
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const { client, store } = options;
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const online = options.online ?? (() => true);
  const base = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 300_000;
  const batchSize = options.batchSize ?? 20;
  const keepaliveLimit = options.keepaliveLimit ?? 60 * 1024;
  const changed = options.onChange ?? (() => undefined);

  let items: QueuedItem[] = [];
  let seq = 0;
  let started = false;
  let running = false;
  let timer: unknown;
  let failures = 0;
  let saving = true;
  const deadLetters: DeadLetter[] = [];
  const waiters: { readonly upTo: number; readonly resolve: () => void }[] = [];

  function setSaving(value: boolean): void {
    if (saving !== value) {
      saving = value;
      changed();
    }
  }

  function settle(): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (waiter !== undefined && !items.some((item) => item.seq <= waiter.upTo)) {
        waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  function forget(done: readonly QueuedItem[]): void {
    const ids = new Set(done.map((item) => item.id));
    const before = items.length;
    items = items.filter((item) => !ids.has(item.id));
    if (items.length !== before) changed();
    store.remove(done).then(
      () => undefined,
      () => setSaving(false),
    );
    settle();
  }

  function deadLetter(item: QueuedItem, reply: LrsReply): void {
    // Not retried: the same bytes would be refused again and would block everything behind them.
    deadLetters.push({ id: item.id, status: reply.status, reason: describeRejection(reply), statement: item.statement });
    forget([item]);
  }

  // Ids and bytes in keepalive requests still in flight: browsers cap those bodies together (R37).
  const keepaliveIds = new Set<string>();
  let keepaliveBytes = 0;
  let leaving = false;

  const encoder = new TextEncoder();
  const sizeOf = (item: QueuedItem): number => encoder.encode(JSON.stringify(item.statement)).length + 1;

  async function send(batch: readonly QueuedItem[], keepalive = leaving): Promise<LrsReply> {
    const bytes = keepalive ? batch.reduce((sum, item) => sum + sizeOf(item), 2) : 0;
    if (keepalive) {
      for (const item of batch) keepaliveIds.add(item.id);
      keepaliveBytes += bytes;
    }
    try {
      return await client.postStatements(
        batch.map((item) => item.statement),
        keepalive,
      );
    } finally {
      if (keepalive) {
        for (const item of batch) keepaliveIds.delete(item.id);
        keepaliveBytes -= bytes;
      }
    }
  }

  const { deliver } = createBatchDelivery({
    send: (batch) => send(batch),
    accept: forget,
    reject: deadLetter,
  });

  function nextBatch(): QueuedItem[] {
    const first = items[0];
    if (first === undefined) return [];
    if (first.solo === true) return [first];
    const batch: QueuedItem[] = [];
    for (const item of items) {
      if (item.solo === true || batch.length >= batchSize) break;
      batch.push(item);
    }
    return batch;
  }

  function schedule(ms: number): void {
    timer = timers.setTimeout(() => {
      timer = undefined;
      void pump();
    }, ms);
  }

  async function pump(): Promise<void> {
    if (!started || running || timer !== undefined) return;
    if (!online()) return;
    const batch = nextBatch();
    if (batch.length === 0) return;
    running = true;
    let outcome: Outcome;
    try {
      outcome = await deliver(batch);
    } finally {
      running = false;
    }
    if (outcome.kind === 'retry') {
      // Retries keep the statements' ids and timestamps (X1): the items are resent as stored.
      const backoff = backoffDelay(failures, base, maxDelay, random);
      failures += 1;
      const asked = retryAfterMs(outcome.reply.retryAfter, now());
      schedule(asked === undefined ? backoff : Math.max(asked, backoff));
      return;
    }
    failures = 0;
    void pump();
  }

  function persist(item: QueuedItem): void {
    store.add(item).then(
      () => setSaving(true),
      () => setSaving(false),
    );
  }

  return {
    async start(belongs = () => true) {
      let stored: QueuedItem[] = [];
      try {
        stored = await store.load();
      } catch {
        setSaving(false);
      }
      const known = new Set(items.map((item) => item.id));
      const foreign = stored.filter((item) => !belongs(item.statement));
      for (const item of foreign) deadLetters.push({ id: item.id, status: 0, reason: 'queued by an earlier session', statement: item.statement });
      if (foreign.length > 0) forget(foreign);
      const restored = stored.filter((item) => !known.has(item.id) && belongs(item.statement));
      seq = Math.max(seq, ...restored.map((item) => item.seq + 1));
      // Statements queued while loading get numbers after the restored ones (X6: timestamp order).
      const early = items.map((item) => ({ ...item, seq: seq++ }));
      items = [...restored, ...early];
      started = true;
      for (const item of early) persist(item);
      settle();
      void pump();
    },
    enqueue(statement, enqueueOptions = {}) {
      const item: QueuedItem =
        enqueueOptions.solo === true
          ? { seq: seq++, id: statement.id, statement, solo: true }
          : { seq: seq++, id: statement.id, statement };
      items.push(item);
      if (started) persist(item);
      changed();
      void pump();
    },
    flush() {
      leaving = true;
      // Statements already in a keepalive request are not sent twice: a batch holding a known id may
      // be refused whole (409), which would take the new statements down with it.
      const body: QueuedItem[] = [];
      let bytes = 2 + keepaliveBytes;
      for (const item of items) {
        if (keepaliveIds.has(item.id)) continue;
        const size = sizeOf(item);
        if (bytes + size > keepaliveLimit) break;
        bytes += size;
        body.push(item);
      }
      if (body.length === 0) return;
      void send(body, true).then((reply) => {
        if (verdict(reply.status) === 'ok' || (reply.status === 409 && body.length === 1)) forget(body);
      });
    },
    stay() {
      leaving = false;
    },
    drain() {
      const upTo = seq - 1;
      return new Promise<void>((resolve) => {
        waiters.push({ upTo, resolve });
        settle();
      });
    },
    resume() {
      if (timer !== undefined) {
        timers.clearTimeout(timer);
        timer = undefined;
      }
      failures = 0;
      void pump();
    },
    get saving() {
      return saving;
    },
    get pending() {
      return items.length;
    },
    deadLetters,
  };
}
