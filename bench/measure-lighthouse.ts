import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launch, Launcher, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_SWITCHES, DISABLED_FEATURES } from '../scripts/lms/chromium-switches.js';
import { findBrowser } from '../scripts/lms/find-browser.js';
import { readCourseFolder } from '../scripts/load/read-course-folder.js';
import { checkCourse } from '../scripts/pipeline.js';
import { serveDirectory } from '../test/browser/helpers/server.js';
import { findingsOf, lcpElementOf, lcpPhasesOf, metricsOf, type LcpElement, type LighthouseMetrics } from './lighthouse-findings.js';
import { summarize, type Summary } from './measure-build.js';

/** A page of the built course to audit: `hash` is the player's route to it ('' opens the first page). */
export interface LighthouseTarget {
  readonly name: string;
  readonly pageId: string;
  readonly pageIndex: number;
  readonly hash: string;
}

export interface LighthousePage {
  readonly url: string;
  readonly pageId: string;
  readonly score: Summary;
  readonly lcpMs: Summary;
  readonly fcpMs: Summary;
  readonly tbtMs: Summary;
  readonly cls: Summary;
  /** Lighthouse's measure of this machine's speed at the time (a desktop of 2024 scores about 2000). */
  readonly benchmarkIndex: Summary;
  readonly runs: readonly LighthouseMetrics[];
  /** From the run with the median LCP: what the report of that run says dominated. */
  readonly lcpElement: LcpElement | undefined;
  readonly lcpPhasesMs: Readonly<Record<string, number>>;
  readonly findings: readonly string[];
  readonly runWarnings: readonly string[];
}

export interface LighthouseReport {
  readonly settings: Readonly<Record<string, unknown>>;
  /** The machine's 1, 5 and 15 minute load averages before and after the runs: simulated throttling scales the CPU time it observes. */
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
  readonly pages: Readonly<Record<string, LighthousePage>>;
}

/**
 * The first page, and the page with the most questions (the knowledge check in the sample course),
 * read from the course model the build makes, so the bench follows the course if its pages change.
 */
export async function lighthouseTargets(courseFolder: string): Promise<LighthouseTarget[]> {
  const { model } = checkCourse(await readCourseFolder(courseFolder));
  if (!model) throw new Error(`The course in ${courseFolder} has errors; run "coursemark check" on it.`);
  const { pages, questions } = model.data;
  const counts = new Map<string, number>();
  for (const question of questions) counts.set(question.pageId, (counts.get(question.pageId) ?? 0) + 1);
  const [questionPageId] = [...counts].sort(([, a], [, b]) => b - a)[0] ?? [];
  const questionPage = pages.find((page) => page.id === questionPageId);
  const first = pages[0];
  if (!first || !questionPage) throw new Error(`The course in ${courseFolder} has no page with a question to measure.`);
  return [
    { name: 'first page', pageId: first.id, pageIndex: first.index, hash: '' },
    { name: 'question page', pageId: questionPage.id, pageIndex: questionPage.index, hash: `#/${encodeURIComponent(questionPage.id)}` },
  ];
}

/**
 * The switches Chromium gets: coursemark's own (scripts/lms/chromium-switches.ts: no calls home,
 * only loopback names resolve) after chrome-launcher's defaults, which Lighthouse is tuned with.
 * Chromium keeps only the last --disable-features switch, so both lists go into one: chrome-launcher's
 * holds RenderDocument, which Lighthouse needs off (a new document per navigation breaks its
 * tracing of the page load).
 */
function chromeFlags(sandbox: boolean): string[] {
  const prefix = '--disable-features=';
  const launcherFeatures = Launcher.defaultFlags().find((flag) => flag.startsWith(prefix))?.slice(prefix.length).split(',') ?? [];
  return [
    ...CHROMIUM_SWITCHES.filter((flag) => !flag.startsWith(prefix)),
    `${prefix}${[...new Set([...launcherFeatures, ...DISABLED_FEATURES])].join(',')}`,
    // chrome-launcher opens a window unless told otherwise; the bench runs on machines without a display.
    '--headless',
    // As scripts/lms/browser.ts: Chromium refuses its sandbox to root, and some machines lack user namespaces.
    ...(sandbox ? [] : ['--no-sandbox']),
  ];
}

/** Starts Chromium for one run, sandboxed where the machine allows it. */
async function startChromium(state: { sandbox: boolean }): Promise<LaunchedChrome> {
  try {
    return await launch({ chromePath: findBrowser(), chromeFlags: chromeFlags(state.sandbox) });
  } catch (error) {
    if (!state.sandbox) throw error;
    state.sandbox = false;
    return launch({ chromePath: findBrowser(), chromeFlags: chromeFlags(false) });
  }
}

/** One Lighthouse navigation in a Chromium of its own (as the Lighthouse CLI and PageSpeed do): the LHR and the HTML report. */
async function auditOnce(url: string, state: { sandbox: boolean }): Promise<{ lhr: Result; html: string }> {
  const chrome = await startChromium(state);
  try {
    // Only the category is chosen: form factor, screen, network and CPU throttling stay Lighthouse's
    // defaults (a mid-range phone, slow 4G, 4x CPU slowdown, simulated), the settings PageSpeed uses.
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'html', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return { lhr: result.lhr, html: typeof result.report === 'string' ? result.report : result.report.join('') };
  } finally {
    chrome.kill();
  }
}

/**
 * Lighthouse's mobile performance audit of the built web folder, served on 127.0.0.1, `count` runs
 * per target. Medians of the score and of each metric; the LCP element, its phases and the failing
 * audits come from the run with the median LCP, whose HTML report is written to `reportFolder`.
 * Throws when the LCP element lies in another page than the one asked for (the route was not followed).
 */
export async function measureLighthouse(webFolder: string, targets: readonly LighthouseTarget[], count: number, reportFolder: string): Promise<LighthouseReport> {
  const before = loadavg();
  const server = await serveDirectory(webFolder);
  const state = { sandbox: process.getuid?.() !== 0 };
  const pages: Record<string, LighthousePage> = {};
  let settings: Record<string, unknown> = {};
  try {
    for (const target of targets) {
      const url = `${server.url}index.html${target.hash}`;
      const audits: { lhr: Result; html: string; metrics: LighthouseMetrics }[] = [];
      for (let index = 0; index < count; index += 1) {
        const audit = await auditOnce(url, state);
        audits.push({ ...audit, metrics: metricsOf(audit.lhr) });
      }
      const median = [...audits].sort((a, b) => a.metrics.lcpMs - b.metrics.lcpMs)[Math.floor(audits.length / 2)];
      if (!median) throw new Error('No Lighthouse run to summarise.');
      const lcpElement = lcpElementOf(median.lhr);
      // The player names each page's element cm-page-<index> (components/page-registry.ts).
      const measured = /(?:^|,)CM-PAGE-(\d+),/.exec(lcpElement?.path ?? '')?.[1];
      if (measured !== undefined && Number(measured) !== target.pageIndex) {
        throw new Error(`Lighthouse measured page ${measured} of the course at ${url}, not "${target.pageId}" (page ${target.pageIndex}).`);
      }
      await writeFile(join(reportFolder, `lighthouse-${target.name.replaceAll(' ', '-')}.html`), median.html);
      const of = (pick: (metrics: LighthouseMetrics) => number) => summarize(audits.map((audit) => pick(audit.metrics)));
      pages[target.name] = {
        url: `index.html${target.hash}`,
        pageId: target.pageId,
        score: of((metrics) => metrics.score),
        lcpMs: of((metrics) => metrics.lcpMs),
        fcpMs: of((metrics) => metrics.fcpMs),
        tbtMs: of((metrics) => metrics.tbtMs),
        cls: of((metrics) => metrics.cls),
        benchmarkIndex: summarize(audits.map((audit) => audit.lhr.environment.benchmarkIndex)),
        runs: audits.map((audit) => audit.metrics),
        lcpElement,
        lcpPhasesMs: lcpPhasesOf(median.lhr),
        findings: findingsOf(median.lhr),
        runWarnings: [...new Set(audits.flatMap((audit) => audit.lhr.runWarnings))],
      };
      const { formFactor, throttlingMethod, throttling, screenEmulation } = median.lhr.configSettings;
      settings = { lighthouse: median.lhr.lighthouseVersion, browser: median.lhr.environment.hostUserAgent, formFactor, throttlingMethod, throttling, screenEmulation, chromeFlags: chromeFlags(state.sandbox) };
    }
  } finally {
    await server.close();
  }
  return { settings, loadAverage: { before, after: loadavg() }, pages };
}
