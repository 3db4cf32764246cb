import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { TOKEN_HEADER } from '../../../scripts/preview/preview-guard.js';
import { startPreview, type PreviewServer } from '../../../scripts/preview/preview-server.js';

// The preview answers only its own page. A second origin (another loopback port, as any web page
// the author has open can reach) tries every endpoint of the dev server and of the preview LRS; so
// does a request with a foreign Host header (DNS rebinding). The editor is a script that leaves a
// mark, so a request that got through would show.
const repo = join(import.meta.dirname, '../../..');
let folder: string;
let preview: PreviewServer;
let browser: Browser;
let attacker: Server;
let attackerOrigin: string;
let marker: string;
let previewOrigin: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coursemark-preview-guard-'));
  await cp(join(repo, 'course'), join(folder, 'course'), { recursive: true });
  marker = join(folder, 'editor-was-started');
  const editor = join(folder, 'editor.sh');
  await writeFile(editor, `#!/bin/sh\necho "$@" >> '${marker}'\n`);
  await chmod(editor, 0o755);
  process.env['LAUNCH_EDITOR'] = editor;
  preview = await startPreview(join(folder, 'course'), { report: () => undefined });
  previewOrigin = preview.url.replace(/\/$/, '');
  attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>Another page</title>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  delete process.env['LAUNCH_EDITOR'];
  await browser?.close();
  await preview?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request with exactly the headers given (a browser cannot forge Host or Origin). */
function send(url: string, headers: Record<string, string>, method = 'GET', body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const ENDPOINTS: readonly (readonly [path: string, method: string])[] = [
  ['/', 'GET'],
  ['/index.html', 'GET'],
  ['/__preview/host.js', 'GET'],
  ['/__preview/lms/scorm12.js', 'GET'],
  ['/__preview/player/web.html', 'GET'],
  ['/__preview/launch?target=cmi5', 'GET'],
  ['/__preview/launch?target=xapi', 'GET'],
  ['/__preview/lrs/statements?registration=x', 'GET'],
  ['/__preview/lrs/fail?on=true', 'POST'],
  // A file that exists: the editor would really start if the request got through.
  ['/__open-in-editor?file=COURSE_YAML', 'GET'],
  ['/@vite/client', 'GET'],
  ['/@id/virtual:coursemark/entry/web', 'GET'],
];

async function ownToken(): Promise<string> {
  const page = await send(`${previewOrigin}/`, { host: new URL(previewOrigin).host, 'sec-fetch-site': 'none' });
  return /name="coursemark-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
}

describe('the preview answers only its own page', () => {
  it('every endpoint refuses a foreign Host header, another origin, and a request another port sent', async () => {
    const host = new URL(previewOrigin).host;
    for (const [path, method] of ENDPOINTS) {
      const url = `${previewOrigin}${path.replace('COURSE_YAML', encodeURIComponent(join(folder, 'course', 'course.yaml')))}`;
      expect((await send(url, { host: 'rebound.example:80' }, method)).status, `${path} with a foreign Host`).toBe(403);
      expect((await send(url, { host, origin: attackerOrigin, 'sec-fetch-site': 'same-site' }, method)).status, `${path} from ${attackerOrigin}`).toBe(403);
      expect((await send(url, { host, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }, method)).status, `${path} as an image on another port`).toBe(403);
      expect((await send(url, { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }, method)).status, `${path} as a script of another site`).toBe(403);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('the API needs the session token, state changes need POST, and the editor opens only for the page itself', async () => {
    const host = new URL(previewOrigin).host;
    const same = { host, 'sec-fetch-site': 'same-origin' };
    const token = await ownToken();
    expect(token).toMatch(/^[\w-]{32}$/);
    expect((await send(`${previewOrigin}/__preview/launch?target=xapi`, same)).status).toBe(403);
    expect((await send(`${previewOrigin}/__preview/launch?target=xapi`, { ...same, [TOKEN_HEADER]: 'guess' })).status).toBe(403);
    const launch = await send(`${previewOrigin}/__preview/launch?target=xapi`, { ...same, [TOKEN_HEADER]: token });
    expect(launch.status).toBe(200);
    // A credential of this session, not a fixed one.
    const auth = new URLSearchParams((JSON.parse(launch.body) as { search: string }).search).get('auth') ?? '';
    expect(Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString()).toMatch(/^preview:[\w-]{24}$/);
    expect(launch.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send(`${previewOrigin}/__preview/lrs/fail?on=false`, { ...same, [TOKEN_HEADER]: token }, 'GET')).status).toBe(405);
    expect((await send(`${previewOrigin}/__preview/lrs/fail?on=false`, { ...same, [TOKEN_HEADER]: token }, 'POST')).status).toBe(200);
    // No Sec-Fetch-Site (an old browser's <img>): the editor stays shut.
    const file = encodeURIComponent(join(folder, 'course', 'course.yaml'));
    expect((await send(`${previewOrigin}/__open-in-editor?file=${file}`, { host })).status).toBe(403);
    expect(existsSync(marker)).toBe(false);
    // The positive control: the preview's own page may (so the refusals above are real).
    expect((await send(`${previewOrigin}/__open-in-editor?file=${file}`, same)).status).toBe(200);
    await expect.poll(() => existsSync(marker), { timeout: 5_000 }).toBe(true);
    await rm(marker);
  });

  it('the preview LRS checks the Host header and answers CORS only for the preview', async () => {
    const lrs = new URL(preview.lrs.url);
    const { token } = preview.lrs.setLaunch({ activityId: 'https://example.org/x' });
    const headers = { host: lrs.host, authorization: `Basic ${token}`, 'x-experience-api-version': '1.0.3' };
    expect((await send(`${preview.lrs.endpoint}statements`, headers)).status).toBe(200);
    expect((await send(`${preview.lrs.endpoint}statements`, { ...headers, host: `rebound.example:${lrs.port}` })).status).toBe(403);
    expect((await send(`${preview.lrs.endpoint}statements`, { ...headers, origin: attackerOrigin })).status).toBe(403);
    const preflight = await send(`${preview.lrs.endpoint}statements`, { host: lrs.host, origin: attackerOrigin, 'access-control-request-method': 'GET' }, 'OPTIONS');
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const own = await send(`${preview.lrs.endpoint}statements`, { ...headers, origin: previewOrigin });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBe(previewOrigin);
  });

  it('a page on another loopback port can neither read nor change anything (in Chromium)', async () => {
    const page: Page = await (await browser.newContext()).newPage();
    await page.goto(`${attackerOrigin}/`);
    const results = await page.evaluate(
      async ({ preview: target, lrs, courseYaml }) => {
        const tryFetch = async (url: string, init: RequestInit = {}): Promise<string> => {
          try {
            const response = await fetch(url, init);
            return `read ${response.status}: ${(await response.text()).slice(0, 40)}`;
          } catch {
            return 'refused';
          }
        };
        const image = (url: string): Promise<string> =>
          new Promise((resolve) => {
            const img = new Image();
            img.onload = () => resolve('loaded');
            img.onerror = () => resolve('error');
            img.src = url;
          });
        return {
          launch: await tryFetch(`${target}/__preview/launch?target=cmi5`),
          statements: await tryFetch(`${target}/__preview/lrs/statements?registration=x`),
          host: await tryFetch(`${target}/`),
          fail: await tryFetch(`${target}/__preview/lrs/fail?on=true`, { method: 'POST', mode: 'no-cors' }),
          lrs: await tryFetch(`${lrs}statements`, { headers: { authorization: 'Basic x', 'x-experience-api-version': '1.0.3' } }),
          editor: await image(`${target}/__open-in-editor?file=${encodeURIComponent(courseYaml)}`),
          module: await tryFetch(`${target}/@id/virtual:coursemark/entry/web`),
          // Vite's HMR socket (it would tell another page every file the author saves).
          hmr: await new Promise<string>((resolve) => {
            const socket = new WebSocket(target.replace('http', 'ws'), 'vite-hmr');
            socket.onopen = () => resolve('open');
            socket.onerror = () => resolve('refused');
          }),
        };
      },
      { preview: previewOrigin, lrs: preview.lrs.endpoint, courseYaml: join(folder, 'course', 'course.yaml') },
    );
    expect(results).toEqual({ launch: 'refused', statements: 'refused', host: 'refused', fail: 'read 0: ', lrs: 'refused', editor: 'error', module: 'refused', hmr: 'refused' });
    await page.context().close();
    expect(existsSync(marker)).toBe(false);
    // The POST did not switch the LRS to failing: a statement from the launch's credential is stored.
    const { token } = preview.lrs.setLaunch({ activityId: 'https://example.org/y' });
    const stored = await send(`${preview.lrs.endpoint}statements`, { host: new URL(preview.lrs.url).host, authorization: `Basic ${token}`, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' }, 'POST', JSON.stringify({ actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://example.org/y' } }));
    expect(stored.status).toBe(200);
  });

  it('the preview page itself still works: the panel reads the LRS with its token', async () => {
    const page: Page = await (await browser.newContext()).newPage();
    await page.goto(`${preview.url}?target=xapi`);
    await expect.poll(() => page.frameLocator('#course').locator('article h1').first().textContent(), { timeout: 20_000 }).toBe('Introduction');
    await expect.poll(() => page.locator('#statements li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.context().close();
    expect(await readFile(join(folder, 'course', 'course.yaml'), 'utf8')).toContain('id:');
  });
});
