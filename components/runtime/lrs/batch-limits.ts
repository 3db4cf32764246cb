/**
 * How big a batch may be. The LRS's own limit is learned from its 413s (xAPI Communication 3.2:
 * "limits may vary"), in statements and in bytes, so later batches are cut below it before they are
 * sent instead of being refused and halved again; keepalive requests are also kept under the
 * browser's 64 KiB budget for bodies in flight during page dismissal (reliability R37).
 */
import type { QueuedItem } from './queue-store.js';

export interface BatchLimits {
  /** The encoded size of one statement in a batch body (its JSON plus a separator). */
  bytesOf(item: QueuedItem): number;
  /** Records a 413: batches as long or as heavy as this one are not tried again. */
  refused(batch: readonly QueuedItem[]): void;
  /** Records a stored batch: after a 413, batches stay within the largest one accepted. */
  accepted(batch: readonly QueuedItem[]): void;
  /**
   * The longest prefix of `items` that one POST may carry: at most `max` statements, under the
   * learned limits and under `budget` bytes. A single statement always fits (the LRS decides).
   */
  take(items: readonly QueuedItem[], max: number, budget?: number): QueuedItem[];
}

export function createBatchLimits(): BatchLimits {
  const encoder = new TextEncoder();
  const sizes = new WeakMap<QueuedItem, number>();
  let refusedCount = Number.POSITIVE_INFINITY;
  let refusedBytes = Number.POSITIVE_INFINITY;
  // The largest batch stored since the first 413: what is known to fit, so no size is probed twice.
  let safeCount = 0;
  let safeBytes = 0;
  const bytesOfBatch = (batch: readonly QueuedItem[]): number => batch.reduce((sum, item) => sum + bytesOf(item), 2);

  function bytesOf(item: QueuedItem): number {
    let size = sizes.get(item);
    if (size === undefined) {
      size = encoder.encode(JSON.stringify(item.statement)).length + 1;
      sizes.set(item, size);
    }
    return size;
  }

  return {
    bytesOf,
    refused(batch) {
      if (batch.length < 2) return;
      refusedCount = Math.min(refusedCount, batch.length);
      refusedBytes = Math.min(refusedBytes, bytesOfBatch(batch));
    },
    accepted(batch) {
      if (refusedCount === Number.POSITIVE_INFINITY) return;
      safeCount = Math.max(safeCount, batch.length);
      safeBytes = Math.max(safeBytes, bytesOfBatch(batch));
    },
    take(items, max, budget = Number.POSITIVE_INFINITY) {
      const batch: QueuedItem[] = [];
      let bytes = 2;
      const count = safeCount > 0 ? Math.min(safeCount, refusedCount - 1) : refusedCount - 1;
      const weight = safeBytes > 0 ? Math.min(safeBytes, refusedBytes - 1) : refusedBytes - 1;
      for (const item of items) {
        const size = bytesOf(item);
        const full = batch.length + 1 > count || bytes + size > weight || bytes + size > budget;
        if (batch.length >= max || (batch.length > 0 && full)) break;
        batch.push(item);
        bytes += size;
      }
      return batch;
    },
  };
}
