/**
 * How one batch reaches the LRS, and what each answer means for each of its statements
 * (reliability X2, X4, X5). Pure apart from the injected `send`; the queue decides when to call it.
 *
 * A statement leaves the queue only when the LRS said it holds it (a 200 for its batch, a 204 or
 * 409 for it alone) or refused it for its own reason (a 4xx for it alone); an answer about a
 * batch that does not say which statements it concerns splits the batch until it does.
 */
import type { LrsReply } from './lrs-client.js';
import type { QueuedItem } from './queue-store.js';

export type Outcome = { readonly kind: 'ok' } | { readonly kind: 'retry'; readonly reply: LrsReply };
const OK: Outcome = { kind: 'ok' };

export type Verdict = 'ok' | 'replayed' | 'too-large' | 'rejected' | 'retry';

/**
 * xAPI Communication 2.1.2: a POST is answered 200 with the stored ids; an id the LRS already holds
 * may be answered 409 or 204 with nothing stored, and a batch is stored whole or not at all. So a
 * 409 or 204 means "one of these is known", not "all delivered" (X2). 413 and 429 are normative
 * (3.2). 401 is retried with backoff (an LMS may be refreshing credentials); 400, 403 and other 4xx
 * are a verdict on the statements themselves.
 */
export function verdict(status: number): Verdict {
  if (status === 204 || status === 409) return 'replayed';
  if (status >= 200 && status < 300) return 'ok';
  if (status === 413) return 'too-large';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** The dead-letter reason: the status and, when the LRS gave one, its message. */
export function describeRejection(reply: LrsReply): string {
  const body = reply.body;
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['message'] : undefined;
  const message = typeof raw === 'string' ? raw.slice(0, 200) : '';
  const label = reply.status === 413 ? 'too large for the LRS' : 'rejected by the LRS';
  return `${label} (HTTP ${reply.status})${message === '' ? '' : `: ${message}`}`;
}

function halves(batch: readonly QueuedItem[]): [QueuedItem[], QueuedItem[]] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}

export interface BatchDeliveryOptions {
  readonly send: (batch: readonly QueuedItem[]) => Promise<LrsReply>;
  /** Stored (or already stored): drop from the queue. */
  readonly accept: (items: readonly QueuedItem[]) => void;
  /** Refused on its own: dead-letter, never retried. */
  readonly reject: (item: QueuedItem, reply: LrsReply) => void;
  /** Told of every 413, so later batches are cut below the size that was refused before sending. */
  readonly tooLarge?: (batch: readonly QueuedItem[]) => void;
}

export function createBatchDelivery(options: BatchDeliveryOptions): {
  deliver(batch: readonly QueuedItem[]): Promise<Outcome>;
} {
  const { send, accept, reject } = options;
  const tooLarge = options.tooLarge ?? (() => undefined);

  async function deliver(batch: readonly QueuedItem[]): Promise<Outcome> {
    return batch.length === 0 ? OK : judge(batch, await send(batch));
  }

  async function judge(batch: readonly QueuedItem[], reply: LrsReply): Promise<Outcome> {
    const kind = verdict(reply.status);
    if (kind === 'retry') return { kind, reply };
    if (kind === 'too-large') tooLarge(batch);
    if (kind === 'ok' || (kind === 'replayed' && batch.length === 1)) {
      accept(batch);
      return OK;
    }
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only !== undefined) {
      reject(only, reply);
      return OK;
    }
    // X4: a 413 batch is halved until accepted. A 409 or 204 on a batch may hide new statements
    // behind one known id (the LRS refused the whole batch), so it is halved until each statement
    // has an answer of its own.
    if (kind === 'too-large' || kind === 'replayed') {
      const [left, right] = halves(batch);
      const first = await deliver(left);
      return first.kind === 'ok' ? deliver(right) : first;
    }
    return isolate(batch, reply);
  }

  /**
   * X5: the LRS refuses a whole batch for one bad statement (xAPI Communication 2.1.2). Binary
   * search: send the left half; if it is accepted the poison is in the right half, which needs no
   * request of its own. Halves set aside go together once the poison is out, so one poison costs
   * ceil(log2(batch)) + 1 requests at most.
   */
  async function isolate(batch: readonly QueuedItem[], first: LrsReply): Promise<Outcome> {
    let suspect = batch;
    let aside: QueuedItem[] = [];
    let verdictReply = first;
    while (suspect.length > 1) {
      const [left, right] = halves(suspect);
      const reply = await send(left);
      const kind = verdict(reply.status);
      if (kind === 'ok' || (kind === 'replayed' && left.length === 1)) {
        accept(left);
        suspect = right;
      } else if (kind === 'rejected') {
        aside = [...right, ...aside];
        suspect = left;
        verdictReply = reply;
      } else {
        const outcome = await judge(left, reply);
        return outcome.kind === 'ok' ? deliver([...right, ...aside]) : outcome;
      }
    }
    const poison = suspect[0];
    if (poison !== undefined) reject(poison, verdictReply);
    return deliver(aside);
  }

  return { deliver };
}
