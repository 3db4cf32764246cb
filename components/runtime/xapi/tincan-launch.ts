/**
 * TinCan launch parameters (Rustici "launch" spec, lms_lrs.md): `endpoint`, `auth`, `actor`
 * (JSON), and optionally `registration`, `activity_id` and `grouping`.
 */
import type { Actor } from '@xapi/xapi';

export interface TinCanLaunch {
  readonly endpoint: string;
  /** Used verbatim as the Authorization header (lms_lrs.md); never logged. */
  readonly auth: string;
  readonly actor: Actor;
  readonly registration?: string;
  readonly activityId?: string;
  /** Extra `contextActivities.grouping` activity id the LMS asked for. */
  readonly grouping?: string;
}

export type TinCanParse = { readonly ok: true; readonly launch: TinCanLaunch } | { readonly ok: false; readonly missing: readonly string[] };

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The actor as an xAPI 1.0.3 Agent. TinCan 0.9 LMSs send arrays (`{"name":["x"],"mbox":["mailto:..."]}`);
 * the first value of each is taken, and the first IFI found is kept (xAPI Data 2.4.2.1: exactly one).
 */
export function normalizeActor(value: unknown): Actor | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const first = (key: string): unknown => {
    const raw = record[key];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  const agent: Record<string, unknown> = { objectType: 'Agent' };
  const name = first('name');
  if (typeof name === 'string') agent['name'] = name;
  for (const key of IFIS) {
    let ifi = first(key);
    // 0.9 accounts: {accountServiceHomePage, accountName}.
    if (key === 'account' && typeof ifi === 'object' && ifi !== null) {
      const account = ifi as Record<string, unknown>;
      const homePage = account['homePage'] ?? account['accountServiceHomePage'];
      const accountName = account['name'] ?? account['accountName'];
      ifi = typeof homePage === 'string' && typeof accountName === 'string' ? { homePage, name: accountName } : undefined;
    }
    if (typeof ifi === 'string' || (typeof ifi === 'object' && ifi !== null)) {
      agent[key] = ifi;
      return agent as unknown as Actor;
    }
  }
  return undefined;
}

export function parseTinCanLaunch(search: string): TinCanParse {
  const query = new URLSearchParams(search);
  let endpoint: string | undefined;
  try {
    const url = new URL(query.get('endpoint') ?? '');
    if (url.protocol === 'https:' || url.protocol === 'http:') endpoint = url.href;
  } catch {
    endpoint = undefined;
  }
  const auth = query.get('auth') ?? '';
  let actor: Actor | undefined;
  try {
    actor = normalizeActor(JSON.parse(query.get('actor') ?? 'null'));
  } catch {
    actor = undefined;
  }
  const missing = [...(endpoint === undefined ? ['endpoint'] : []), ...(auth === '' ? ['auth'] : []), ...(actor === undefined ? ['actor'] : [])];
  if (endpoint === undefined || actor === undefined || auth === '') return { ok: false, missing };
  const registration = query.get('registration') ?? '';
  const activityId = query.get('activity_id') ?? '';
  const grouping = query.get('grouping') ?? '';
  return {
    ok: true,
    launch: {
      endpoint,
      auth,
      actor,
      // xAPI Data 2.4.6: registration is a UUID; anything else is not sent.
      ...(UUID.test(registration) ? { registration } : {}),
      ...(activityId === '' ? {} : { activityId }),
      ...(grouping === '' ? {} : { grouping }),
    },
  };
}
