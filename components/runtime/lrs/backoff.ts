/** Retry timing for statement delivery (reliability X1, X3). */

/**
 * Exponential backoff with jitter: a delay in [base·2^n, base·2^n·1.5], capped at `max`.
 * Jitter spreads the retries of many learners after an LRS outage instead of a synchronised storm.
 */
export function backoffDelay(failures: number, base: number, max: number, random: () => number): number {
  const floor = base * 2 ** Math.max(0, failures);
  return Math.min(max, floor * (1 + 0.5 * Math.min(1, Math.max(0, random()))));
}

/**
 * `Retry-After` in milliseconds from `now`: either delay-seconds or an HTTP date (RFC 9110 10.2.3).
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
