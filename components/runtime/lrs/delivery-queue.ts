/**
 * Statement delivery with the guarantees content-side xAPI libraries leave out (reliability
 * findings 5-7, cases X1-X7): a persisted queue, one request in flight, batches cut to the LRS's
 * learned limits, backoff with jitter, `Retry-After`, idempotent replays by client-assigned ids,
 * per-statement answers for refused batches, and keepalive requests when the page hides or exits.
 * The contract is written down in ../README.md ("The delivery queue").
 */
import type { Statement } from '@xapi/xapi';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { createBatchDelivery, describeRejection, type Outcome } from './batch-delivery.js';
import { createBatchLimits } from './batch-limits.js';
import type { LrsClient, LrsReply } from './lrs-client.js';
import { deliveryOrder, type QueuedItem, type QueueStore } from './queue-store.js';

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
  /**
   * Largest keepalive bodies in flight together, in bytes (default 48 KiB): browsers cap all of a
   * page's keepalive bodies at 64 KiB (R37), and the bookmark's last write needs its share.
   */
  readonly keepaliveLimit?: number;
  /** Called when `saving`, the dead letters or the pending statements change. */
  readonly onChange?: () => void;
}

/** How a statement is ordered against the others (cmi5 9.3, reliability X7). */
export type Ordering =
  /** Nothing after it goes out in a request sent before it is acknowledged (cmi5 `initialized`). */
  | 'fence'
  /** Sent alone, once everything before it is acknowledged (cmi5 `terminated`). */
  | 'solo';

export interface DeliveryQueue {
  /**
   * Loads what earlier pages left in the store and starts sending: those statements go first, in
   * their order and under their own ids (X6). Resolves with them.
   */
  start(): Promise<readonly Statement[]>;
  /** Queues a statement (it must carry its `id`); returns its sequence number. */
  enqueue(statement: Statement & { id: string }, ordering?: Ordering): number;
  /**
   * The page hides or the learner exits: everything not yet in a request goes now with keepalive,
   * in as many requests as the LRS's limits and the keepalive budget need, and every request is
   * sent with keepalive until `stay()`. With `lastChance` (the page is leaving for good), a solo
   * statement still waiting rides at the end of the request that carries everything before it,
   * in order, when nothing earlier is in flight and it all fits in one request.
   */
  flush(lastChance?: boolean): void;
  /** The page is visible again: requests go without keepalive. */
  stay(): void;
  /** Resolves once every statement up to `seq` (default: all queued so far) is acknowledged or dead-lettered. */
  drain(seq?: number): Promise<void>;
  /** True when no statement up to `seq` is still waiting. */
  settled(seq: number): boolean;
  /** Connection is back (`online` event): retry now. */
  resume(): void;
  /** Calls `listener` whenever statements are answered or queued. */
  watch(listener: () => void): void;
  /** The sequence number of the last statement queued (0 before any). */
  readonly lastSeq: number;
  /** False when the last store write failed (quota): statements then live in memory only. */
  readonly saving: boolean;
  readonly pending: number;
  readonly deadLetters: readonly DeadLetter[];
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

type Item = QueuedItem & { readonly fence?: true };

export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const { client, store } = options;
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const online = options.online ?? (() => true);
  const base = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 300_000;
  const batchSize = options.batchSize ?? 20;
  const keepaliveLimit = options.keepaliveLimit ?? 48 * 1024;
  const listeners: (() => void)[] = [];
  const changed = (): void => {
    options.onChange?.();
    for (const listener of listeners) listener();
  };
  const limits = createBatchLimits();

  let items: Item[] = [];
  let seq = 0;
  let started = false;
  let running = false;
  let timer: unknown;
  let failures = 0;
  let saving = true;
  let leaving = false;
  const deadLetters: DeadLetter[] = [];
  const waiters: { readonly upTo: number; readonly resolve: () => void }[] = [];
  // Ids in a request still waiting for its answer: a statement is never in two requests at once.
  const inFlight = new Set<string>();
  let keepaliveBytes = 0;

  function setSaving(value: boolean): void {
    if (saving !== value) {
      saving = value;
      changed();
    }
  }

  const settledUpTo = (upTo: number): boolean => !items.some((item) => item.seq <= upTo);

  function settle(): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (waiter !== undefined && settledUpTo(waiter.upTo)) {
        waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  function forget(done: readonly QueuedItem[]): void {
    const ids = new Set(done.map((item) => item.id));
    const before = items.length;
    items = items.filter((item) => !ids.has(item.id));
    store.remove(done).then(
      () => undefined,
      () => setSaving(false),
    );
    settle();
    if (items.length !== before) changed();
  }

  function deadLetter(item: QueuedItem, reply: LrsReply): void {
    // Not retried: the same bytes would be refused again and would block everything behind them.
    deadLetters.push({ id: item.id, status: reply.status, reason: describeRejection(reply), statement: item.statement });
    forget([item]);
  }

  async function send(batch: readonly QueuedItem[]): Promise<LrsReply> {
    const keepalive = leaving;
    const bytes = keepalive ? batch.reduce((sum, item) => sum + limits.bytesOf(item), 2) : 0;
    keepaliveBytes += bytes;
    try {
      return await client.postStatements(
        batch.map((item) => item.statement),
        keepalive,
      );
    } finally {
      keepaliveBytes -= bytes;
    }
  }

  const accept = (batch: readonly QueuedItem[]): void => {
    limits.accepted(batch);
    forget(batch);
  };
  const { deliver } = createBatchDelivery({ send, accept, reject: deadLetter, tooLarge: limits.refused });

  /** Runs one request sequence for `batch`, its items marked in flight until it is judged. */
  async function run(batch: readonly Item[]): Promise<Outcome> {
    for (const item of batch) inFlight.add(item.id);
    try {
      return await deliver(batch);
    } finally {
      for (const item of batch) inFlight.delete(item.id);
    }
  }

  /**
   * The statements the next request may carry, in order. The LRS reads a request in order, and one
   * request at a time keeps the order between requests; when requests run side by side (leaving),
   * a fence waits for everything before it, and nothing passes a fence still in flight. A solo
   * statement goes alone, after everything before it (but see `lastChance`).
   */
  function sendable(lastChance = false): Item[] {
    if (lastChance && inFlight.size === 0) return [...items];
    const out: Item[] = [];
    for (const [index, item] of items.entries()) {
      if (inFlight.has(item.id)) {
        if (item.fence === true || item.solo === true) break;
        continue;
      }
      if (item.solo === true) {
        if (index === 0) out.push(item);
        break;
      }
      if (item.fence === true && index > 0 && inFlight.size > 0) break;
      out.push(item);
    }
    return out;
  }

  function schedule(ms: number): void {
    timer = timers.setTimeout(() => {
      timer = undefined;
      void pump();
    }, ms);
  }

  function retryLater(reply: LrsReply): void {
    // Retries keep the statements' ids and timestamps (X1): the items are resent as stored.
    const backoff = backoffDelay(failures, base, maxDelay, random);
    failures += 1;
    const asked = retryAfterMs(reply.retryAfter, now());
    if (timer === undefined) schedule(asked === undefined ? backoff : Math.max(asked, backoff));
  }

  async function pump(): Promise<void> {
    if (!started || running || timer !== undefined || !online()) return;
    const batch = limits.take(sendable(), batchSize);
    if (batch.length === 0) return;
    running = true;
    let outcome: Outcome;
    try {
      outcome = await run(batch);
    } finally {
      running = false;
    }
    if (outcome.kind === 'retry') return retryLater(outcome.reply);
    failures = 0;
    void pump();
  }

  function persist(item: QueuedItem): void {
    store.add(item).then(
      () => setSaving(true),
      () => setSaving(false),
    );
  }

  /** X6/X11: the keepalive requests of a page that is leaving, each judged if an answer comes. */
  function sendLeaving(lastChance = false): void {
    for (;;) {
      const candidates = sendable(lastChance);
      const first = candidates[0];
      const budget = keepaliveLimit - keepaliveBytes;
      if (first === undefined || limits.bytesOf(first) + 2 > budget) return;
      void run(limits.take(candidates, batchSize, budget)).then((outcome) => {
        if (outcome.kind === 'retry') retryLater(outcome.reply);
        else void pump();
      });
    }
  }

  return {
    async start() {
      let stored: QueuedItem[] = [];
      try {
        stored = await store.load();
      } catch {
        setSaving(false);
      }
      const known = new Set(items.map((item) => item.id));
      const restored = stored.filter((item) => !known.has(item.id)).sort(deliveryOrder);
      // Their numbers came from another page: here they go first, numbered below this page's own.
      const early = items;
      items = [...restored.map((item, index) => ({ ...item, seq: index - restored.length })), ...early];
      started = true;
      for (const item of early) persist(item);
      for (const listener of listeners) listener();
      settle();
      void pump();
      return restored.map((item) => item.statement);
    },
    enqueue(statement, ordering) {
      const item: Item = { seq: ++seq, id: statement.id, statement, ...(ordering === 'solo' ? { solo: true as const } : {}), ...(ordering === 'fence' ? { fence: true as const } : {}) };
      items.push(item);
      if (started) persist(item);
      changed();
      // Leaving, a solo statement (terminated) rides behind what is left when nothing is in flight.
      if (leaving) sendLeaving(ordering === 'solo');
      else void pump();
      return item.seq;
    },
    flush(lastChance = false) {
      leaving = true;
      if (started) sendLeaving(lastChance);
    },
    stay() {
      leaving = false;
    },
    drain(upTo = seq) {
      return new Promise<void>((resolve) => {
        waiters.push({ upTo, resolve });
        settle();
      });
    },
    settled: settledUpTo,
    watch(listener) {
      listeners.push(listener);
    },
    resume() {
      if (timer !== undefined) {
        timers.clearTimeout(timer);
        timer = undefined;
      }
      failures = 0;
      void pump();
    },
    get lastSeq() {
      return seq;
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
