/**
 * One State API document with optimistic concurrency. xAPI 1.0.3 exempts the State resource from
 * concurrency headers (Communication 3.1), but a 2.0 LRS answers 409 to a header-less PUT of an
 * existing document and 412 to a stale ETag (reliability B4 / X13), so every write carries
 * `If-Match: <etag>` or `If-None-Match: *`, and a 412 re-reads, merges and retries.
 */
import type { LrsClient, StateKey } from './lrs-client.js';

/** A write retries after a conflict at most this many times (reliability X13). */
export const MAX_CONFLICT_RETRIES = 3;

export interface StateDocument<T> {
  /** The document, or undefined when absent or unreadable. Remembers its ETag for the next write. */
  read(): Promise<T | undefined>;
  /**
   * Writes `update(current)`. With `keepalive` (page hiding) there is one attempt only, since the
   * page may be gone before a reply. Resolves true when the LRS stored the document.
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
  // False until a GET or a PUT told us the server's ETag (or that there is no document).
  let known = false;

  async function read(): Promise<T | undefined> {
    const reply = await client.getState(key);
    if (reply.status === 404) {
      current = undefined;
      etag = undefined;
      known = true;
    } else if (ok(reply.status)) {
      current = parse(reply.body);
      etag = reply.etag;
      // A 1.0.3 LRS may send no ETag; we then write without If-Match only if it never had one.
      known = true;
    }
    return current;
  }

  async function write(update: (current: T | undefined) => T, keepalive = false): Promise<boolean> {
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      if (!known && !keepalive) await read();
      const next = update(current);
      const reply = await client.putState(key, next, etag, keepalive);
      if (ok(reply.status)) {
        current = next;
        etag = reply.etag;
        known = reply.etag !== undefined;
        return true;
      }
      // 412: someone else wrote since our read; 409: it exists and we sent If-None-Match (X13).
      if (reply.status !== 412 && reply.status !== 409) return false;
      if (keepalive) return false;
      known = false;
    }
    return false;
  }

  return { read, write };
}
