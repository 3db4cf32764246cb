/**
 * The sample course built as LMS packages, unpacked under one loopback site (as an LMS serves them),
 * with the course's data for the scripted learner. Built once per test file.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { CourseData } from '../../../components/course-data.js';
import { readCourseFolder } from '../../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import type { Browser } from 'playwright-core';
import { startLrs, type RunningLrs } from '../../support/lrs-server.js';
import { unzip } from '../../unit/package/package-helpers.js';
import { launchBrowser } from './browser.js';
import { serveDirectory, type StaticServer } from './server.js';

const repo = join(import.meta.dirname, '../../..');
const NAME = 'the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0';

export type Target = 'cmi5' | 'xapi' | 'scorm12' | 'scorm2004';

export interface SamplePackages {
  /** Each target's package unpacked in `site/<target>/`, and `site/returned.html` (the LMS's return page). */
  readonly site: string;
  readonly zips: ReadonlyMap<Target, Uint8Array>;
  readonly course: CourseData;
  remove(): Promise<void>;
}

export async function buildSamplePackages(targets: readonly Target[]): Promise<SamplePackages> {
  const out = await mkdtemp(join(tmpdir(), 'coursemark-packages-'));
  await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', join(repo, 'course'), '--out', out, '--target', targets.join(',')]);
  const zips = new Map<Target, Uint8Array>();
  for (const target of targets) {
    const zip = new Uint8Array(await readFile(join(out, `${NAME}-${target}.zip`)));
    zips.set(target, zip);
    for (const entry of unzip(zip)) {
      const path = join(out, 'site', target, ...entry.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, entry.contents);
    }
  }
  await mkdir(join(out, 'site'), { recursive: true });
  await writeFile(join(out, 'site', 'returned.html'), '<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
  const model = checkCourse(await readCourseFolder(join(repo, 'course'))).model;
  if (!model) throw new Error('The sample course has errors');
  return { site: join(out, 'site'), zips, course: model.data, remove: () => rm(out, { recursive: true, force: true }) };
}

/** The packages served from one loopback origin, a loopback LRS on another, and a browser. */
export interface PackageSite {
  readonly packages: SamplePackages;
  readonly course: CourseData;
  readonly content: StaticServer;
  readonly lrs: RunningLrs;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function openPackageSite(targets: readonly Target[]): Promise<PackageSite> {
  const packages = await buildSamplePackages(targets);
  const content = await serveDirectory(packages.site);
  const lrs = await startLrs();
  const browser = await launchBrowser();
  return {
    packages,
    course: packages.course,
    content,
    lrs,
    browser,
    async close() {
      await browser.close();
      await lrs.close();
      await content.close();
      await packages.remove();
    },
  };
}
