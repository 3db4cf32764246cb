// The fetch client and State API concurrency against the loopback LRS (reliability X13, S6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLrsClient } from '../../../../components/runtime/lrs/lrs-client.js';
import { createStateDocument } from '../../../../components/runtime/lrs/state-document.js';
import { startLrs, type RunningLrs } from '../../../support/lrs-server.js';
import { ACTOR, recordingFetch, statement } from './helpers.js';

const AUTH = 'Basic Y2FuYXJ5LXRva2Vu';
let lrs: RunningLrs;

beforeEach(async () => {
  lrs = await startLrs({ strictConcurrency: true });
  lrs.allowAuth(AUTH);
});
afterEach(() => lrs.close());

const key = { activityId: 'https://example.org/au', agent: ACTOR, registration: '6f1c2c1e-5a2b-4c3d-8e9f-0a1b2c3d4e5f', stateId: 'https://coursemark.dev/state/progress' };

describe('LRS client', () => {
  it('sends the version header and the Authorization header to the endpoint', async () => {
    const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch });
    const s = statement();
    expect((await client.postStatements([s])).status).toBe(200);
    expect((await client.putStatement(statement())).status).toBe(204);
    const request = lrs.requests()[0];
    expect(request?.headers['x-experience-api-version']).toBe('1.0.3');
    expect(request?.headers['authorization']).toBe(AUTH);
    expect(lrs.statements().map((x) => x.id)).toContain(s.id);
  });

  it('never sends the Authorization header to another origin, nor the token in a URL', async () => {
    const recorder = recordingFetch();
    const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch: recorder.fetch });
    await client.getState(key);
    await client.getAgentProfile(ACTOR, 'cmi5LearnerPreferences');
    for (const call of recorder.calls) {
      expect(call.url).not.toContain('Y2FuYXJ5');
      expect(new URL(call.url).origin).toBe(new URL(lrs.endpoint).origin);
    }
  });

  it('reports a network failure as status 0 without the request in the message', async () => {
    const client = createLrsClient({ endpoint: 'http://127.0.0.1:9/xapi/', authorization: AUTH, fetch });
    expect(await client.postStatements([statement()])).toEqual({ status: 0 });
  });
});

describe('X13: state document with ETags on a 2.0-strict LRS', () => {
  const parse = (body: unknown): { n: number; by: string[] } | undefined =>
    typeof body === 'object' && body !== null ? (body as { n: number; by: string[] }) : undefined;

  it('creates with If-None-Match: *, then updates with If-Match', async () => {
    const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch });
    const doc = createStateDocument({ client, key, parse });
    expect(await doc.write(() => ({ n: 1, by: ['a'] }))).toBe(true);
    expect(await doc.write((current) => ({ n: (current?.n ?? 0) + 1, by: [...(current?.by ?? []), 'a'] }))).toBe(true);
    const puts = lrs.requests().filter((r) => r.method === 'PUT');
    expect(puts[0]?.headers['if-none-match']).toBe('*');
    expect(puts[1]?.headers['if-match']).toMatch(/^".+"$/);
    expect(lrs.stateDocument(key)).toEqual({ n: 2, by: ['a', 'a'] });
  });

  it('re-reads and merges after a 412 from a concurrent writer', async () => {
    const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch });
    const mine = createStateDocument({ client, key, parse });
    const theirs = createStateDocument({ client, key, parse });
    await mine.write(() => ({ n: 1, by: ['mine'] }));
    await theirs.write((current) => ({ n: (current?.n ?? 0) + 1, by: [...(current?.by ?? []), 'theirs'] }));
    expect(await mine.write((current) => ({ n: (current?.n ?? 0) + 1, by: [...(current?.by ?? []), 'mine'] }))).toBe(true);
    expect(lrs.stateDocument(key)).toEqual({ n: 3, by: ['mine', 'theirs', 'mine'] });
    expect(lrs.requests().filter((r) => r.status === 412)).toHaveLength(1);
  });
});
