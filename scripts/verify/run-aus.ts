/**
 * A cmi5 course of several AUs, as a cmi5 LMS runs it: one registration for the course, each AU
 * launched on its own with the LaunchData its cmi5.xml entry gives (moveOn, masteryScore; cmi5
 * 10.2.1), walked through the pages it presents (course-scope.ts), left with Exit. What each AU
 * sent decides whether it is satisfied, and the course is satisfied when every AU is (cmi5 9.3,
 * 13.1.4; blocks follow their AUs).
 */
import { randomUUID } from 'node:crypto';
import type { CourseData } from '../../components/course-data.js';
import { closeContext } from '../lms/browser.js';
import { auOutcomes, ausOf, satisfaction, type Cmi5Tree } from '../lms/cmi5-satisfaction.js';
import type { RunningLrs, StoredStatement } from '../lms/lrs-server.js';
import type { StaticServer } from '../lms/static-server.js';
import { currentTitle, resumePage, walkCourse, type PoolAttemptSeen } from './learner.js';
import type { LaunchInfo } from './launch-info.js';
import { bookmarkedPage, playLaunch, recorded, session, settle, startLrsServers, verbOf } from './run-lrs.js';
import { courseFacts, type CourseFacts, type RunOptions, type RunResult } from './run-scorm.js';
import { walkedOf, type ResumeCheck, type UnitReport } from './verify-report.js';

export async function runAus(run: RunOptions, tree: Cmi5Tree): Promise<RunResult> {
  const { guard } = run;
  const { content, lrs, release } = await startLrsServers(run);
  const infoOf = (au: ReturnType<typeof ausOf>[number]): LaunchInfo => ({ kind: 'cmi5', href: au.url, activityId: au.id, mastery: au.masteryScore, moveOn: au.moveOn });
  try {
    const registration = randomUUID();
    const findings: string[] = [];
    const walked = { pages: 0, questions: 0, poolAttempts: [] as PoolAttemptSeen[] };
    const optional: string[] = [];
    const aus: Omit<UnitReport, 'satisfied'>[] = [];
    let facts: CourseFacts | undefined;
    let longest: { au: ReturnType<typeof ausOf>[number]; course: CourseData } | undefined;
    for (const au of ausOf(tree)) {
      const launch = session(lrs, content, infoOf(au), guard, registration);
      const before = new Set(lrs.statements().map((statement) => statement.id));
      const sessionOf = (): StoredStatement[] => lrs.statements().filter((statement) => !before.has(statement.id) && statement.context?.registration === registration);
      const played = await playLaunch(run, launch, sessionOf);
      if ('failed' in played) {
        findings.push(`The AU "${au.title}" did not start: ${played.failed}`);
        continue;
      }
      const { course, walk } = played;
      const statements = sessionOf();
      if (!statements.some((statement) => verbOf(statement) === 'terminated')) findings.push(`The AU "${au.title}" sent no "terminated" statement when the learner pressed Exit course.`);
      walked.pages += course.pages.length;
      walked.questions += walk.questions;
      walked.poolAttempts.push(...walk.poolAttempts);
      optional.push(...(walkedOf(course, walk).optional ?? []));
      facts = { scored: (facts?.scored ?? false) || course.questions.length > 0, scorm12Status: course.scorm12Status };
      if (course.pages.length > (longest?.course.pages.length ?? 1)) longest = { au, course };
      aus.push({ id: au.id, title: au.title, moveOn: au.moveOn, masteryScore: au.masteryScore, pages: course.pages.length, questions: course.questions.length, recorded: recorded(statements) });
    }
    const satisfied = satisfaction(tree, auOutcomes(lrs.statements(), registration));
    // A learner with the answer key who went through everything must satisfy every AU; otherwise the
    // AU can never be satisfied (a moveOn of Passed on an AU without questions, say).
    for (const au of run.answers === 'correct' ? aus : []) {
      if (satisfied.aus.get(au.id) !== true) findings.push(`The AU "${au.title}" is not satisfied (moveOn ${au.moveOn}) after a learner went through all of it with the answer key: the LMS would never count it as done.`);
    }
    findings.push(...lrs.cmi5Findings().map((finding) => `cmi5 rule ${finding}`));
    const units = { aus: aus.map((au) => ({ ...au, satisfied: satisfied.aus.get(au.id) ?? false })), courseSatisfied: satisfied.course };
    const everything = lrs.statements().filter((statement) => statement.context?.registration === registration);
    const result: RunResult = { walked: { pages: walked.pages, questions: walked.questions, ...(walked.poolAttempts.length === 0 ? {} : { poolAttempts: walked.poolAttempts }), ...(optional.length === 0 ? {} : { optional }) }, recorded: recorded(everything), resume: undefined, findings, units, ...(facts === undefined ? {} : { course: facts }) };
    if (!run.resume || longest === undefined) return result;
    return { ...result, resume: await checkResume(run, { lrs, content }, infoOf(longest.au), longest.course, findings) };
  } finally {
    await release();
  }
}

/** Leaves the AU with the most pages mid-way in a fresh registration, relaunches it, and reads where the learner lands. */
async function checkResume(run: RunOptions, servers: { lrs: RunningLrs; content: StaticServer }, info: LaunchInfo, course: CourseData, findings: string[]): Promise<ResumeCheck> {
  const again = session(servers.lrs, servers.content, info, run.guard);
  const stop = Math.min(resumePage(course), course.pages.length - 1);
  const first = await again.open(run.browser);
  await walkCourse(first, course, { answers: 'correct', stopAfterPage: stop, signal: run.guard.signal });
  // As for a single AU (run-lrs.ts): the window closes, without pagehide, once the LRS holds the page
  // left and at the latest 2 s after the last answer (reliability R1).
  await settle(servers.lrs, () => bookmarkedPage(servers.lrs, info, again.registration, course) >= stop, 2_000);
  await closeContext(first);
  const second = await again.open(run.browser);
  const check = { leftOn: course.pages[stop]?.title ?? '', landedOn: await currentTitle(second) };
  await closeContext(second);
  if (check.leftOn !== check.landedOn) findings.push(`After relaunching the AU, the learner landed on "${check.landedOn}", not on "${check.leftOn}" where they left.`);
  return check;
}
