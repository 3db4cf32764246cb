// A static file server for the emulated LMS: content and host page from one loopback origin, with
// byte ranges as LMS web servers answer them (media players seek by range).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
};

/**
 * The one byte range a `Range: bytes=...` header asks of a file of `size` bytes (RFC 9110 14.1.2),
 * 'unsatisfiable', or undefined for the whole file (no header, or several ranges, which a server
 * may answer whole). Browsers seek in video and sound by range; without ranges they cannot seek.
 */
export function byteRange(header: string | undefined, size: number): { readonly start: number; readonly end: number } | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  // bytes=-n: the last n bytes.
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Extra response headers, e.g. a Content-Security-Policy for HTML documents. */
  readonly htmlHeaders?: Readonly<Record<string, string>>;
}

/** Serves `root` on 127.0.0.1 at a free port; paths outside `root` are refused. */
export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const server = createServer((request, response) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      // A malformed %-escape (from a page under test): a bad request, not a crash.
      response.writeHead(400).end();
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      response.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          response.writeHead(404).end();
          return;
        }
        const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
        const headers = { 'content-type': type, 'cache-control': 'no-store', 'accept-ranges': 'bytes', ...(type.startsWith('text/html') ? options.htmlHeaders : {}) };
        const range = byteRange(request.headers.range, info.size);
        if (range === 'unsatisfiable') {
          response.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
          return;
        }
        if (range === undefined) {
          response.writeHead(200, { ...headers, 'content-length': String(info.size) });
          createReadStream(file).pipe(response);
          return;
        }
        response.writeHead(206, { ...headers, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${info.size}` });
        createReadStream(file, range).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser context that was left open (see closeContext) may still hold a connection.
        server.closeAllConnections();
      }),
  };
}
