// State documents on LRSs with and without ETags (xAPI Communication 2.3, 3.1; reliability X13).
import { afterEach, describe, expect, it } from 'vitest';
import { createLrsClient } from '../../../../components/runtime/lrs/lrs-client.js';
import { createStateDocument } from '../../../../components/runtime/lrs/state-document.js';
import { startLrs, type RunningLrs } from '../../../support/lrs-server.js';
import { ACTOR } from './helpers.js';

const AUTH = 'Basic dGVzdDp0ZXN0';
const key = { activityId: 'https://example.org/course', agent: ACTOR, registration: '2b0a7b1e-5d3e-4b8e-9c1f-0d2a3b4c5d6e', stateId: 'https://coursemark.dev/state/progress' };
const parse = (body: unknown): { n: number } | undefined => (typeof body === 'object' && body !== null ? (body as { n: number }) : undefined);
let lrs: RunningLrs | undefined;
afterEach(() => lrs?.close());

async function open(options: Parameters<typeof startLrs>[0]) {
  lrs = await startLrs(options);
  lrs.allowAuth(AUTH);
  const client = createLrsClient({ endpoint: lrs.endpoint, authorization: AUTH, fetch });
  return { lrs, doc: createStateDocument({ client, key, parse }) };
}

const puts = (server: RunningLrs) => server.requests().filter((r) => r.method === 'PUT' && r.path.endsWith('/activities/state'));

describe('an LRS that sends no ETag', () => {
  it('every write after the first goes without a precondition, and the last one (keepalive) is stored', async () => {
    const { lrs: server, doc } = await open({ etags: false });
    for (let n = 1; n <= 4; n++) expect(await doc.write(() => ({ n }))).toBe(true);
    expect(await doc.write(() => ({ n: 5 }), true)).toBe(true);
    const sent = puts(server);
    expect(sent.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    expect(sent[0]?.headers['if-none-match']).toBe('*');
    for (const put of sent.slice(1)) {
      expect(put.headers['if-none-match']).toBeUndefined();
      expect(put.headers['if-match']).toBeUndefined();
    }
    expect(server.stateDocument(key)).toEqual({ n: 5 });
  });

  it('an existing document is updated, never refused with 412', async () => {
    const first = await open({ etags: false });
    await first.doc.write(() => ({ n: 1 }));
    const again = createStateDocument({ client: createLrsClient({ endpoint: first.lrs.endpoint, authorization: AUTH, fetch }), key, parse });
    expect(await again.read()).toEqual({ n: 1 });
    expect(await again.write((current) => ({ n: (current?.n ?? 0) + 1 }), true)).toBe(true);
    expect(first.lrs.stateDocument(key)).toEqual({ n: 2 });
    expect(first.lrs.requests().filter((r) => r.status === 412)).toHaveLength(0);
  });
});

// The final bookmark of a page that is leaving goes with keepalive while the previous write may still
// be in flight. That earlier write changes the document and its ETag before the keepalive one arrives.
describe('a keepalive write made while another write is in flight', () => {
  for (const etags of [true, false]) {
    it(`lands after it and is stored (${etags ? 'with' : 'without'} ETags)`, async () => {
      const { lrs: server, doc } = await open({ etags });
      await doc.write(() => ({ n: 1 }));
      server.slow(150);
      const earlier = doc.write(() => ({ n: 2 }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const last = doc.write(() => ({ n: 3 }), true);
      expect(await Promise.all([earlier, last])).toEqual([true, true]);
      expect(server.stateDocument(key)).toEqual({ n: 3 });
      expect(server.requests().filter((r) => r.status === 412 || r.status === 409)).toHaveLength(0);
    });
  }
});
