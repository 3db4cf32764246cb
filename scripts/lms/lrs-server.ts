/**
 * A loopback LRS for `coursemark verify` and the tests: xAPI 1.0.3 statements, State and Agent
 * Profile resources with ETags, a cmi5 fetch endpoint, a request log, fault injection (reliability
 * X1-X5) and a strict cmi5 checker over what it stored (X7, after CATAPULT's lrs.js rules).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Statement } from '@xapi/xapi';
import { auAttemptKey, checkCmi5, type StoredStatement } from './cmi5-checker.js';

export type { StoredStatement } from './cmi5-checker.js';

export interface LoggedRequest {
  readonly method: string;
  /** Path below the server root, e.g. `/xapi/statements`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  readonly status: number;
  readonly at: number;
}

export type Fault =
  | { readonly type: 'status'; readonly status: number; readonly retryAfter?: string }
  /** Stores the statements, then drops the connection without a reply (X2). */
  | { readonly type: 'reset-after-store' };

export interface LrsOptions {
  /** Answer to an identical replay of stored ids: ADL answers 204; some LRSs 409. */
  readonly replayStatus?: 204 | 409;
  /**
   * A batch that holds a stored id among new ones: `store-new` stores the new ones (200, the ADL
   * LRS); 409 or 204 refuse the whole batch and store nothing (xAPI Communication 2.1.2 lets an
   * LRS answer a known id with either, and a batch is all or nothing).
   */
  readonly knownIdInBatch?: 'store-new' | 204 | 409;
  /** 409 on a header-less PUT of an existing state document (xAPI 2.0 concurrency, X13). */
  readonly strictConcurrency?: boolean;
  /** False: State and Agent Profile replies carry no ETag, as many 1.0.3 LRSs (default true). */
  readonly etags?: boolean;
  /**
   * The pages that may call this LRS, by their Origin header (undefined: a request without one);
   * others get 403 and no CORS headers. By default any origin may, as an LRS serving content from
   * anywhere does; the preview and verify allow only the course's own origin.
   */
  readonly allowOrigin?: (origin: string | undefined) => boolean;
}

export interface LaunchSetup {
  readonly activityId: string;
  readonly actor?: Record<string, unknown>;
  readonly registration?: string;
  readonly launchMode?: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly moveOn?: string;
  readonly returnURL?: string;
  /** Skip the LaunchData document (to test a broken LMS). */
  readonly noLaunchData?: boolean;
}

export interface Launch {
  /** `?endpoint=...&fetch=...&actor=...&registration=...&activityId=...` (cmi5 8.1). */
  readonly search: string;
  readonly token: string;
  readonly registration: string;
  readonly sessionId: string;
  readonly actor: Record<string, unknown>;
}

export interface RunningLrs {
  readonly url: string;
  readonly endpoint: string;
  close(): Promise<void>;
  statements(): readonly StoredStatement[];
  requests(): readonly LoggedRequest[];
  setLaunch(setup: LaunchSetup): Launch;
  /** The next `count` statement requests meet `fault`. */
  failNext(count: number, fault: Fault): void;
  /** Drops the faults still queued: the LRS answers normally again. */
  clearFaults(): void;
  /** 413 for statement POSTs holding more than `size` statements. */
  limitBatch(size: number | undefined): void;
  /** 400 for any statement request that holds one of these ids (the whole batch is refused). */
  poison(ids: readonly string[], status?: 400 | 403): void;
  /** Every xAPI request is answered `ms` after it arrived, and processed only then (a slow LRS). */
  slow(ms: number): void;
  /** False: every connection is dropped unanswered, as when the learner's network is down. */
  reachable(value: boolean): void;
  /** Accept this Authorization value too (TinCan launches). */
  allowAuth(value: string): void;
  stateDocument(key: { activityId: string; stateId: string; registration?: string }): unknown;
  cmi5Findings(): string[];
  /** Settles once the LRS has answered its next request: a waiter re-checks then, without polling. */
  nextRequest(): Promise<void>;
}

const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

/** A request body larger than this is refused (413): a package under test must not fill verify's memory. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Statements and documents the LRS keeps, in all; past this it answers 507. */
const MAX_STORED_BYTES = 256 * 1024 * 1024;

class TooLarge extends Error {}

function read(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const etagOf = (text: string): string => `"${createHash('sha1').update(text).digest('hex')}"`;

export async function startLrs(options: LrsOptions = {}): Promise<RunningLrs> {
  const stored: StoredStatement[] = [];
  const byId = new Map<string, string>();
  const log: LoggedRequest[] = [];
  const answered: (() => void)[] = [];
  const states = new Map<string, string>();
  const profiles = new Map<string, string>();
  const fetchTokens = new Map<string, { token: string; used: boolean }>();
  const auths = new Set<string>();
  // The masteryScore each AU was launched with, by registration and AU (cmi5-checker.ts auAttemptKey).
  const masteryByAu = new Map<string, number>();
  const faults: Fault[] = [];
  let maxBatch: number | undefined;
  let poisoned = new Set<string>();
  let poisonStatus = 400;
  let delayMs = 0;
  let up = true;
  const etags = options.etags !== false;

  // Without ETags the client can never hold a matching one: If-Match always fails (412).
  const etagHeader = (text: string): Record<string, string> => (etags ? { ETag: etagOf(text) } : {});
  let storedBytes = 0;

  const stateKey = (q: URLSearchParams): string =>
    JSON.stringify([q.get('activityId'), q.get('agent'), q.get('registration') ?? '', q.get('stateId')]);

  function storeStatements(list: readonly Statement[]): { status: number; ids: string[] } {
    const ids = list.map((s) => s.id ?? randomUUID());
    if (new Set(ids).size !== ids.length) return { status: 400, ids: [] };
    const fresh: number[] = [];
    for (const [index, statement] of list.entries()) {
      const previous = byId.get(ids[index] ?? '');
      if (previous === undefined) fresh.push(index);
      else if (previous !== JSON.stringify(statement)) return { status: 409, ids: [] };
    }
    if (fresh.length === 0) return { status: options.replayStatus ?? 204, ids };
    const known = options.knownIdInBatch ?? 'store-new';
    if (fresh.length < list.length && known !== 'store-new') return { status: known, ids: [] };
    for (const index of fresh) {
      const statement = list[index];
      const id = ids[index];
      if (statement === undefined || id === undefined) continue;
      byId.set(id, JSON.stringify(statement));
      stored.push({ ...statement, id, stored: new Date().toISOString() });
    }
    return { status: 200, ids };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await read(request);
    storedBytes += body.length;
    const q = url.searchParams;
    const method = request.method ?? 'GET';
    let status = 200;
    const reply = (code: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      status = code;
      const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
      response.writeHead(code, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...headers });
      response.end(text);
    };
    const headerMap: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) headerMap[name] = Array.isArray(value) ? value.join(',') : value;
    const path = url.pathname;
    try {
      if (path.startsWith('/fetch/')) {
        const entry = fetchTokens.get(path.slice('/fetch/'.length));
        if (method !== 'POST') reply(405, { 'error-code': '3', 'error-text': 'POST only (cmi5 8.2.3)' });
        // cmi5 8.2.3: errors come back as HTTP 200 with an error-code.
        else if (entry === undefined || entry.used) reply(200, { 'error-code': '1', 'error-text': 'already used' });
        else {
          entry.used = true;
          reply(200, { 'auth-token': entry.token });
        }
        return;
      }
      if (!path.startsWith('/xapi/')) return reply(404);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (storedBytes > MAX_STORED_BYTES) return reply(507, { message: 'this LRS keeps at most 256 MiB' });
      if (request.headers['x-experience-api-version'] === undefined) return reply(400, { message: 'version header' });
      if (!auths.has(request.headers.authorization ?? '')) return reply(401, { message: 'unauthorized' });
      const resource = path.slice('/xapi/'.length);
      if (resource === 'statements') {
        if (method === 'GET') {
          const id = q.get('statementId');
          if (id === null) return reply(200, { statements: stored, more: '' });
          const found = stored.find((s) => s.id === id);
          return found === undefined ? reply(404) : reply(200, found);
        }
        const parsed = parseJson(body);
        const list = (Array.isArray(parsed) ? parsed : [parsed]) as Statement[];
        if (method === 'PUT') {
          const id = q.get('statementId');
          if (id === null || list.length !== 1) return reply(400, { message: 'statementId' });
          const first = list[0];
          if (first !== undefined) list[0] = { ...first, id };
        }
        const fault = faults.shift();
        if (fault?.type === 'status') {
          return reply(fault.status, { message: 'injected' }, fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter });
        }
        if (maxBatch !== undefined && list.length > maxBatch) return reply(413, { message: 'batch too large' });
        if (list.some((s) => poisoned.has(s.id ?? ''))) return reply(poisonStatus, { message: 'poison statement' });
        const result = storeStatements(list);
        if (fault?.type === 'reset-after-store') {
          status = -1;
          request.socket.destroy();
          return;
        }
        return result.status === 200
          ? reply(method === 'PUT' ? 204 : 200, method === 'PUT' ? undefined : result.ids)
          : reply(result.status, result.status === 204 ? undefined : { message: 'conflict' });
      }
      if (resource === 'activities/state') {
        const key = stateKey(q);
        const current = states.get(key);
        if (method === 'GET') return current === undefined ? reply(404) : reply(200, current, etagHeader(current));
        if (method === 'DELETE') {
          states.delete(key);
          return reply(204);
        }
        const ifMatch = request.headers['if-match'];
        const ifNoneMatch = request.headers['if-none-match'];
        if (ifMatch !== undefined && (current === undefined || etagOf(current) !== ifMatch)) return reply(412);
        if (ifNoneMatch === '*' && current !== undefined) return reply(412);
        if (options.strictConcurrency === true && current !== undefined && ifMatch === undefined && ifNoneMatch === undefined) {
          return reply(409);
        }
        states.set(key, body);
        return reply(204, undefined, etagHeader(body));
      }
      if (resource === 'agents/profile') {
        const key = JSON.stringify([q.get('agent'), q.get('profileId')]);
        if (method === 'GET') {
          const current = profiles.get(key);
          return current === undefined ? reply(404) : reply(200, current, etagHeader(current));
        }
        profiles.set(key, body);
        return reply(204);
      }
      reply(404);
    } finally {
      log.push({ method, path, query: q, headers: headerMap, body, status, at: Date.now() });
      for (const settle of answered.splice(0)) settle();
    }
  }

  let host = '';
  const server = createServer((request, response) => {
    if (!up) {
      request.socket.destroy();
      return;
    }
    // Only requests addressed to this server by its own address: a page on a name that someone
    // points at 127.0.0.1 (DNS rebinding) must not read the statements.
    if (request.headers.host !== host || (options.allowOrigin !== undefined && !options.allowOrigin(request.headers.origin))) {
      response.writeHead(403).end();
      return;
    }
    // An LRS serves content from other origins (CORS, xAPI Communication 1.3): answer preflights.
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader('Vary', 'Origin');
    response.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return;
    }
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(error instanceof TooLarge ? 413 : 500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const endpoint = `${url}/xapi/`;

  return {
    url,
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    statements: () => stored,
    requests: () => log,
    setLaunch(setup) {
      const registration = setup.registration ?? randomUUID();
      const sessionId = randomUUID();
      const token = `tok-${randomUUID()}`;
      const fetchId = randomUUID();
      const actor = setup.actor ?? { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-1' } };
      fetchTokens.set(fetchId, { token, used: false });
      auths.add(`Basic ${token}`);
      if (setup.masteryScore !== undefined) masteryByAu.set(auAttemptKey(registration, setup.activityId), setup.masteryScore);
      if (setup.noLaunchData !== true) {
        const launchData = {
          contextTemplate: {
            contextActivities: { grouping: [{ id: `${setup.activityId}/publisher` }] },
            extensions: { [SESSION_ID]: sessionId },
          },
          launchMode: setup.launchMode ?? 'Normal',
          moveOn: setup.moveOn ?? 'CompletedOrPassed',
          ...(setup.masteryScore === undefined ? {} : { masteryScore: setup.masteryScore }),
          ...(setup.returnURL === undefined ? {} : { returnURL: setup.returnURL }),
        };
        const q = new URLSearchParams({ activityId: setup.activityId, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' });
        states.set(stateKey(q), JSON.stringify(launchData));
      }
      const search = new URLSearchParams({
        endpoint,
        fetch: `${url}/fetch/${fetchId}`,
        actor: JSON.stringify(actor),
        registration,
        activityId: setup.activityId,
      });
      return { search: `?${search.toString()}`, token, registration, sessionId, actor };
    },
    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    clearFaults() {
      faults.length = 0;
    },
    limitBatch(size) {
      maxBatch = size;
    },
    poison(ids, status = 400) {
      poisoned = new Set(ids);
      poisonStatus = status;
    },
    slow(ms) {
      delayMs = ms;
    },
    reachable(value) {
      up = value;
      if (!value) server.closeAllConnections();
    },
    allowAuth(value) {
      auths.add(value);
    },
    stateDocument(key) {
      for (const [k, v] of states) {
        const [activityId, , registration, stateId] = JSON.parse(k) as string[];
        if (activityId === key.activityId && stateId === key.stateId && registration === (key.registration ?? '')) return parseJson(v);
      }
      return undefined;
    },
    cmi5Findings: () => checkCmi5(stored, log, masteryByAu),
    nextRequest: () => new Promise<void>((resolve) => answered.push(resolve)),
  };
}
