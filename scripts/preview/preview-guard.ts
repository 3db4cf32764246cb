import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header the preview's own page sends its session token in. */
export const TOKEN_HEADER = 'x-coursemark-token';

/**
 * What a request may do: `page` is anything the preview serves (its pages, modules, media);
 * `api` reads or changes the preview's state (launch details with LRS credentials, statements,
 * fault switches) and needs the session token; `editor` opens a file in the author's editor.
 */
export type GuardedKind = 'page' | 'api' | 'editor';

export interface PreviewGuard {
  /** A random token, new each session, that only the preview's own page knows (it is in the page). */
  readonly token: string;
  /** The preview's own origins (`http://127.0.0.1:<port>`, `http://localhost:<port>`). */
  origins(): readonly string[];
  /** Whether a request carrying this Origin header (or none) may be answered, e.g. by the preview LRS. */
  allowsOrigin(origin: string | undefined): boolean;
  /**
   * Admits a request that comes from the preview's own page, or answers it 403 and returns false:
   * the Host header must name the preview (DNS rebinding), the Origin must be the preview's, the
   * browser's Sec-Fetch-Site must not say another site or port sent it, and `api` requests must
   * carry the token (and change state only by POST).
   */
  admit(request: IncomingMessage, response: ServerResponse, kind: GuardedKind): boolean;
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/**
 * The preview's guard: every endpoint of the dev server, and the preview LRS, answer only the
 * preview's own page. `port` is read on each request (it is known once the server listens).
 */
export function previewGuard(port: () => number): PreviewGuard {
  const token = randomBytes(24).toString('base64url');
  const hosts = (): string[] => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  const origins = (): string[] => hosts().map((host) => `http://${host}`);
  const refuse = (response: ServerResponse, why: string): false => {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`coursemark preview: ${why}\n`);
    return false;
  };
  return {
    token,
    origins,
    allowsOrigin: (origin) => origin === undefined || origins().includes(origin),
    admit(request, response, kind) {
      if (!hosts().includes(header(request, 'host') ?? '')) return refuse(response, 'this server answers only requests addressed to it by its own address.');
      const origin = header(request, 'origin');
      if (origin !== undefined && !origins().includes(origin)) return refuse(response, 'requests from other pages are refused.');
      // Sec-Fetch-Site (Fetch Metadata): "same-site" is another port of the same host, not the preview.
      const site = header(request, 'sec-fetch-site');
      const navigation = header(request, 'sec-fetch-mode') === 'navigate' && header(request, 'sec-fetch-dest') === 'document';
      if (kind === 'page' && site !== undefined && site !== 'same-origin' && site !== 'none' && !(navigation && request.method === 'GET')) {
        return refuse(response, 'requests from other pages are refused.');
      }
      if (kind === 'editor' && site !== 'same-origin') return refuse(response, 'only the preview page itself may open files in the editor.');
      if (kind === 'api') {
        if (site !== undefined && site !== 'same-origin') return refuse(response, 'requests from other pages are refused.');
        if (!sameToken(header(request, TOKEN_HEADER), token)) return refuse(response, 'this request needs the preview session token.');
      }
      return true;
    },
  };
}
