import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { closeBrowserContext } from '../lms/browser.js';
import { printable } from '../diagnostics/printable.js';

/** The longest a whole `coursemark verify` run may take, unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 120;
/** The longest one learner action (a click, a page turn) may wait for the page. */
const STEP_TIMEOUT_MS = 10_000;
const LISTED = 5;

/**
 * The fence around a package while verify runs it. Every browser context it opens sends all its
 * traffic, loopback included, through a forward proxy of its own: requests to the origins of the
 * emulated LMS and LRS are passed on; any other (fetch, XHR, beacon, image, script, frame,
 * navigation, WebSocket, TLS connection) is refused and recorded. A proxy rather than request
 * interception, so that what a page sends while it closes (keepalive requests) still arrives, as
 * in a real browser. Service workers and downloads are blocked. When `signal` aborts (the run's
 * time is up), every context is closed, which ends whatever the learner was waiting for.
 */
export class LaunchGuard {
  private readonly origins = new Set<string>();
  private readonly contexts = new Set<BrowserContext>();
  private readonly refused = new Map<string, string>();
  private proxy: Server | undefined;
  private proxyReady: Promise<string> | undefined;
  private readonly held = new Set<() => Promise<void>>();
  private closed = false;

  constructor(readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => {
      for (const context of this.contexts) void closeBrowserContext(context, 2_000);
    });
  }

  /** Lets the package reach `url`'s origin (the emulated LMS's or LRS's server). */
  allow(url: string): void {
    this.origins.add(new URL(url).origin);
  }

  private record(url: string, what: string): void {
    const shown = printable(url.length > 120 ? `${url.slice(0, 117)}...` : url);
    if (!this.refused.has(shown)) this.refused.set(shown, what);
  }

  private proxyUrl(): Promise<string> {
    if (this.closed) return Promise.reject(new Error('verify has ended this run'));
    this.proxyReady ??= this.startProxy();
    return this.proxyReady;
  }

  private async startProxy(): Promise<string> {
    const proxy = createServer((request, response) => this.forward(request, response));
    const refuse = (request: IncomingMessage, socket: Duplex, what: string): void => {
      this.record(request.url ?? '', what);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n', () => socket.destroy());
    };
    // CONNECT: a TLS connection or a WebSocket through the proxy. The LMS and LRS speak plain HTTP.
    proxy.on('connect', (request: IncomingMessage, socket: Duplex) => refuse(request, socket, 'connection'));
    proxy.on('upgrade', (request: IncomingMessage, socket: Duplex) => refuse(request, socket, 'websocket'));
    this.proxy = proxy;
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  }

  private forward(request: IncomingMessage, response: ServerResponse): void {
    const target = URL.canParse(request.url ?? '') ? new URL(request.url ?? '') : undefined;
    if (target === undefined || !this.origins.has(target.origin)) {
      this.record(request.url ?? '', request.headers['sec-fetch-dest'] === 'empty' ? 'fetch' : String(request.headers['sec-fetch-dest'] ?? 'request'));
      request.resume();
      response.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by coursemark verify');
      return;
    }
    const headers = { ...request.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers }, (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }

  async newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    this.signal.throwIfAborted();
    // Loopback too: Playwright proxies it unless the bypass list names it.
    const context = await browser.newContext({ ...options, proxy: { server: await this.proxyUrl() }, serviceWorkers: 'block', acceptDownloads: false });
    this.contexts.add(context);
    context.once('close', () => this.contexts.delete(context));
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    return context;
  }

  /** The requests refused so far, as one finding (or none). */
  findings(): string[] {
    if (this.refused.size === 0) return [];
    const listed = [...this.refused].slice(0, LISTED).map(([url, what]) => `${url} (${what})`);
    const more = this.refused.size > LISTED ? `, and ${this.refused.size - LISTED} more` : '';
    return [
      `The package tried to reach ${this.refused.size === 1 ? 'an address' : `${this.refused.size} addresses`} outside itself and the LMS, and verify blocked ${this.refused.size === 1 ? 'it' : 'them'}: ${listed.join(', ')}${more}. A package must load only its own files and talk only to the LMS or LRS that launched it; remove these requests. (A player embedded on purpose with :::media{embed} is reported here too: an LMS with a strict Content-Security-Policy blocks it the same way, and learners then use the link below it.)`,
    ];
  }

  /**
   * Keeps a server of the run (the emulated LMS, the LRS) until the run releases it or the guard
   * closes: a run stopped by the time limit may never reach its own clean-up (a Playwright call on
   * a context closed under it can stay pending), and nothing of it may be left listening.
   */
  hold(close: () => Promise<void>): () => Promise<void> {
    let closing: Promise<void> | undefined;
    const release = (): Promise<void> => {
      this.held.delete(release);
      closing ??= close();
      return closing;
    };
    this.held.add(release);
    // A run that goes on after the guard closed gets its server closed at once.
    if (this.closed) void release().catch(() => undefined);
    return release;
  }

  /** Closes the servers the run still holds, and the proxy (after the run's contexts are closed). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.held].map((release) => release().catch(() => undefined)));
    const proxy = this.proxy;
    if (proxy === undefined) return;
    proxy.closeAllConnections();
    await new Promise((resolve) => (proxy.listening ? proxy.close(resolve) : proxy.once('listening', () => proxy.close(resolve))));
  }
}

/** A time limit for a whole run: aborts its signal when `seconds` have passed. */
export function deadline(seconds: number): { readonly signal: AbortSignal; readonly clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`verify stopped after ${seconds} s (--timeout)`)), seconds * 1000);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
