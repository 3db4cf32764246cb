// Delivery queue against the loopback LRS over real HTTP (reliability X1-X6).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../../components/runtime/lrs/backoff.js';
import { createDeliveryQueue, type DeliveryQueue } from '../../../../components/runtime/lrs/delivery-queue.js';
import { createLrsClient, type FetchLike } from '../../../../components/runtime/lrs/lrs-client.js';
import { createLocalStorageQueueStore, createMemoryQueueStore, type QueuedItem, type QueueStore } from '../../../../components/runtime/lrs/queue-store.js';
import { startLrs, type RunningLrs } from '../../../support/lrs-server.js';
import { manualTimers, MapStorage, recordingFetch, settle, statement, waitFor, type ManualTimers } from './helpers.js';

const AUTH = 'Basic dGVzdDp0ZXN0';
let lrs: RunningLrs;
let clock: ManualTimers;

beforeEach(async () => {
  lrs = await startLrs();
  lrs.allowAuth(AUTH);
  clock = manualTimers();
});
afterEach(() => lrs.close());

function queueOver(store: QueueStore = createMemoryQueueStore(), extra: { online?: () => boolean; fetch?: FetchLike; random?: () => number } = {}): DeliveryQueue {
  const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch: extra.fetch ?? ((url, init) => fetch(url, init)) });
  return createDeliveryQueue({
    client,
    store,
    timers: clock.timers,
    now: clock.now,
    random: extra.random ?? Math.random,
    baseDelayMs: 1000,
    ...(extra.online === undefined ? {} : { online: extra.online }),
  });
}

/** Lets requests finish on real time and fires due retry timers, until the queue is empty. */
async function drive(queue: DeliveryQueue, rounds = 300): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await settle(10);
    if (queue.pending === 0) return;
    if (clock.pending() > 0) clock.fireNext();
  }
  throw new Error(`queue still holds ${queue.pending} statements`);
}

const statementPosts = (): number => lrs.requests().filter((r) => r.path === '/xapi/statements' && r.method === 'POST').length;

describe('backoff', () => {
  it('keeps every delay within [base·2^n, base·2^n·1.5]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const delay = backoffDelay(n, 1000, Number.POSITIVE_INFINITY, () => r);
        return delay >= 1000 * 2 ** n && delay <= 1000 * 2 ** n * 1.5;
      }),
    );
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 0);
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('X1: 503 three times, then 200, during a 50-statement session', () => {
  it('loses nothing, duplicates nothing, keeps ids and timestamps, and backs off within bounds', async () => {
    const queue = queueOver();
    await queue.start();
    lrs.failNext(3, { type: 'status', status: 503 });
    const sent = Array.from({ length: 50 }, () => statement());
    for (const [index, s] of sent.entries()) {
      queue.enqueue(s);
      if (index % 10 === 9) await settle(5);
    }
    await drive(queue);
    const stored = lrs.statements();
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((s) => s.id)).size).toBe(50);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const s of sent) expect(byId.get(s.id)?.timestamp).toBe(s.timestamp);
    expect(clock.delays.slice(0, 3)).toHaveLength(3);
    clock.delays.slice(0, 3).forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(1000 * 2 ** n);
      expect(delay).toBeLessThanOrEqual(1000 * 2 ** n * 1.5);
    });
  });
});

describe('X2: the LRS stores, then drops the connection', () => {
  for (const replayStatus of [204, 409] as const) {
    it(`treats the ${replayStatus} replay as delivered, one copy, no loop`, async () => {
      await lrs.close();
      lrs = await startLrs({ replayStatus });
      lrs.allowAuth(AUTH);
      const queue = queueOver();
      await queue.start();
      lrs.failNext(1, { type: 'reset-after-store' });
      const batch = Array.from({ length: 5 }, () => statement());
      for (const s of batch) queue.enqueue(s);
      await drive(queue);
      expect(lrs.statements().map((s) => s.id).sort()).toEqual(batch.map((s) => s.id).sort());
      expect(queue.deadLetters).toHaveLength(0);
      expect(statementPosts()).toBeLessThanOrEqual(replayStatus === 204 ? 2 : 2 + 2 * 5);
    });
  }
});

describe('X3: 429 with Retry-After', () => {
  it('waits at least 5 s and never has two requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const counting: FetchLike = async (url, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await fetch(url, init);
      } finally {
        inFlight -= 1;
      }
    };
    const queue = queueOver(createMemoryQueueStore(), { fetch: counting, random: () => 0 });
    await queue.start();
    lrs.failNext(1, { type: 'status', status: 429, retryAfter: '5' });
    for (let i = 0; i < 30; i++) queue.enqueue(statement());
    // The 429 answer arrives when the machine gets to it; then one retry waits, and nothing else.
    await waitFor(() => clock.pending() > 0);
    await settle(20);
    expect(clock.pending()).toBe(1);
    const before = statementPosts();
    expect(clock.fireNext()).toBeGreaterThanOrEqual(5000);
    await drive(queue);
    expect(statementPosts()).toBeGreaterThan(before);
    expect(most).toBe(1);
    expect(lrs.statements()).toHaveLength(30);
  });

  it('honours an HTTP-date Retry-After', async () => {
    const queue = queueOver(createMemoryQueueStore(), { random: () => 0 });
    await queue.start();
    lrs.failNext(1, { type: 'status', status: 429, retryAfter: new Date(clock.now() + 9000).toUTCString() });
    queue.enqueue(statement());
    await waitFor(() => clock.delays.length > 0);
    expect(clock.delays[0]).toBeGreaterThanOrEqual(8000);
    await drive(queue);
    expect(lrs.statements()).toHaveLength(1);
  });
});

describe('X4: 413 Request Entity Too Large', () => {
  it('halves a batch of 20 until accepted', async () => {
    lrs.limitBatch(3);
    const queue = queueOver();
    const sent = Array.from({ length: 20 }, () => statement());
    for (const s of sent) queue.enqueue(s);
    await queue.start();
    await drive(queue);
    expect(lrs.requests()[0]).toMatchObject({ status: 413 });
    expect(JSON.parse(lrs.requests()[0]?.body ?? '[]')).toHaveLength(20);
    expect(lrs.statements().map((s) => s.id).sort()).toEqual(sent.map((s) => s.id).sort());
    expect(queue.deadLetters).toHaveLength(0);
  });

  it('dead-letters a single statement that is still too large, and delivers the rest', async () => {
    const queue = queueOver();
    await queue.start();
    lrs.limitBatch(0);
    const big = statement();
    queue.enqueue(big);
    await drive(queue);
    expect(queue.deadLetters).toEqual([expect.objectContaining({ id: big.id, status: 413, reason: expect.stringContaining('413') })]);
    const posts = statementPosts();
    lrs.limitBatch(undefined);
    queue.enqueue(statement());
    await drive(queue);
    expect(statementPosts()).toBe(posts + 1);
    expect(lrs.statements()).toHaveLength(1);
  });
});

describe('X5: a poison statement in a batch', () => {
  for (const [size, status] of [
    [20, 400],
    [16, 403],
    [7, 400],
  ] as const) {
    it(`isolates it in a batch of ${size} (${status}) within ceil(log2(n)) + 1 extra requests, at every position`, async () => {
      for (let position = 0; position < size; position++) {
        await lrs.close();
        lrs = await startLrs();
        lrs.allowAuth(AUTH);
        const queue = queueOver();
        const sent = Array.from({ length: size }, () => statement());
        const poison = sent[position];
        if (poison === undefined) throw new Error('no poison');
        lrs.poison([poison.id], status);
        // Queued before start, so the first POST is the whole batch.
        for (const s of sent) queue.enqueue(s);
        await queue.start();
        await drive(queue);
        expect(JSON.parse(lrs.requests()[0]?.body ?? '[]')).toHaveLength(size);
        expect(queue.deadLetters.map((d) => d.id)).toEqual([poison.id]);
        expect(queue.deadLetters[0]?.reason).toContain(String(status));
        expect(lrs.statements()).toHaveLength(size - 1);
        expect(statementPosts() - 1).toBeLessThanOrEqual(Math.ceil(Math.log2(size)) + 1);
      }
      // One LRS per position: up to 20 starts, which a busy 2-core machine takes its time over.
    }, 60_000);
  }

  it('unblocks the queue: later statements go out', async () => {
    const queue = queueOver();
    await queue.start();
    const bad = statement();
    lrs.poison([bad.id]);
    queue.enqueue(bad);
    queue.enqueue(statement());
    await drive(queue);
    queue.enqueue(statement());
    await drive(queue);
    expect(lrs.statements()).toHaveLength(2);
  });
});

describe('X6: offline, reload while offline, then online', () => {
  async function offlineReload(makeStore: () => QueueStore): Promise<void> {
    let online = false;
    const first = queueOver(makeStore(), { online: () => online });
    await first.start();
    const sent = Array.from({ length: 50 }, () => statement());
    for (const s of sent) first.enqueue(s);
    await settle(50);
    expect(statementPosts()).toBe(0);
    // Reload: a new queue over the same persisted store, still offline.
    const second = queueOver(makeStore(), { online: () => online });
    await second.start();
    expect(second.pending).toBe(50);
    online = true;
    second.resume();
    await drive(second);
    const stored = lrs.statements();
    expect(stored.map((s) => s.id)).toEqual(sent.map((s) => s.id));
    expect(stored.map((s) => s.timestamp)).toEqual([...stored.map((s) => s.timestamp)].sort());
  }

  it('drains the persisted queue in timestamp order (Map-backed store)', async () => {
    const backing = new Map<string, QueuedItem[]>();
    await offlineReload(() => createMemoryQueueStore(backing, 'k'));
  });

  it('drains the persisted queue in timestamp order (localStorage fallback)', async () => {
    const storage = new MapStorage();
    await offlineReload(() => createLocalStorageQueueStore(storage, 'k'));
    expect(storage.length).toBe(0);
  });

  it('keeps going in memory and reports saving=false when storage is full', async () => {
    const storage = new MapStorage(10);
    const queue = queueOver(createLocalStorageQueueStore(storage, 'k'));
    await queue.start();
    queue.enqueue(statement());
    await settle(5);
    expect(queue.saving).toBe(false);
    await drive(queue);
    expect(lrs.statements()).toHaveLength(1);
  });
});

describe('drain and flush', () => {
  it('drain() waits for acknowledgements through retries', async () => {
    const queue = queueOver();
    await queue.start();
    lrs.failNext(2, { type: 'status', status: 503 });
    for (let i = 0; i < 3; i++) queue.enqueue(statement());
    let drained = false;
    void queue.drain().then(() => {
      drained = true;
    });
    await settle(50);
    expect(drained).toBe(false);
    await drive(queue);
    await settle(5);
    expect(drained).toBe(true);
  });

  it('flush() fills the 48 KiB keepalive budget with POSTs in order, and sends nothing twice', async () => {
    const recorder = recordingFetch();
    const queue = queueOver(createMemoryQueueStore(), { online: () => false, fetch: recorder.fetch });
    await queue.start();
    const padding = 'x'.repeat(1000);
    const sent = Array.from({ length: 60 }, () => statement({ result: { response: padding } }));
    for (const s of sent) queue.enqueue(s);
    queue.flush();
    queue.flush();
    const bodies = recorder.calls.map((call) => String(call.init?.body));
    expect(recorder.calls.length).toBeGreaterThan(1);
    expect(recorder.calls.every((call) => call.init?.keepalive === true)).toBe(true);
    expect(bodies.reduce((sum, body) => sum + new TextEncoder().encode(body).length, 0)).toBeLessThanOrEqual(48 * 1024);
    const ids = bodies.flatMap((body) => (JSON.parse(body) as { id: string }[]).map((s) => s.id));
    expect(ids).toEqual(sent.slice(0, ids.length).map((s) => s.id));
    await waitFor(() => recorder.inFlight() === 0);
    await settle(5);
    expect(queue.pending).toBe(60 - ids.length);
  });
});

describe('409 and 204 for a batch that holds a stored id (xAPI Communication 2.1.2)', () => {
  for (const answer of [409, 204] as const) {
    it(`an LRS that answers ${answer} and stores nothing: each statement gets its own answer, 0 lost, 0 duplicated`, async () => {
      await lrs.close();
      lrs = await startLrs({ knownIdInBatch: answer, replayStatus: answer });
      lrs.allowAuth(AUTH);
      const stored = Array.from({ length: 3 }, () => statement());
      // Stored already (a keepalive request whose answer never came back).
      const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch });
      expect((await client.postStatements(stored)).status).toBe(200);
      const queue = queueOver();
      const fresh = Array.from({ length: 9 }, () => statement());
      const all = [fresh[0], stored[0], ...fresh.slice(1, 5), stored[1], stored[2], ...fresh.slice(5)].filter((s) => s !== undefined);
      for (const s of all) queue.enqueue(s);
      await queue.start();
      await drive(queue);
      expect(lrs.requests().find((r) => r.method === 'POST' && JSON.parse(r.body).length === all.length)?.status).toBe(answer);
      const ids = lrs.statements().map((s) => s.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids)).toEqual(new Set(all.map((s) => s.id)));
      expect(queue.deadLetters).toEqual([]);
    });
  }
});

describe('batch sizes learned from 413', () => {
  it('after the first backlog is split, later batches are cut below the refused sizes before they are sent', async () => {
    lrs.limitBatch(3);
    const queue = queueOver();
    await queue.start();
    const refusedPerRound: number[] = [];
    for (let round = 0; round < 3; round++) {
      const before = lrs.requests().filter((r) => r.status === 413).length;
      for (let i = 0; i < 12; i++) queue.enqueue(statement());
      await drive(queue);
      refusedPerRound.push(lrs.requests().filter((r) => r.status === 413).length - before);
    }
    expect(refusedPerRound[0]).toBeGreaterThan(0);
    expect(refusedPerRound.slice(1)).toEqual([0, 0]);
    expect(lrs.statements()).toHaveLength(36);
    expect(new Set(lrs.statements().map((s) => s.id)).size).toBe(36);
  });
});

describe('statements in flight', () => {
  it('are never put in a second request by a flush (a slow LRS at page hide)', async () => {
    lrs.slow(300);
    const queue = queueOver();
    await queue.start();
    const first = statement();
    queue.enqueue(first);
    await settle(30); // `first` is in a request the LRS has not answered yet
    const later = Array.from({ length: 4 }, () => statement());
    for (const s of later) queue.enqueue(s);
    queue.flush();
    await drive(queue);
    const posted = lrs
      .requests()
      .filter((r) => r.path === '/xapi/statements')
      .flatMap((r) => (JSON.parse(r.body) as { id: string }[]).map((s) => s.id));
    expect(posted.filter((id) => id === first.id)).toHaveLength(1);
    expect(new Set(lrs.statements().map((s) => s.id)).size).toBe(5);
    expect(lrs.statements()).toHaveLength(5);
  });

  it('a queue restored from the store sends what it holds first and says what it restored', async () => {
    const backing = new Map<string, QueuedItem[]>();
    const earlier = queueOver(createMemoryQueueStore(backing, 'k'), { online: () => false });
    await earlier.start();
    const left = [statement(), statement()];
    for (const s of left) earlier.enqueue(s);
    await settle(10);
    const next = queueOver(createMemoryQueueStore(backing, 'k'));
    const fresh = statement();
    next.enqueue(fresh);
    const restored = await next.start();
    expect(restored.map((s) => s.id)).toEqual(left.map((s) => s.id));
    await drive(next);
    expect(lrs.statements().map((s) => s.id)).toEqual([...left, fresh].map((s) => s.id));
  });
});
