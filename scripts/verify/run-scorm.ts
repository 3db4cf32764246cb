import type { Browser, Frame, Page } from 'playwright-core';
import type { CourseData, Scorm12StatusMode } from '../../components/course-data.js';
import { closeContext } from '../lms/browser.js';
import { lmsData, lmsFinished, lmsLog, nextAttemptData, startScormLms, type ScormLms, type ScormVersion, type UnpackedFolder } from '../lms/scorm-lms.js';
import { currentTitle, exitCourse, readCourse, resumePage, waitForPlayer, walkCourse, type AnswerMode } from './learner.js';
import type { LaunchGuard } from './launch-guard.js';
import type { LaunchInfo } from './launch-info.js';
import { lastValues, scormFindings } from './scorm-findings.js';
import { walkedOf, type Recorded, type ResumeCheck, type UnitsReport, type Walked } from './verify-report.js';

/** One learner run of an unpacked package, inside the guard's fence and time limit. */
export interface RunOptions {
  readonly browser: Browser;
  readonly folder: UnpackedFolder;
  readonly info: LaunchInfo;
  readonly answers: AnswerMode;
  /** How each further attempt of a question pool is answered (`--answers wrong,correct`). */
  readonly retries?: readonly AnswerMode[];
  readonly resume: boolean;
  readonly guard: LaunchGuard;
}

export interface RunResult {
  readonly walked: Walked | undefined;
  readonly recorded: Recorded | undefined;
  readonly resume: ResumeCheck | undefined;
  readonly findings: readonly string[];
  /** What the player's course data says, for the per-LMS advice. */
  readonly course?: CourseFacts;
  /** cmi5 with several AUs: each AU's outcome, and whether the course is satisfied. */
  readonly units?: UnitsReport;
  /** SCORM: score.raw, a score.max above 0 and the final LMSFinish/Terminate all arrived. */
  readonly gradeReported?: boolean;
}

/** What the player's own course data tells about the package (its status mode, whether it scores). */
export interface CourseFacts {
  readonly scored: boolean;
  readonly scorm12Status: Scorm12StatusMode;
}

export const courseFacts = (course: CourseData): CourseFacts => ({ scored: course.questions.length > 0, scorm12Status: course.scorm12Status });

const FINISH = { '1.2': 'LMSFinish', '2004': 'Terminate' } as const;
// SCORM 1.2 RTE 3.4.2.4.3 (4096 characters), SCORM 2004 RTE 4.2.23 (64000 characters).
const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64000 } as const;

/** The course's frame in the LMS page, once its player shows a page. */
async function contentFrame(page: Page): Promise<Frame> {
  // host.js adds the frame as the LMS page runs: it is there once the page has loaded, else it comes.
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame()) ?? (await page.waitForEvent('frameattached', { timeout: 10_000 }).catch(() => undefined));
  if (frame === undefined) throw new Error('the LMS page has no content frame');
  await waitForPlayer(frame);
  return frame;
}

// How long the learner's LMS waits for the content to end its session once the learner leaves.
const FINISH_WAIT_MS = 3_000;

/** Ends the launch the way a learner's LMS sees it: Exit course, else the content window closing. */
async function closeLaunch(page: Page, viaExit: Frame | undefined): Promise<void> {
  if (viaExit !== undefined) {
    await exitCourse(viaExit);
    if (await lmsFinished(page, FINISH_WAIT_MS)) return;
  }
  await page.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
  await lmsFinished(page, FINISH_WAIT_MS);
}

function recorded(version: ScormVersion, values: ReadonlyMap<string, string>): Recorded {
  const results: Record<string, number> = {};
  const resultKeys = [...values.keys()].filter((key) => /^cmi\.interactions\.\d+\.result$/.test(key));
  for (const key of resultKeys) {
    const result = values.get(key) ?? '';
    results[result] = (results[result] ?? 0) + 1;
  }
  const interactionIds = new Set([...values.keys()].map((key) => /^cmi\.interactions\.(\d+)\./.exec(key)?.[1]).filter((id) => id !== undefined));
  const suspend = values.get('cmi.suspend_data');
  const common = {
    interactions: { count: interactionIds.size, results },
    suspendData: suspend === undefined ? undefined : { size: suspend.length, limit: SUSPEND_LIMIT[version] },
    statements: undefined,
  };
  if (version === '1.2') {
    const status = values.get('cmi.core.lesson_status') ?? 'not attempted';
    const raw = values.get('cmi.core.score.raw');
    return {
      ...common,
      completion: status,
      // 1.2 has one status: in the completed-* modes success is not reported on its own.
      success: status === 'passed' || status === 'failed' ? status : 'not reported separately (SCORM 1.2 has one status)',
      score: raw === undefined ? undefined : `${raw} (range ${values.get('cmi.core.score.min') ?? '?'}-${values.get('cmi.core.score.max') ?? '?'})`,
      sessionTime: values.get('cmi.core.session_time'),
    };
  }
  const scaled = values.get('cmi.score.scaled');
  return {
    ...common,
    completion: values.get('cmi.completion_status') ?? 'unknown',
    success: values.get('cmi.success_status') ?? 'unknown',
    score: scaled === undefined ? undefined : `${scaled} scaled (raw ${values.get('cmi.score.raw') ?? '?'} of ${values.get('cmi.score.max') ?? '?'})`,
    sessionTime: values.get('cmi.session_time'),
  };
}

/** What Brightspace needs to record a grade (docs/lms-guide.md): raw, a max above 0, and the finish call. */
function gradeReported(version: ScormVersion, values: ReadonlyMap<string, string>, log: readonly { readonly name: string }[]): boolean {
  const prefix = version === '1.2' ? 'cmi.core.score' : 'cmi.score';
  return values.get(`${prefix}.raw`) !== undefined && Number(values.get(`${prefix}.max`)) > 0 && log.some((call) => call.name === FINISH[version]);
}

/** Launches a SCORM package in the emulated LMS (scorm-again), walks it and reads what the LMS kept. */
export async function runScorm(run: RunOptions): Promise<RunResult> {
  const { browser, info, guard } = run;
  const version: ScormVersion = info.kind === 'scorm12' ? '1.2' : '2004';
  const lms: ScormLms = await startScormLms(run.folder, version);
  const release = guard.hold(() => lms.close());
  guard.allow(lms.url);
  const launch = (cmi: Record<string, unknown>): Promise<Page> => lms.launch(browser, { cmi: nextAttemptData(version, cmi, info.mastery), launch: info.href, newContext: (target, options) => guard.newContext(target, options) });
  const findings: string[] = [];
  try {
    const page = await launch({});
    let course: CourseData;
    let frame: Frame;
    try {
      frame = await contentFrame(page);
      course = await readCourse(frame);
    } catch (error) {
      await closeContext(page);
      guard.signal.throwIfAborted();
      return { walked: undefined, recorded: undefined, resume: undefined, findings: [`The course did not start in the LMS: ${message(error)}`] };
    }
    const walk = await walkCourse(frame, course, { answers: run.answers, retries: run.retries ?? [], signal: guard.signal });
    await closeLaunch(page, frame);
    const log = await lmsLog(page);
    await closeContext(page);
    findings.push(...scormFindings(version, log));
    const values = lastValues(version, log);
    const result: RunResult = {
      walked: walkedOf(course, walk),
      recorded: recorded(version, values),
      resume: undefined,
      findings,
      course: courseFacts(course),
      gradeReported: gradeReported(version, values, log),
    };
    return run.resume ? { ...result, ...(await checkResume(launch, version, course, findings, guard.signal)) } : result;
  } finally {
    await release();
  }
}

async function checkResume(launch: (cmi: Record<string, unknown>) => Promise<Page>, version: ScormVersion, course: CourseData, findings: string[], signal: AbortSignal): Promise<{ resume: ResumeCheck }> {
  const stop = resumePage(course);
  const first = await launch({});
  await walkCourse(await contentFrame(first), course, { answers: 'correct', stopAfterPage: stop, signal });
  await closeLaunch(first, undefined);
  const log = await lmsLog(first);
  const exit = lastValues(version, log).get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit');
  if (exit !== 'suspend') findings.push(`Leaving mid-course set the exit to "${exit ?? '(nothing)'}", not "suspend": the LMS starts a new attempt next time.`);
  const stored = await lmsData(first);
  await closeContext(first);
  const second = await launch(stored);
  const frame = await contentFrame(second);
  const check = { leftOn: course.pages[stop]?.title ?? '', landedOn: await currentTitle(frame) };
  await closeLaunch(second, undefined);
  await closeContext(second);
  if (check.leftOn !== check.landedOn) findings.push(`After relaunching, the learner landed on "${check.landedOn}", not on "${check.leftOn}" where they left.`);
  return { resume: check };
}

export const message = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error));
