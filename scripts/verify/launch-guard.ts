import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { closeBrowserContext } from '../lms/browser.js';
import { printable } from '../diagnostics/printable.js';

/** The longest a whole `coursemark verify` run may take, unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 120;
/** The longest one learner action (a click, a page turn) may wait for the page. */
const STEP_TIMEOUT_MS = 10_000;
// Addresses that never leave the browser.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);
const LISTED = 5;

/**
 * The fence around a package while verify runs it: every browser context it opens can reach only
 * the origins of the emulated LMS and LRS; any other request (fetch, XHR, beacon, image, script,
 * frame, navigation, WebSocket) is refused and recorded. Service workers are blocked (their
 * requests would bypass the routing) and so are downloads. When `signal` aborts (the run's time
 * is up), every context is closed, which ends whatever the learner was waiting for.
 */
export class LaunchGuard {
  private readonly origins = new Set<string>();
  private readonly contexts = new Set<BrowserContext>();
  private readonly refused = new Map<string, string>();

  constructor(readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => {
      for (const context of this.contexts) void closeBrowserContext(context, 2_000);
    });
  }

  /** Lets the package reach `url`'s origin (the emulated LMS's or LRS's server). */
  allow(url: string): void {
    this.origins.add(new URL(url).origin);
  }

  private allowed(url: string): boolean {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    return parsed !== undefined && (LOCAL_SCHEMES.has(parsed.protocol) || this.origins.has(parsed.origin));
  }

  private record(url: string, what: string): void {
    const shown = printable(url.length > 120 ? `${url.slice(0, 117)}...` : url);
    if (!this.refused.has(shown)) this.refused.set(shown, what);
  }

  async newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    this.signal.throwIfAborted();
    const context = await browser.newContext({ ...options, serviceWorkers: 'block', acceptDownloads: false });
    this.contexts.add(context);
    context.once('close', () => this.contexts.delete(context));
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    await context.route('**/*', (route) => {
      const request = route.request();
      if (this.allowed(request.url())) return route.continue();
      this.record(request.url(), request.resourceType());
      return route.abort('blockedbyclient');
    });
    await context.routeWebSocket(
      (url) => !this.allowed(url.href),
      (socket) => {
        this.record(socket.url(), 'websocket');
        return socket.close({ code: 1008, reason: 'blocked by coursemark verify' });
      },
    );
    return context;
  }

  /** The requests refused so far, as one finding (or none). */
  findings(): string[] {
    if (this.refused.size === 0) return [];
    const listed = [...this.refused].slice(0, LISTED).map(([url, what]) => `${url} (${what})`);
    const more = this.refused.size > LISTED ? `, and ${this.refused.size - LISTED} more` : '';
    return [
      `The package tried to reach ${this.refused.size === 1 ? 'an address' : `${this.refused.size} addresses`} outside itself and the LMS, and verify blocked ${this.refused.size === 1 ? 'it' : 'them'}: ${listed.join(', ')}${more}. A package must load only its own files and talk only to the LMS or LRS that launched it; remove these requests.`,
    ];
  }
}

/** A time limit for a whole run: aborts its signal when `seconds` have passed. */
export function deadline(seconds: number): { readonly signal: AbortSignal; readonly clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`verify stopped after ${seconds} s (--timeout)`)), seconds * 1000);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
