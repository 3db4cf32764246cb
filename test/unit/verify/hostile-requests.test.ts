import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLrs } from '../../../scripts/lms/lrs-server.js';
import { serveDirectory } from '../../../scripts/lms/static-server.js';

// What a package's pages can send to verify's own servers: neither a huge body nor a malformed
// address may take the process down or fill its memory.
describe("verify's servers under hostile requests", () => {
  it('the LRS refuses a body over 16 MiB with 413 and keeps answering', async () => {
    const lrs = await startLrs();
    try {
      const { token } = lrs.setLaunch({ activityId: 'https://example.org/a' });
      const headers = { authorization: `Basic ${token}`, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' };
      const big = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers, body: 'x'.repeat(17 * 1024 * 1024) });
      expect(big.status).toBe(413);
      const small = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers, body: JSON.stringify({ actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://example.org/a' } }) });
      expect(small.status).toBe(200);
    } finally {
      await lrs.close();
    }
  });

  it('the static server answers a malformed %-escape with 400 and keeps serving', async () => {
    const root = await mkdtemp(join(tmpdir(), 'coursemark-static-'));
    await writeFile(join(root, 'a.txt'), 'ok');
    const server = await serveDirectory(root);
    try {
      expect((await fetch(`${server.url}%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
      expect(await (await fetch(`${server.url}a.txt`)).text()).toBe('ok');
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
