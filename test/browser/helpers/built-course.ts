/** A course written by a test, built with the CLI as an author would, its web output served, and a browser. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { buildWithCli, writeCourse } from './generated-course.js';
import { serveDirectory, type StaticServer } from './server.js';

export interface BuiltCourse {
  /** The temporary folder: the course in course/, the build in out/. */
  readonly work: string;
  readonly server: StaticServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

export interface BuildSteps {
  /** Writes what text cannot hold (images, sounds) into the course folder before the build. */
  readonly prepare?: (courseFolder: string) => Promise<void>;
  /** Build options after `build <course> --out <out>`; the web target must be among them. */
  readonly args?: readonly string[];
}

export async function serveBuiltCourse(files: Readonly<Record<string, string>>, steps: BuildSteps = {}): Promise<BuiltCourse> {
  const work = await mkdtemp(join(tmpdir(), 'coursemark-built-'));
  await writeCourse(join(work, 'course'), files);
  await steps.prepare?.(join(work, 'course'));
  await buildWithCli(join(work, 'course'), join(work, 'out'), ...(steps.args ?? ['--target', 'web']));
  const server = await serveDirectory(join(work, 'out', 'web'));
  const browser = await launchBrowser();
  return {
    work,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
