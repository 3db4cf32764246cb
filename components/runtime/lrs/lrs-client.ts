/**
 * A minimal xAPI 1.0.3 client on `fetch`: statements, the State API and the Agent Profile API.
 * Hand-written rather than `@xapi/xapi`'s runtime client, which bundles axios (runtime budget);
 * only that package's types are used.
 *
 * Token hygiene (reliability S6): the Authorization value lives only in this closure and is sent
 * only to the endpoint's own origin. It never goes into a URL, a statement, a log line or an error.
 */
import type { Actor, Statement } from '@xapi/xapi';
import { XAPI_VERSION } from '../vocabulary.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** What a request came back with; `status` 0 is a network error (no response at all). */
export interface LrsReply {
  readonly status: number;
  /** The `Retry-After` header, raw (seconds or an HTTP date; xAPI Communication 3.2 / RFC 9110 10.2.3). */
  readonly retryAfter?: string;
  readonly etag?: string;
  readonly body?: unknown;
}

/**
 * Preconditions of a State document write (xAPI Communication 3.1): `If-Match` with the ETag we
 * read, `If-None-Match: *` to create, or none (xAPI 1.0.3 exempts the State resource).
 */
export type StatePrecondition = { readonly ifMatch: string } | { readonly ifNoneMatch: '*' } | undefined;

export interface StateKey {
  readonly activityId: string;
  readonly agent: Actor;
  readonly registration?: string;
  readonly stateId: string;
}

export interface LrsClientOptions {
  /** The xAPI endpoint, with or without its trailing slash. */
  readonly endpoint: string;
  /** The full Authorization header value (`Basic ...`). */
  readonly authorization: string;
  readonly fetch: FetchLike;
}

export interface LrsClient {
  readonly endpoint: string;
  /** POST one statement or a batch (xAPI Communication 2.1.2); resolves with the status, never throws. */
  postStatements(statements: readonly Statement[], keepalive?: boolean): Promise<LrsReply>;
  /** PUT one statement by its id (xAPI Communication 2.1.1). */
  putStatement(statement: Statement & { id: string }): Promise<LrsReply>;
  getState(key: StateKey): Promise<LrsReply>;
  putState(key: StateKey, document: unknown, precondition: StatePrecondition, keepalive?: boolean): Promise<LrsReply>;
  getAgentProfile(agent: Actor, profileId: string): Promise<LrsReply>;
}

function withSlash(endpoint: string): string {
  return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

function query(params: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  return search.toString();
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A non-JSON body (HTML error page from a proxy) carries nothing we act on.
    return undefined;
  }
}

function preconditionHeaders(precondition: StatePrecondition): Record<string, string> {
  if (precondition === undefined) return {};
  return 'ifMatch' in precondition ? { 'If-Match': precondition.ifMatch } : { 'If-None-Match': precondition.ifNoneMatch };
}

export function createLrsClient(options: LrsClientOptions): LrsClient {
  const base = withSlash(options.endpoint);
  const origin = new URL(base).origin;
  const { authorization, fetch } = options;

  async function request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    extra: Readonly<Record<string, string>> = {},
    keepalive = false,
  ): Promise<LrsReply> {
    const url = new URL(path, base);
    const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION, ...extra };
    // Credentials go to the LRS origin only, never to a URL the endpoint happens to redirect to.
    if (url.origin === origin) headers['Authorization'] = authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers, keepalive, credentials: 'omit', referrerPolicy: 'no-referrer' };
    if (body !== undefined) init.body = JSON.stringify(body);
    let response: Response;
    try {
      response = await fetch(url.href, init);
    } catch {
      // The error text may quote the request; report only that the network failed.
      return { status: 0 };
    }
    const reply: { status: number; retryAfter?: string; etag?: string; body?: unknown } = { status: response.status };
    const retryAfter = response.headers.get('Retry-After');
    if (retryAfter !== null) reply.retryAfter = retryAfter;
    const etag = response.headers.get('ETag');
    if (etag !== null) reply.etag = etag;
    try {
      const parsed = await readBody(response);
      if (parsed !== undefined) reply.body = parsed;
    } catch {
      // The connection dropped while reading the body; the status line already arrived.
    }
    return reply;
  }

  function stateQuery(key: StateKey): string {
    return query({
      activityId: key.activityId,
      agent: JSON.stringify(key.agent),
      registration: key.registration,
      stateId: key.stateId,
    });
  }

  return {
    endpoint: base,
    postStatements: (statements, keepalive = false) => request('POST', 'statements', statements, {}, keepalive),
    putStatement: (statement) => request('PUT', `statements?${query({ statementId: statement.id })}`, statement),
    getState: (key) => request('GET', `activities/state?${stateQuery(key)}`, undefined),
    putState: (key, document, precondition, keepalive = false) =>
      request('PUT', `activities/state?${stateQuery(key)}`, document, preconditionHeaders(precondition), keepalive),
    getAgentProfile: (agent, profileId) =>
      request('GET', `agents/profile?${query({ agent: JSON.stringify(agent), profileId })}`, undefined),
  };
}
