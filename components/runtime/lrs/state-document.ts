/**
 * One State API document, read and written with whatever concurrency control the LRS offers.
 *
 * xAPI 1.0.3 exempts the State resource from concurrency headers (Communication 3.1), and many
 * LRSs send no ETag for it; a 2.0 LRS answers 409 to a header-less PUT of an existing document and
 * 412 to a stale ETag (reliability B4 / X13). So a write carries:
 * - `If-Match: <etag>` when the LRS gave us the document's ETag;
 * - `If-None-Match: *` when we know there is no document yet;
 * - nothing when the document exists and the LRS sends no ETag (never `If-None-Match: *`, which
 *   an existing document always fails with 412);
 * and a 412 or 409 re-reads the document, merges through `update` and tries again.
 */
import type { LrsClient, StateKey, StatePrecondition } from './lrs-client.js';

/** A write retries after a conflict at most this many times (reliability X13). */
export const MAX_CONFLICT_RETRIES = 3;

export interface StateDocument<T> {
  /** The document, or undefined when absent or unreadable. Remembers its ETag for the next write. */
  read(): Promise<T | undefined>;
  /**
   * Writes `update(current)`, where `current` is the latest document known (re-read after a
   * conflict). With `keepalive` (page hiding) there is one attempt only, since the page may be gone
   * before a reply. Resolves true when the LRS stored the document.
   */
  write(update: (current: T | undefined) => T, keepalive?: boolean): Promise<boolean>;
}

export interface StateDocumentOptions<T> {
  readonly client: LrsClient;
  readonly key: StateKey;
  /** Validates what the LRS returned; anything else counts as no document. */
  readonly parse: (body: unknown) => T | undefined;
}

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

export function createStateDocument<T>(options: StateDocumentOptions<T>): StateDocument<T> {
  const { client, key, parse } = options;
  let current: T | undefined;
  let etag: string | undefined;
  let exists: 'unknown' | 'absent' | 'present' = 'unknown';
  // Learned from a 409 to a header-less PUT: this LRS wants preconditions on every write.
  let strict = false;
  let writing = 0;

  async function read(): Promise<T | undefined> {
    const reply = await client.getState(key);
    if (reply.status === 404) {
      current = undefined;
      etag = undefined;
      exists = 'absent';
    } else if (ok(reply.status)) {
      current = parse(reply.body);
      etag = reply.etag;
      exists = 'present';
    }
    return current;
  }

  function precondition(keepalive: boolean): StatePrecondition {
    // A write still in flight will change the document and its ETag before this one arrives: what
    // we hold is stale, and this write carries everything the earlier one did. On an LRS that
    // honours xAPI 1.0.3 it goes without a precondition, so it cannot be refused for arriving
    // second; on a strict one the ETag we have is the best guess.
    if (keepalive && writing > 0) return strict && etag !== undefined ? { ifMatch: etag } : undefined;
    if (etag !== undefined) return { ifMatch: etag };
    if (exists === 'absent') return { ifNoneMatch: '*' };
    return undefined;
  }

  async function write(update: (current: T | undefined) => T, keepalive = false): Promise<boolean> {
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      const needsEtag = strict && etag === undefined && exists === 'present';
      if (!keepalive && (exists === 'unknown' || needsEtag)) await read();
      const next = update(current);
      const condition = precondition(keepalive);
      writing += 1;
      let reply;
      try {
        reply = await client.putState(key, next, condition, keepalive);
      } finally {
        writing -= 1;
      }
      if (ok(reply.status)) {
        current = next;
        exists = 'present';
        // Many LRSs answer a PUT without the new ETag; the next write then goes without If-Match.
        etag = reply.etag;
        return true;
      }
      // 412: someone wrote since our read; 409: a 2.0 LRS wants a precondition (X13).
      if (reply.status !== 412 && reply.status !== 409) return false;
      if (reply.status === 409 && condition === undefined) strict = true;
      if (keepalive) return false;
      exists = 'unknown';
      etag = undefined;
    }
    return false;
  }

  return { read, write };
}
