/**
 * A Chromium whose whole process tree can be killed (SIGKILL: a crash, a laptop lid, a power cut)
 * and started again on the same profile, driven over CDP. Debian's Chromium, never a download.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export interface KillableBrowser {
  /** The profile's own context (its storage is on disk, in the profile). */
  readonly context: BrowserContext;
  /** SIGKILL to the browser and every process it started; no page gets to run anything. */
  kill(): Promise<void>;
}

export interface Profile {
  start(): Promise<KillableBrowser>;
  remove(): Promise<void>;
}

export async function newProfile(): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'coursemark-profile-'));
  return {
    async start() {
      const child: ChildProcess = spawn(
        process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync', '--remote-debugging-port=0', `--user-data-dir=${dir}`, 'about:blank'],
        { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const endpoint = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 20_000);
        child.stderr?.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const browser: Browser = await chromium.connectOverCDP(endpoint);
      const context = browser.contexts()[0];
      if (context === undefined) throw new Error('Chromium has no default context');
      return {
        context,
        async kill() {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          await exited;
          await browser.close().catch(() => undefined);
        },
      };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
