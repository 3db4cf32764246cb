/**
 * Finds the LMS's SCORM API object in the frames around the content (SCORM 1.2 RTE 3.3 `API`,
 * SCORM 2004 RTE 3.1.2 `API_1484_11`), following ADL's sample algorithm with the hardening that
 * real LMSs need: cross-origin frames, popups and late injection (standards.md R1, R4; reliability R15).
 */

export type ApiName = 'API' | 'API_1484_11';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DiscoveryOptions {
  readonly name: ApiName;
  /** Functions the object must have to count as the API. */
  readonly methods: readonly string[];
  /** How many `parent` hops to try: ADL's 1.2 sample stops after 7, the 2004 sample after 500. */
  readonly maxParents: number;
  readonly timers: Timers;
  /** LMSs may inject the API after the content has loaded: retry this often... */
  readonly intervalMs?: number;
  /** ...for this long. */
  readonly timeoutMs?: number;
}

/**
 * One property read. Reading anything but a few properties of a cross-origin window throws a
 * `SecurityError`; a throwing frame is simply not where the API lives, so the walk goes on.
 */
function read(target: unknown, key: string): unknown {
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return undefined;
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    // Expected and deliberate: the SecurityError says only "not this frame".
    return undefined;
  }
}

function asApi(win: unknown, options: DiscoveryOptions): object | undefined {
  const candidate = read(win, options.name);
  if (candidate === null || typeof candidate !== 'object') return undefined;
  return options.methods.every((method) => typeof read(candidate, method) === 'function') ? candidate : undefined;
}

/** ADL's `findAPI`: the window itself, then up its `parent` chain (at most `maxParents` hops). */
function findInChain(start: unknown, options: DiscoveryOptions): object | undefined {
  let win = start;
  for (let hops = 0; win !== undefined && win !== null; hops += 1) {
    const api = asApi(win, options);
    if (api !== undefined) return api;
    const parent = read(win, 'parent');
    if (parent === undefined || parent === null || parent === win || hops >= options.maxParents) return undefined;
    win = parent;
  }
  return undefined;
}

/** One synchronous search: own chain, then `opener`'s chain, then `top.opener`'s (popup launches). */
export function findApi(win: unknown, options: DiscoveryOptions): object | undefined {
  const own = findInChain(win, options);
  if (own !== undefined) return own;
  const opener = read(win, 'opener');
  const fromOpener = opener === null || opener === undefined ? undefined : findInChain(opener, options);
  if (fromOpener !== undefined) return fromOpener;
  const topOpener = read(read(win, 'top'), 'opener');
  return topOpener === null || topOpener === undefined ? undefined : findInChain(topOpener, options);
}

/** Searches now and then every `intervalMs` until `timeoutMs`; resolves undefined when there is no API. */
export function discoverApi(win: unknown, options: DiscoveryOptions): Promise<object | undefined> {
  const interval = options.intervalMs ?? 100;
  const timeout = options.timeoutMs ?? 2000;
  return new Promise((resolve) => {
    let waited = 0;
    const attempt = (): void => {
      const api = findApi(win, options);
      if (api !== undefined || waited >= timeout) {
        resolve(api);
        return;
      }
      waited += interval;
      options.timers.setTimeout(attempt, interval);
    };
    attempt();
  });
}
