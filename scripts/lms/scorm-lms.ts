import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { fromRoot } from '../project-root.js';
import { unpackZip } from '../verify/unpack-zip.js';
import { bytesSource } from '../verify/zip-source.js';
import { serveDirectory, type StaticServer } from './static-server.js';

const require = createRequire(import.meta.url);

// From the installation root, so the same when the CLI runs from its sources or from lib/.
const HOST = fromRoot('scripts/lms/lms-host');

export type ScormVersion = '1.2' | '2004';

/** One entry of the LMS-side call log (what the content called, what the API answered). */
export interface LmsCall {
  readonly name: string;
  readonly args: readonly string[];
  readonly result: string;
  readonly error: string | undefined;
  readonly at: number;
}

export interface LaunchOptions {
  /** A saved attempt to continue. */
  readonly cmi?: Record<string, unknown>;
  readonly refuseCommits?: number;
  readonly width?: number;
  /** The launch file and query, relative to the package root (default index.html). */
  readonly launch?: string;
  /** Opens the browser context (verify's opens a fenced one, see launch-guard.ts). */
  readonly newContext?: (browser: Browser, options: BrowserContextOptions) => Promise<BrowserContext>;
  /** Open the LMS page in this context (a second tab of the same browser), not in a new one. */
  readonly context?: BrowserContext;
}

export interface ScormLms {
  readonly url: string;
  /** Launches the package inside the emulated LMS page, optionally continuing a saved attempt. */
  launch(browser: Browser, options?: LaunchOptions): Promise<Page>;
  close(): Promise<void>;
}

/** A folder whose pkg/ subfolder holds a package already unpacked (and checked) by its owner. */
export interface UnpackedFolder {
  readonly root: string;
}

/**
 * An emulated LMS for a SCORM package: the package (a zip, unpacked here under the same rules as
 * verify's, or a folder its owner unpacked) sits next to a host page that exposes scorm-again's API
 * and frames the package, all served from one loopback origin (as an LMS serves content from its
 * own origin, which SCORM's same-origin API discovery needs).
 */
export async function startScormLms(pkg: Uint8Array | UnpackedFolder, version: ScormVersion): Promise<ScormLms> {
  const owned = pkg instanceof Uint8Array;
  const root = owned ? await mkdtemp(join(tmpdir(), 'coursemark-lms-')) : pkg.root;
  if (owned) {
    await mkdir(join(root, 'pkg'));
    const unpacked = await unpackZip(bytesSource(pkg), join(root, 'pkg'));
    if (unpacked.refused) throw new Error(`the package cannot be unpacked: ${unpacked.findings.join(' ')}`);
  }
  await mkdir(join(root, 'lms'));
  await copyFile(join(HOST, 'index.html'), join(root, 'lms/index.html'));
  await copyFile(join(HOST, 'host.js'), join(root, 'lms/host.js'));
  // The package's exports map hides dist/; its main entry sits in dist/ next to the builds we need.
  // Only the launched version's build: with both, every launch parsed the other one too (2004's is 565 KB).
  const dist = dirname(require.resolve('scorm-again'));
  await copyFile(join(dist, version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js'), join(root, 'lms/scorm-api.js'));
  const server: StaticServer = await serveDirectory(root);
  return {
    url: server.url,
    async launch(browser, options = {}) {
      const contextOptions: BrowserContextOptions = { viewport: { width: options.width ?? 1280, height: 900 }, reducedMotion: 'reduce' };
      const context = options.context ?? (await (options.newContext?.(browser, contextOptions) ?? browser.newContext(contextOptions)));
      const page = await context.newPage();
      await page.addInitScript((init) => {
        (window as unknown as { __lmsInit: unknown }).__lmsInit = init;
      }, { version, launch: `../pkg/${options.launch ?? 'index.html'}`, cmi: options.cmi ?? {}, refuseCommits: options.refuseCommits ?? 0 });
      await page.goto(`${server.url}lms/index.html`);
      return page;
    },
    async close() {
      await server.close();
      if (owned) await rm(root, { recursive: true, force: true });
    },
  };
}

export function lmsLog(page: Page): Promise<LmsCall[]> {
  return page.evaluate(() => (window as unknown as { __lmsLog: LmsCall[] }).__lmsLog);
}

/**
 * Whether the content has ended its session (LMSFinish or Terminate), waiting at most `ms` for it:
 * the LMS page settles `__lmsFinished` at that call, so the answer comes the moment it is made.
 */
export function lmsFinished(page: Page, ms: number): Promise<boolean> {
  return page.evaluate(
    (limit) =>
      Promise.race([
        // The content shares this page's origin and may have replaced the promise: whatever is there
        // settles or times out (the call log, not this, says whether the session was ended).
        Promise.resolve((window as unknown as { __lmsFinished: unknown }).__lmsFinished).then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), limit)),
      ]),
    ms,
  );
}

export function lmsData(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as { __lmsData: () => Record<string, unknown> }).__lmsData());
}

/**
 * What an LMS hands the next launch of the same attempt (SCORM 1.2 RTE 3.4.2, 2004 RTE 4.2.8):
 * entry=resume after exit=suspend, with location, suspend_data, status and score kept.
 */
export function nextAttemptData(version: ScormVersion, stored: Record<string, unknown>, masteryScore?: number): Record<string, unknown> {
  const cmi = (stored.cmi ?? stored) as Record<string, unknown>;
  if (version === '1.2') {
    const core = (cmi.core ?? {}) as Record<string, unknown>;
    return {
      core: {
        entry: core.exit === 'suspend' ? 'resume' : 'ab-initio',
        lesson_location: core.lesson_location ?? '',
        lesson_status: core.lesson_status ?? 'not attempted',
        score: core.score ?? {},
      },
      suspend_data: cmi.suspend_data ?? '',
      ...(masteryScore === undefined ? {} : { student_data: { mastery_score: String(masteryScore) } }),
    };
  }
  return {
    entry: cmi.exit === 'suspend' ? 'resume' : 'ab-initio',
    location: cmi.location ?? '',
    suspend_data: cmi.suspend_data ?? '',
    completion_status: cmi.completion_status ?? 'unknown',
    success_status: cmi.success_status ?? 'unknown',
    score: cmi.score ?? {},
    ...(masteryScore === undefined ? {} : { scaled_passing_score: String(masteryScore) }),
  };
}
