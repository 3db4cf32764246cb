import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { sandboxOf } from '../lms/browser.js';
import { checkPackage } from '../package/index.js';
import { MANIFEST_FILES } from '../package/package-files.js';
import type { AnswerMode } from './learner.js';
import { deadline, DEFAULT_TIMEOUT_SECONDS, LaunchGuard } from './launch-guard.js';
import { launchFile, launchInfo } from './launch-info.js';
import type { OutputFile } from '../bundle/bundle-course.js';
import { ausOf, readCmi5Tree } from '../lms/cmi5-satisfaction.js';
import { lmsAdvice, type LmsName, type PackageFacts } from './lms-advice.js';
import { runAus } from './run-aus.js';
import { runLrs } from './run-lrs.js';
import { message, runScorm, type RunOptions, type RunResult } from './run-scorm.js';
import { unpackDirectory } from './unpack-zip.js';
import { readZipDirectory, type ZipDirectory } from './zip-directory.js';
import { bytesSource, type ZipSource } from './zip-source.js';
import { cartridgeSummary } from './cartridge-summary.js';
import type { VerifyReport } from './verify-report.js';

export interface VerifyOptions {
  readonly name: string;
  readonly answers: AnswerMode;
  /** How each further attempt of a question pool is answered (`--answers wrong,correct`). */
  readonly retries?: readonly AnswerMode[];
  readonly resume: boolean;
  /**
   * The longest the whole run may take, in seconds; then the learner stops and the report says so.
   * @default 120
   */
  readonly timeoutSeconds?: number;
  /**
   * The LMSs to advise on (lms-advice.ts).
   * @default every one
   */
  readonly lms?: readonly LmsName[];
}

const MANIFESTS: ReadonlySet<string> = new Set(Object.values(MANIFEST_FILES));
const EARLY_LAUNCH_BYTES = 16 * 1024 * 1024;

/**
 * Whether Chromium starts while the package inflates rather than after: for a package within the
 * limits, with a manifest at its root, whose files take a while to write (video: seconds), so that
 * the browser is up when they are. A small package is unpacked first: one refused on the way (an
 * entry that inflates past its declared size) is then refused at once, with no browser to start.
 */
function launchesEarly(directory: ZipDirectory): boolean {
  const declared = directory.entries.reduce((total, entry) => total + entry.size, 0);
  return directory.refused.length === 0 && declared >= EARLY_LAUNCH_BYTES && directory.entries.some((entry) => MANIFESTS.has(entry.name));
}

// How long a run that ran out of time gets to end on its own before verify closes what it holds.
const WIND_DOWN_MS = 3_000;

/**
 * Verifies one package, treating it as hostile (scripts/verify/README.md): unpacks it into a
 * temporary folder of its own within the zip limits, runs the packaging checks on its files,
 * then a learner's walk through it in the emulated LMS or LRS, fenced off from every other
 * address and bounded in time, and reports what that recorded. The browser is injected (the CLI
 * starts one, the tests share one). Nothing is left on disk.
 */
export async function verifyPackage(zip: Uint8Array | ZipSource, options: VerifyOptions, browser: () => Promise<Browser>): Promise<VerifyReport> {
  const seconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const limit = deadline(seconds);
  const root = await mkdtemp(join(tmpdir(), 'coursemark-verify-'));
  let guard: LaunchGuard | undefined;
  const base = { package: options.name, answers: options.answers, walked: undefined, recorded: undefined, resume: undefined, sandbox: undefined };
  try {
    let unpacked;
    let launching: Promise<Browser> | undefined;
    try {
      await mkdir(join(root, 'pkg'));
      const source = zip instanceof Uint8Array ? bytesSource(zip) : zip;
      const directory = await readZipDirectory(source);
      if (launchesEarly(directory)) {
        launching = browser();
        // Awaited below when the package is launched; one that turns out not to be leaves it unused.
        void launching.catch(() => undefined);
      }
      unpacked = await unpackDirectory(source, directory, join(root, 'pkg'));
    } catch (error) {
      return { ...base, kind: undefined, manifest: [], findings: [`The file cannot be opened as a zip: ${message(error)}`] };
    }
    if (unpacked.refused) return { ...base, kind: undefined, manifest: [...unpacked.findings], findings: ['The package was not unpacked or launched: it goes beyond what verify accepts from a zip (see above).'] };
    const entries = unpacked.files;
    const manifest = [...unpacked.findings, ...checkPackage(entries).map(String)];
    // A Common Cartridge is imported, not launched: its report is what the LMS will create.
    const cartridge = cartridgeSummary(entries);
    if (cartridge !== undefined) return { ...base, kind: 'cc', manifest, findings: [], cartridge };
    const info = launchInfo(entries);
    if (info === undefined) return { ...base, kind: undefined, manifest, findings: ['No imsmanifest.xml, cmi5.xml or tincan.xml: this is not an LMS package, so nothing was launched.'] };
    const file = launchFile(info.href);
    if (file === '' || !entries.some((entry) => entry.path === file)) {
      return { ...base, kind: info.kind, manifest, findings: [`The launch file "${file}" named in the manifest is not in the package: the LMS would show an error instead of the course.`] };
    }
    const chromium = await (launching ?? browser());
    guard = new LaunchGuard(limit.signal);
    const sandbox = sandboxOf(chromium);
    const withRun = { ...base, kind: info.kind, manifest, sandbox: sandbox === undefined ? undefined : sandbox.on ? 'on' : `off: ${sandbox.reason}` };
    const run: RunOptions = { browser: chromium, folder: { root }, info, answers: options.answers, retries: options.retries ?? [], resume: options.resume, guard };
    const tree = info.kind === 'cmi5' ? readCmi5Tree(textOf(entries, 'cmi5.xml')) : undefined;
    const units = tree === undefined ? 0 : ausOf(tree).length;
    const running = info.kind === 'scorm12' || info.kind === 'scorm2004' ? runScorm(run) : tree !== undefined && units > 1 ? runAus(run, tree) : runLrs(run);
    let result: RunResult;
    try {
      result = await untilAborted(running, limit.signal);
    } catch (error) {
      if (limit.signal.aborted) {
        // The guard has closed the pages; give the run a moment to end, then its servers are closed (guard.close).
        await Promise.race([running.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, WIND_DOWN_MS))]);
        const stopped = `verify stopped the learner after ${seconds} s (--timeout ${seconds}): the course never reached its end. A page that does not respond to the learner's controls, or keeps loading, does this; a very long course may need a longer --timeout.`;
        return { ...withRun, findings: [stopped, ...guard.findings()] };
      }
      return { ...withRun, findings: [`The walk through the course stopped: ${message(error)}`, ...guard.findings()] };
    }
    const facts: PackageFacts = {
      kind: info.kind,
      scored: result.course?.scored ?? false,
      scorm12Status: result.course?.scorm12Status,
      size: zip instanceof Uint8Array ? zip.byteLength : zip.size,
      // SuccessFactors completes 2004 content on exit unless both are set (docs/lms-guide.md).
      setByContent: /completionSetByContent="true"/.test(textOf(entries, 'imsmanifest.xml')) && /objectiveSetByContent="true"/.test(textOf(entries, 'imsmanifest.xml')),
      gradeReported: result.gradeReported ?? false,
      aus: units,
    };
    return {
      ...withRun,
      walked: result.walked,
      recorded: result.recorded,
      resume: result.resume,
      findings: [...result.findings, ...guard.findings()],
      ...(result.units === undefined ? {} : { units: result.units }),
      advice: lmsAdvice(facts, options.lms),
    };
  } finally {
    limit.clear();
    await guard?.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** A manifest's text from the unpacked package ('' when it has none). */
function textOf(entries: readonly OutputFile[], path: string): string {
  const entry = entries.find((candidate) => candidate.path === path);
  return entry === undefined ? '' : new TextDecoder().decode(entry.contents);
}

/** The run's result, or a rejection as soon as `signal` aborts (the run itself may still be ending). */
function untilAborted<T>(running: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    running.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
