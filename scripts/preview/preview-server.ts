import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Logger, Plugin, ViteDevServer } from 'vite';
import { componentsDir } from '../bundle/bundle-course.js';
import { coursePlugin } from '../bundle/course-plugin.js';
import { printable } from '../diagnostics/printable.js';
import { fromRoot } from '../project-root.js';
import { startLrs, type RunningLrs } from '../lms/lrs-server.js';
import type { RenderedModules } from '../render/render-modules.js';
import { hostPage, playerPage } from './host-page.js';
import { previewGuard, type GuardedKind } from './preview-guard.js';
import { loadPreviewCourse, PreviewCaches, type PreviewCourse } from './preview-course.js';

const require = createRequire(import.meta.url);
const TARGETS = ['web', 'scorm12', 'scorm2004', 'cmi5', 'xapi'] as const;
const ADAPTERS: Readonly<Record<(typeof TARGETS)[number], string>> = {
  web: 'trackers/local-tracker.ts',
  scorm12: 'runtime/scorm/scorm12-entry.ts',
  scorm2004: 'runtime/scorm/scorm2004-entry.ts',
  cmi5: 'runtime/cmi5/cmi5-entry.ts',
  xapi: 'runtime/xapi/xapi-entry.ts',
};
const RESOLVED = '\0coursemark:';
/** Which guard rule an address falls under (preview-guard.ts): every request goes through one. */
const guardedKind = (pathname: string): GuardedKind => (pathname.startsWith('/__open-in-editor') ? 'editor' : /^\/__preview\/(launch|lrs\/)/.test(pathname) ? 'api' : 'page');
const FRAME_MODULE = 'virtual:coursemark/preview-frame';
const PANEL_MODULE = 'virtual:coursemark/lms-panel';
// Preview-only modules served through the dev server (so they can import the player's code).
const PREVIEW_MODULES: Readonly<Record<string, string>> = { [FRAME_MODULE]: 'scripts/preview/preview-frame.js', [PANEL_MODULE]: 'scripts/preview/lms-panel.js' };
// What a course file is served as, by extension; anything else is offered as a download.
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The dev server's own warnings and errors, in the terminal as coursemark's: an author has no Vite
 * configuration, so its advice about one would only mislead.
 */
function previewLogger(report: (text: string) => void): Logger {
  const say = (message: string): void => {
    const text = message.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[vite\]\s*/i, '').trim();
    if (text !== '' && !/vite\.config|server\.hmr|optimizeDeps|--force/i.test(text)) report(`coursemark preview: ${text}\n`);
  };
  const warned = new Set<string>();
  return {
    info: () => undefined,
    warn: say,
    warnOnce: (message) => {
      if (!warned.has(message)) say(message);
      warned.add(message);
    },
    error: say,
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
    hasWarned: false,
  };
}

/** The port asked for is taken (with strictPort). */
export class PortInUseError extends Error {}

export interface PreviewServer {
  readonly url: string;
  readonly lrs: RunningLrs;
  close(): Promise<void>;
}

export interface PreviewOptions {
  /**
   * The port to listen on (0: any free one).
   * @default 0
   */
  readonly port?: number;
  /**
   * With a port given: refuse to start when it is taken (PortInUseError) instead of taking the next
   * free one.
   * @default true
   */
  readonly strictPort?: boolean;
  /** Open the preview in the default browser once it listens. */
  readonly open?: boolean;
  /** Where the check report goes when a Markdown edit has errors (the terminal). */
  readonly report: (text: string) => void;
}

/**
 * The pages whose modules differ, when nothing else did (the frame can then swap just those pages
 * in); undefined when the outline, the course data, the support panel, the messages or the page
 * list changed, which needs a relaunch of the frame.
 */
export function changedPagesOnly(before: RenderedModules, after: RenderedModules): string[] | undefined {
  const same =
    before.course === after.course && before.details === after.details && before.support === after.support && before.messages === after.messages && before.viewMessages === after.viewMessages;
  if (!same || before.pages.size !== after.pages.size || [...after.pages.keys()].some((id) => !before.pages.has(id))) return undefined;
  return [...after.pages].filter(([id, source]) => before.pages.get(id) !== source).map(([id]) => id);
}

/**
 * The preview: Vite's dev server over the player's sources, with the build's virtual modules kept
 * up to date from the course folder, a host page playing the LMS, and a loopback LRS.
 */
export async function startPreview(folder: string, options: PreviewOptions): Promise<PreviewServer> {
  const root = resolve(folder);
  const caches = await PreviewCaches.create();
  let current: PreviewCourse = await loadPreviewCourse(root, process.cwd(), caches);
  if (current.report !== '') options.report(current.report);
  let modules: RenderedModules = current.ok ? current.modules : { course: 'export default undefined;', details: 'export const course = undefined;', support: undefined, messages: 'export const messages = undefined;', viewMessages: 'export const messages = undefined;', pages: new Map() };
  const live: RenderedModules = {
    get course() {
      return modules.course;
    },
    get details() {
      return modules.details;
    },
    get support() {
      return modules.support;
    },
    get messages() {
      return modules.messages;
    },
    get viewMessages() {
      return modules.viewMessages;
    },
    get pages() {
      return modules.pages;
    },
  };
  let port = options.port ?? 0;
  const guard = previewGuard(() => port);
  // The preview LRS answers the preview's page only (CORS and Host), like every other endpoint.
  const lrs = await startLrs({ allowOrigin: guard.allowsOrigin });
  // A credential of this session for the xAPI launch, never a fixed one.
  const xapiAuth = `Basic ${Buffer.from(`preview:${randomBytes(18).toString('base64url')}`).toString('base64')}`;
  lrs.allowAuth(xapiAuth);
  const adapters = new Map(TARGETS.map((target) => [target, join(componentsDir, ...ADAPTERS[target].split('/'))]));
  const { createServer } = await import('vite');
  let server: ViteDevServer | undefined;

  const refresh = async (): Promise<void> => {
    current = await loadPreviewCourse(root, process.cwd(), caches);
    if (current.report !== '') options.report(current.report);
    if (!current.ok) {
      // The host page shows it over the course, in coursemark's words (preview-host.js).
      const { error } = current;
      server?.ws.send({ type: 'custom', event: 'coursemark:error', data: { message: error.message, file: error.file, line: error.line, column: error.column, frame: error.frame } });
      return;
    }
    const before = modules;
    modules = current.modules;
    for (const [id, module] of server?.moduleGraph.idToModuleMap ?? []) if (id.startsWith(RESOLVED)) server?.moduleGraph.invalidateModule(module);
    server?.ws.send({ type: 'custom', event: 'coursemark:update', data: { pages: changedPagesOnly(before, modules) } });
  };

  const preview: Plugin = {
    name: 'coursemark:preview',
    // The course frame's script for page swaps (preview-frame.js) and the host page's LMS panel
    // (lms-panel.js), as modules the dev server serves with HMR.
    resolveId: (id) => (Object.hasOwn(PREVIEW_MODULES, id) ? `\0${id}` : undefined),
    load: (id) => {
      const file = id.startsWith('\0') ? PREVIEW_MODULES[id.slice(1)] : undefined;
      return file === undefined ? undefined : readFile(fromRoot(file), 'utf8');
    },
    configureServer(dev) {
      dev.watcher.add(root);
      // Editors save by writing in place or by renaming a new file over the old one: watch both.
      const update = (): void => {
        refresh().catch((error: unknown) => options.report(`coursemark: ${printable(error instanceof Error ? error.message : String(error))}\n`));
      };
      const read = (path: string): Promise<string | undefined> => readFile(path, 'utf8').catch(() => undefined);
      // Text of each changed file as last seen by an update.
      const seen = new Map<string, string | undefined>();
      for (const event of ['change', 'add', 'unlink'] as const) {
        dev.watcher.on(event, (path: string) => {
          if (!path.startsWith(root)) return;
          void read(path).then((text) => seen.set(path, text));
          update();
          // The watcher drops a second change of the same file within 50 ms (its throttle has no
          // trailing call), so a quick second save would be lost: look at the file again after that.
          setTimeout(() => {
            void read(path).then((text) => {
              if (text === seen.get(path)) return;
              seen.set(path, text);
              update();
            });
          }, 80);
        });
      }
      dev.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        if (!guard.admit(request, response, guardedKind(url.pathname))) return;
        const send = (type: string, body: string): void => {
          response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
          response.end(body);
        };
        if (url.pathname === '/' || url.pathname === '/index.html') return send('text/html; charset=utf-8', hostPage(current.ok ? current.model.data.title : 'course with errors', guard.token));
        if (url.pathname === '/__preview/host.js') {
          void readFile(fromRoot('scripts/preview/preview-host.js'), 'utf8').then((text) => send('text/javascript', text));
          return;
        }
        const lms = /^\/__preview\/lms\/(scorm12|scorm2004)\.js$/.exec(url.pathname)?.[1];
        if (lms !== undefined) {
          response.writeHead(200, { 'content-type': 'text/javascript' });
          createReadStream(join(dirname(require.resolve('scorm-again')), `${lms}.min.js`)).pipe(response);
          return;
        }
        const player = /^\/__preview\/player\/(\w+)\.html$/.exec(url.pathname)?.[1];
        if (player !== undefined && adapters.has(player as (typeof TARGETS)[number])) {
          void dev.transformIndexHtml(url.pathname, playerPage(current.ok ? current.model.data.language : 'en', player)).then((html) => send('text/html; charset=utf-8', html));
          return;
        }
        if (url.pathname === '/__preview/launch' && current.ok) {
          const target = url.searchParams.get('target');
          const registration = url.searchParams.get('registration') ?? crypto.randomUUID();
          if (target === 'cmi5') {
            const mode = url.searchParams.get('mode');
            const launch = lrs.setLaunch({ activityId: `${current.model.data.id}/au`, registration, launchMode: mode === 'Browse' || mode === 'Review' ? mode : 'Normal', masteryScore: current.model.data.mastery });
            return send('application/json', JSON.stringify({ search: launch.search, registration }));
          }
          const actor = JSON.stringify({ objectType: 'Agent', name: 'Preview', mbox: 'mailto:preview@example.org' });
          const search = new URLSearchParams({ endpoint: lrs.endpoint, auth: xapiAuth, actor, registration, activity_id: current.model.data.id });
          return send('application/json', JSON.stringify({ search: `?${search.toString()}`, registration }));
        }
        if (url.pathname === '/__preview/lrs/statements') {
          const registration = url.searchParams.get('registration') ?? '';
          const statements = lrs.statements().filter((statement) => statement.context?.registration === registration);
          const state = lrs.requests().filter((entry) => entry.path.endsWith('/activities/state') && entry.method === 'PUT').length;
          return send('application/json', JSON.stringify({ statements, state }));
        }
        if (url.pathname === '/__preview/lrs/fail') {
          if (request.method !== 'POST') {
            response.writeHead(405, { allow: 'POST' }).end();
            return;
          }
          lrs.clearFaults();
          if (url.searchParams.get('on') === 'true') lrs.failNext(100_000, { type: 'status', status: 503 });
          return send('application/json', '{}');
        }
        // Course files, where the player's pages ask for them: next to the player page, as in a package.
        const mediaPath = url.pathname.replace(/^\/__preview\/player\//, '/');
        if (mediaPath.startsWith('/media/') && current.ok) {
          const file = [...current.model.media.values()].find((media) => `/${media.output}` === mediaPath);
          if (file !== undefined) {
            const extension = /\.([a-z0-9]+)$/i.exec(file.output)?.[1]?.toLowerCase() ?? '';
            response.writeHead(200, { 'content-type': MEDIA_TYPES[extension] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
            createReadStream(join(root, ...file.source.split('/'))).pipe(response);
            return;
          }
        }
        next();
      });
    },
  };

  server = await createServer({
    configFile: false,
    envDir: false,
    root: componentsDir,
    logLevel: 'warn',
    customLogger: previewLogger(options.report),
    publicDir: false,
    envPrefix: '__COURSEMARK_NO_ENV__',
    appType: 'custom',
    // Most of the player loads lazily (pages, their directive elements, views, the tracking runtime),
    // so Vite would find a package such as lit/directives/repeat.js only when a page first imports
    // it, re-optimise and reload the page mid-session. These are every package the player imports
    // at run time (@xapi/xapi is types only); a new one belongs here too.
    optimizeDeps: { include: ['lit', 'lit/directives/repeat.js', '@lit/context'] },
    // No CORS: the preview's pages are all same-origin, and no other page may read its modules.
    server: { host: '127.0.0.1', port: options.port ?? 0, strictPort: options.port !== undefined && options.strictPort !== false, open: options.open === true, cors: false, hmr: { overlay: false } },
    plugins: [coursePlugin({ modules: live, mountModule: `${componentsDir}mount.ts`, adapters }), preview],
  });
  try {
    await server.listen();
  } catch (error) {
    // Nothing may keep the process alive after a failed start (the LRS, the file watcher).
    await server.close();
    await lrs.close();
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' || /port \d+ is already in use/i.test(error instanceof Error ? error.message : '')) {
      throw new PortInUseError(`port ${options.port ?? 0} is already in use (another preview, or another program). Stop it, or choose another port with --port (or leave --port out to take the next free one).`);
    }
    throw error;
  }
  const address = server.httpServer?.address();
  port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/`,
    lrs,
    async close() {
      await server?.close();
      await lrs.close();
    },
  };
}
