import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CourseData } from '../../components/course-data.js';
import { PROGRESS_STATE_ID } from '../../components/runtime/lrs/bookmark.js';
import { decodeProgress } from '../../components/runtime/resume/progress-codec.js';
import { closeContext } from '../lms/browser.js';
import { startLrs, type RunningLrs, type StoredStatement } from '../lms/lrs-server.js';
import { serveDirectory, type StaticServer } from '../lms/static-server.js';
import { currentTitle, exitCourse, readCourse, resumePage, waitForPlayer, walkCourse, type AnswerMode, type WalkResult } from './learner.js';
import type { LaunchInfo } from './launch-info.js';
import type { LaunchGuard } from './launch-guard.js';
import { courseFacts, message, type RunOptions, type RunResult } from './run-scorm.js';
import { walkedOf, type Recorded } from './verify-report.js';

const VERB_PREFIX = 'http://adlnet.gov/expapi/verbs/';
export const verbOf = (statement: StoredStatement): string => statement.verb.id.replace(VERB_PREFIX, '');

export interface Session {
  /** Opens a launch of the same registration (a new cmi5 session and fetch URL each time). */
  open(browser: Browser): Promise<Page>;
  readonly registration: string;
  /** The LRS the launches send to. */
  readonly lrs: RunningLrs;
}

/** Launches of one registration (given, for the AUs of one course, or new). */
export function session(lrs: RunningLrs, content: StaticServer, info: LaunchInfo, guard: LaunchGuard, registration: string = randomUUID()): Session {
  const base = `${content.url}pkg/${info.href}`;
  const join = base.includes('?') ? '&' : '?';
  const url = (): string => {
    if (info.kind === 'cmi5') {
      const launch = lrs.setLaunch({
        activityId: info.activityId,
        registration,
        returnURL: `${content.url}returned.html`,
        ...(info.mastery === undefined ? {} : { masteryScore: info.mastery }),
        ...(info.moveOn === undefined ? {} : { moveOn: info.moveOn }),
      });
      return `${base}${join}${launch.search.slice(1)}`;
    }
    // TinCan launch (Rustici "Launching Content"): endpoint, auth, actor, registration, activity_id.
    const auth = `Basic ${Buffer.from(`coursemark:${randomBytes(18).toString('base64url')}`).toString('base64')}`;
    lrs.allowAuth(auth);
    const actor = JSON.stringify({ objectType: 'Agent', name: 'Verify Learner', mbox: 'mailto:learner@example.org' });
    return `${base}${join}${new URLSearchParams({ endpoint: lrs.endpoint, auth, actor, registration, activity_id: info.activityId }).toString()}`;
  };
  return {
    registration,
    lrs,
    async open(browser) {
      const context = await guard.newContext(browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(url());
      await waitForPlayer(page);
      return page;
    },
  };
}

/** The page index of the bookmark the LRS holds for the registration (-1 when none). */
export function bookmarkedPage(lrs: RunningLrs, info: LaunchInfo, registration: string, course: CourseData): number {
  const document = lrs.stateDocument({ activityId: info.activityId, stateId: PROGRESS_STATE_ID, registration }) as { progress?: unknown } | undefined;
  if (typeof document?.progress !== 'string') return -1;
  const decoded = decodeProgress(document.progress, course);
  return decoded.ok ? decoded.state.location : -1;
}

/** Waits until `check` holds, at most `ms`: it is checked again each time the LRS answers a request. */
export async function settle(lrs: RunningLrs, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let timer: NodeJS.Timeout | undefined;
  try {
    while (!check() && Date.now() < deadline) {
      await Promise.race([lrs.nextRequest(), new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())))]);
      clearTimeout(timer);
    }
  } finally {
    clearTimeout(timer);
  }
}


export function recorded(statements: readonly StoredStatement[]): Recorded {
  const verbs = statements.map(verbOf);
  const outcome = statements.find((statement) => ['passed', 'failed'].includes(verbOf(statement)));
  const answered = statements.filter((statement) => verbOf(statement) === 'answered');
  const results: Record<string, number> = {};
  for (const statement of answered) {
    const success = statement.result?.success;
    const key = success === undefined ? 'neutral' : success ? 'correct' : 'incorrect';
    results[key] = (results[key] ?? 0) + 1;
  }
  const scaled = outcome?.result?.score?.scaled;
  return {
    completion: verbs.includes('completed') ? 'completed' : 'not completed',
    success: outcome === undefined ? 'unknown' : verbOf(outcome),
    score: scaled === undefined ? undefined : `${scaled} scaled`,
    interactions: { count: answered.length, results },
    suspendData: undefined,
    sessionTime: statements.find((statement) => verbOf(statement) === 'terminated')?.result?.duration,
    statements: verbs,
  };
}

/** xAPI ordering for a TinCan launch: initialized first, terminated last (cmi5 9.3 checks cmi5). */
function xapiFindings(verbs: readonly string[]): string[] {
  const findings: string[] = [];
  if (verbs.length > 0 && verbs[0] !== 'initialized') findings.push(`The first statement is "${verbs[0] ?? ''}", not "initialized".`);
  const end = verbs.indexOf('terminated');
  if (end >= 0 && end < verbs.length - 1) findings.push(`${verbs.length - 1 - end} statement(s) were sent after "terminated".`);
  return findings;
}

/** The package's files and a loopback LRS that answers only them, both allowed through the launch fence. */
export interface LrsServers {
  readonly content: StaticServer;
  readonly lrs: RunningLrs;
  /** Closes both (also done by the guard if the run is cut short). */
  release(): Promise<void>;
}

export async function startLrsServers(run: RunOptions): Promise<LrsServers> {
  const { guard } = run;
  // The page a cmi5 AU goes back to after "terminated" (cmi5 10.2.1 returnURL).
  await writeFile(join(run.folder.root, 'returned.html'), '<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
  const content = await serveDirectory(run.folder.root);
  const releaseContent = guard.hold(() => content.close());
  const contentOrigin = new URL(content.url).origin;
  const lrs = await startLrs({ allowOrigin: (origin) => origin === undefined || origin === contentOrigin });
  const releaseLrs = guard.hold(() => lrs.close());
  guard.allow(content.url);
  guard.allow(lrs.url);
  return {
    content,
    lrs,
    async release() {
      await releaseLrs();
      await releaseContent();
    },
  };
}

/**
 * Opens one launch, walks it with the run's answers, presses Exit and waits (at most 5 s) for
 * "terminated" among the statements `sent` returns: the course the player held, or why it did not start.
 */
export async function playLaunch(run: RunOptions, launch: Session, sent: () => readonly StoredStatement[]): Promise<{ readonly course: CourseData; readonly walk: WalkResult } | { readonly failed: string }> {
  const signal = run.guard.signal;
  let page: Page;
  let course: CourseData;
  try {
    page = await launch.open(run.browser);
    course = await readCourse(page);
  } catch (error) {
    signal.throwIfAborted();
    return { failed: message(error) };
  }
  const walk = await walkCourse(page, course, { answers: run.answers, retries: run.retries ?? [], signal });
  await exitCourse(page);
  await settle(launch.lrs, () => sent().some((statement) => verbOf(statement) === 'terminated'), 5_000);
  await closeContext(page);
  return { course, walk };
}

/** Serves a cmi5 or xAPI package, launches it against a loopback LRS, walks it and reads the LRS. */
export async function runLrs(run: RunOptions): Promise<RunResult> {
  const { browser, info, guard } = run;
  const signal = guard.signal;
  const { content, lrs, release } = await startLrsServers(run);
  try {
    const launch = session(lrs, content, info, guard);
    const ofRegistration = (): StoredStatement[] => lrs.statements().filter((statement) => statement.context?.registration === launch.registration);
    const played = await playLaunch(run, launch, ofRegistration);
    if ('failed' in played) return { walked: undefined, recorded: undefined, resume: undefined, findings: [`The course did not start: ${played.failed}`] };
    const { course, walk } = played;
    const statements = ofRegistration();
    const verbs = statements.map(verbOf);
    const findings = info.kind === 'cmi5' ? lrs.cmi5Findings().map((finding) => `cmi5 rule ${finding}`) : xapiFindings(verbs);
    if (!verbs.includes('terminated')) findings.push('No "terminated" statement was sent when the learner pressed Exit course.');
    const result: RunResult = { walked: walkedOf(course, walk), recorded: recorded(statements), resume: undefined, findings, course: courseFacts(course) };
    if (!run.resume) return result;
    // A fresh registration: the resume check starts a new attempt and leaves it mid-course.
    const again = session(lrs, content, info, guard);
    const stop = resumePage(course);
    const first = await again.open(browser);
    await walkCourse(first, course, { answers: 'correct', stopAfterPage: stop, signal });
    // The learner reads the feedback before closing the window. Reliability R1 asks that what was
    // done 2 s before a close comes back, so the window closes once the LRS holds the page left, and
    // at the latest 2 s after the last answer, with no pagehide: closing the browser context cancels
    // requests still on their way, keepalive ones included.
    await settle(lrs, () => bookmarkedPage(lrs, info, again.registration, course) >= stop, 2_000);
    await closeContext(first);
    const second = await again.open(browser);
    const check = { leftOn: course.pages[stop]?.title ?? '', landedOn: await currentTitle(second) };
    await closeContext(second);
    if (check.leftOn !== check.landedOn) findings.push(`After relaunching, the learner landed on "${check.landedOn}", not on "${check.leftOn}" where they left.`);
    return { ...result, resume: check };
  } finally {
    await release();
  }
}
