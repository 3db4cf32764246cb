/**
 * cmi5 launch (cmi5 8.1, 8.2): the five query parameters, the one-time fetch URL and the
 * session-persisted token (cmi5 best practice #17), so a reload does not POST the fetch URL again
 * (reliability X9).
 */
import type { Actor } from '@xapi/xapi';
import type { FetchLike } from '../lrs/lrs-client.js';

export interface Cmi5LaunchParameters {
  readonly endpoint: string;
  readonly fetch: string;
  readonly actor: Actor;
  readonly registration: string;
  readonly activityId: string;
}

export type LaunchParse =
  | { readonly ok: true; readonly launch: Cmi5LaunchParameters }
  | { readonly ok: false; readonly missing: readonly string[] };

function parseActor(text: string | null): Actor | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    // cmi5 9.2: an Agent with account {homePage, name}; other IFIs are accepted, nothing else.
    const record = value as Record<string, unknown>;
    const ifi = ['account', 'mbox', 'mbox_sha1sum', 'openid'].filter((key) => record[key] !== undefined);
    return ifi.length === 1 ? (value as Actor) : undefined;
  } catch {
    return undefined;
  }
}

function absoluteUrl(text: string | null): string | undefined {
  if (text === null || text === '') return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** cmi5 8.1: `endpoint, fetch, actor, registration, activityId`, in any order, URL-decoded. */
export function parseCmi5Launch(search: string): LaunchParse {
  const query = new URLSearchParams(search);
  const endpoint = absoluteUrl(query.get('endpoint'));
  const fetch = absoluteUrl(query.get('fetch'));
  const actor = parseActor(query.get('actor'));
  const registration = query.get('registration') ?? '';
  const activityId = query.get('activityId') ?? '';
  const missing = [
    ...(endpoint === undefined ? ['endpoint'] : []),
    ...(fetch === undefined ? ['fetch'] : []),
    ...(actor === undefined ? ['actor'] : []),
    ...(registration === '' ? ['registration'] : []),
    ...(activityId === '' ? ['activityId'] : []),
  ];
  if (endpoint === undefined || fetch === undefined || actor === undefined || missing.length > 0) {
    return { ok: false, missing };
  }
  return { ok: true, launch: { endpoint, fetch, actor, registration, activityId } };
}

/** What survives a reload of the same session (sessionStorage; cmi5 best practice #17). */
export interface Cmi5SessionState {
  readonly authToken: string;
  /** `initialized` was queued in this session: a reload must not send it again (cmi5 9.3.0.0-2). */
  readonly initialized?: true;
  /** `failed` was queued in this session (cmi5 9.3.0.0-7: never both passed and failed). */
  readonly failed?: true;
  /** `terminated` was queued: the session is over and the token no longer valid (cmi5 9.3.0.0-5). */
  readonly terminated?: true;
}

export function sessionStorageKey(launch: Pick<Cmi5LaunchParameters, 'registration' | 'activityId'>): string {
  return `coursemark:cmi5:${launch.registration}:${launch.activityId}`;
}

export function readSessionState(storage: Storage | undefined, key: string): Cmi5SessionState | undefined {
  try {
    const text = storage?.getItem(key);
    if (text === null || text === undefined) return undefined;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const token = record['authToken'];
    if (typeof token !== 'string' || token === '') return undefined;
    return {
      authToken: token,
      ...(record['initialized'] === true ? { initialized: true as const } : {}),
      ...(record['failed'] === true ? { failed: true as const } : {}),
      ...(record['terminated'] === true ? { terminated: true as const } : {}),
    };
  } catch {
    // Storage disabled or a value we did not write: behave as a first launch.
    return undefined;
  }
}

export function writeSessionState(storage: Storage | undefined, key: string, state: Cmi5SessionState): void {
  try {
    storage?.setItem(key, JSON.stringify(state));
  } catch {
    // Without sessionStorage a reload needs a relaunch; nothing else depends on it.
  }
}

export type TokenResult =
  | { readonly ok: true; readonly state: Cmi5SessionState; readonly reused: boolean }
  | { readonly ok: false };

/**
 * The session's token: from sessionStorage after a reload, else one POST to the fetch URL
 * (cmi5 8.2.3: POST, never GET; one-time). A 200 body with `error-code` is an error (8.2.3),
 * never a token. Nothing from the reply is logged: it is a credential.
 */
export async function obtainToken(
  launch: Cmi5LaunchParameters,
  fetch: FetchLike,
  storage: Storage | undefined,
): Promise<TokenResult> {
  const key = sessionStorageKey(launch);
  const saved = readSessionState(storage, key);
  if (saved !== undefined) return { ok: true, state: saved, reused: true };
  let body: unknown;
  try {
    const response = await fetch(launch.fetch, { method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) return { ok: false };
    body = await response.json();
  } catch {
    return { ok: false };
  }
  if (typeof body !== 'object' || body === null) return { ok: false };
  const record = body as Record<string, unknown>;
  const token = record['auth-token'];
  if (record['error-code'] !== undefined || typeof token !== 'string' || token === '') return { ok: false };
  const state: Cmi5SessionState = { authToken: token };
  writeSessionState(storage, key, state);
  return { ok: true, state, reused: false };
}
