// Delivery when the learner's window goes away (reliability R1, X6, X11), with the sample course's
// cmi5 and xAPI packages in Chromium against the loopback LRS: a context closed 1.2 s after the last
// of a steady series of actions, a killed browser, offline then closed then relaunched, and Exit
// behind a backlog on a slow LRS that refuses batches over 3 statements. Pass: 0 statements lost,
// 0 duplicated, the relaunch on the page left with every answer.
// DELIVERY_RUNS sets the number of random points per case (default 2; the closing note used 10).
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../components/course-data.js';
import { VERBS } from '../../components/runtime/vocabulary.js';
import { currentTitle, exitCourse, waitForPlayer } from '../../scripts/verify/learner.js';
import { audit, noteFigures } from '../support/delivery-audit.js';
import { startLrs, type RunningLrs, type StoredStatement } from '../support/lrs-server.js';
import { newProfile } from './helpers/killable-browser.js';
import { openPackageSite, type PackageSite } from './helpers/packages.js';
import type { StaticServer } from './helpers/server.js';
import { actionsOf, actSteadily, perform, playerState, type Action } from './helpers/steady-learner.js';
import { mulberry32 as seeded } from '../../components/hash.js';

const RUNS = Number(process.env['DELIVERY_RUNS'] ?? 2);
const AUTH = `Basic ${Buffer.from('delivery:test').toString('base64')}`;
const ACTOR = JSON.stringify({ objectType: 'Agent', name: 'Learner', mbox: 'mailto:learner@example.org' });

let site: PackageSite;
let course: CourseData;
let browser: Browser;
let content: StaticServer;
let lrs: RunningLrs;

beforeAll(async () => {
  site = await openPackageSite(['cmi5', 'xapi']);
  ({ course, browser, content, lrs } = site);
  lrs.allowAuth(AUTH);
}, 120_000);

afterAll(() => site?.close());

type Target = 'cmi5' | 'xapi';

/** A launch of `registration` (cmi5: a new session each time, as the LMS makes it). */
function launchUrl(server: RunningLrs, target: Target, registration: string): string {
  if (target === 'cmi5') {
    const launch = server.setLaunch({ activityId: `${course.id}/au`, registration, masteryScore: 0.75, moveOn: 'CompletedOrPassed', returnURL: `${content.url}returned.html` });
    return `${content.url}cmi5/index.html${launch.search}`;
  }
  server.allowAuth(AUTH);
  return `${content.url}xapi/index.html?${new URLSearchParams({ endpoint: server.endpoint, auth: AUTH, actor: ACTOR, registration, activity_id: course.id })}`;
}

const ofRegistration = (server: RunningLrs, registration: string): StoredStatement[] =>
  server.statements().filter((statement) => statement.context?.registration === registration);

/** The activity each action is recorded against: the page viewed, the question or reflection. */
function objectOf(action: Action): string {
  if (action.kind === 'next') return course.pages[action.page]?.iri ?? '';
  if (action.kind === 'answer') return course.questions.find((q) => q.id === action.question)?.iri ?? '';
  return course.activities.find((a) => a.id === action.activity)?.iri ?? '';
}

/** Actions with no statement stored for them (the first page's view counts as an action too). */
function lostActions(stored: readonly StoredStatement[], actions: readonly Action[]): string[] {
  const objects = new Set(stored.map((statement) => (statement.object as { id?: string }).id));
  return [{ kind: 'next', page: 0 } as const, ...actions].map(objectOf).filter((id) => !objects.has(id));
}

/** Records a case's figures for the closing note: statements for the learner's actions, and duplicates. */
function note(name: string, stored: readonly StoredStatement[], actions: readonly Action[]): void {
  const lost = lostActions(stored, actions).length;
  noteFigures(name, { expected: actions.length + 1, stored: actions.length + 1 - lost, lost, duplicated: audit(stored, []).duplicated.length });
}

async function open(url: string, page?: Page): Promise<Page> {
  const target = page ?? (await (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })).newPage());
  await target.goto(url);
  await waitForPlayer(target);
  return target;
}

/** What the relaunch must show: the page of the last action, and every question answered. */
async function expectResumed(page: Page, actions: readonly Action[]): Promise<void> {
  const last = actions.at(-1);
  expect(await currentTitle(page)).toBe(course.pages[last?.page ?? 0]?.title);
  const state = await playerState(page);
  const answered = actions.flatMap((action) => (action.kind === 'answer' ? [action.question] : []));
  expect(Object.keys(state?.answers ?? {}).sort()).toEqual([...answered].sort());
}

/**
 * Opens the queue's database (queue-store.ts) in `page` and keeps a readwrite transaction over its
 * stores alive, so every write of the other pages of the site waits, until `releaseQueueDatabase`.
 */
async function holdQueueDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('coursemark-lrs');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(['statements', 'bookmarks'], 'readwrite');
          const items = transaction.objectStore('statements');
          const hold = window as unknown as { release?: boolean; released?: Promise<void> };
          hold.released = new Promise((done) => {
            transaction.oncomplete = () => {
              db.close();
              done();
            };
          });
          // A transaction stays active while it has requests: one more each time one succeeds.
          const spin = (): void => {
            if (hold.release !== true) items.get(['', '']).onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
}

async function releaseQueueDatabase(page: Page): Promise<void> {
  await page.evaluate(() => {
    const hold = window as unknown as { release?: boolean; released?: Promise<void> };
    hold.release = true;
    return hold.released;
  });
}

describe('R1: the browser context closes 1.2 s after the last of a steady series of actions', () => {
  for (const target of ['cmi5', 'xapi'] as const) {
    it(`${target}: progress and statements are already on the LRS (${RUNS} random points)`, async () => {
      const all = actionsOf(course);
      const random = seeded(20 + RUNS + (target === 'cmi5' ? 0 : 1));
      for (let run = 0; run < RUNS; run++) {
        const registration = randomUUID();
        const count = 3 + Math.floor(random() * (all.length - 2));
        const actions = all.slice(0, count);
        const page = await open(launchUrl(lrs, target, registration));
        await actSteadily(page, course, actions);
        await page.waitForTimeout(1200);
        await page.context().close();
        const firstSession = ofRegistration(lrs, registration);
        expect(lostActions(firstSession, actions), `run ${run}, ${count} actions`).toEqual([]);
        const again = await open(launchUrl(lrs, target, registration));
        await expectResumed(again, actions);
        await again.context().close();
        note(`context closed 1.2 s after the last action (${target})`, ofRegistration(lrs, registration), actions);
        expect(audit(ofRegistration(lrs, registration), []).duplicated).toEqual([]);
      }
    }, 60_000 + RUNS * 40_000);
  }
});

describe('a killed browser', () => {
  it(`cmi5: everything done 2 s before the kill is restored and delivered once, from the profile (${RUNS} random points)`, async () => {
    const all = actionsOf(course);
    const random = seeded(40 + RUNS);
    const profile = await newProfile();
    try {
      for (let run = 0; run < RUNS; run++) {
        const registration = randomUUID();
        const count = 3 + Math.floor(random() * (all.length - 2));
        const first = await profile.start();
        const page = await open(launchUrl(lrs, 'cmi5', registration), await first.context.newPage());
        const ended = await actSteadily(page, course, all.slice(0, count));
        await page.waitForTimeout(Math.floor(random() * 1000));
        const killedAt = Date.now();
        await first.kill();
        const safe = all.slice(0, ended.filter((at) => killedAt - at >= 2000).length);
        const second = await profile.start();
        const again = await open(launchUrl(lrs, 'cmi5', registration), await second.context.newPage());
        const state = await playerState(again);
        for (const action of safe) if (action.kind === 'answer') expect(state?.answers[action.question], `run ${run}`).toBeDefined();
        expect(state?.location ?? -1).toBeGreaterThanOrEqual(safe.at(-1)?.page ?? 0);
        // What the killed page had queued goes out from the profile's store, before this launch's own.
        await expect.poll(() => lostActions(ofRegistration(lrs, registration), safe), { timeout: 15_000 }).toEqual([]);
        note('browser killed, relaunched on the same profile (cmi5; actions 2 s before the kill)', ofRegistration(lrs, registration), safe);
        expect(audit(ofRegistration(lrs, registration), []).duplicated).toEqual([]);
        await second.kill();
      }
    } finally {
      await profile.remove();
    }
  }, 60_000 + RUNS * 45_000);
});

/** One X6 case: a context with its own LRS and a second tab of the site, which keeps the context's stores while the course's tab closes. */
async function offlineCase(run: (server: RunningLrs, context: BrowserContext, other: Page) => Promise<void>): Promise<void> {
  const server = await startLrs();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  try {
    const other = await context.newPage();
    await other.goto(`${content.url}returned.html`);
    await run(server, context, other);
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * The course's tab is closed: after 500 ms the LRS is reachable again and the course opened in a
 * new tab, which resumes where `actions` left off. Returns what the LRS then holds, where the new
 * launch begins in it, and how many statements it held before.
 */
async function relaunchAfterClose(server: RunningLrs, context: BrowserContext, target: Target, registration: string, actions: readonly Action[]): Promise<{ stored: StoredStatement[]; newLaunch: number; before: number }> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = ofRegistration(server, registration).length;
  server.reachable(true);
  const again = await open(launchUrl(server, target, registration), await context.newPage());
  await expectResumed(again, actions);
  await expect.poll(() => ofRegistration(server, registration).some((statement) => statement.verb.id === VERBS.resumed), { timeout: 15_000 }).toBe(true);
  const stored = ofRegistration(server, registration);
  const newLaunch = stored.map((statement) => statement.verb.id).lastIndexOf(VERBS.initialized);
  expect(newLaunch).toBeGreaterThan(before);
  return { stored, newLaunch, before };
}

/** Every action of the closed tab was delivered before the new launch's statements, and nothing twice. */
function expectDeliveredOnce(server: RunningLrs, target: Target, stored: readonly StoredStatement[], newLaunch: number, actions: readonly Action[]): void {
  expect(lostActions(stored.slice(0, newLaunch), actions)).toEqual([]);
  expect(audit(stored, []).duplicated).toEqual([]);
  if (target === 'cmi5') expect(server.cmi5Findings()).toEqual([]);
}

describe('X6: the LRS out of reach, the tab closed, then the course opened again', () => {
  for (const target of ['cmi5', 'xapi'] as const) {
    it(`${target}: what the closed tab queued is delivered once, as it was made, before the new launch's; nothing is reported twice`, async () => {
      await offlineCase(async (server, context) => {
        const registration = randomUUID();
        const page = await open(launchUrl(server, target, registration), await context.newPage());
        const all = actionsOf(course);
        const online = all.filter((action) => action.page < 2);
        for (const action of online) await perform(page, course, action);
        await expect.poll(() => lostActions(ofRegistration(server, registration), online)).toEqual([]);
        // The network goes down (the content server stays up: each page is its own chunk), and the
        // learner finishes the course: the knowledge check is passed, every page seen.
        server.reachable(false);
        for (const action of all.filter((candidate) => candidate.page >= 2)) await perform(page, course, action);
        await page.close();
        const relaunched = new Date(Date.now() + 500).toISOString();
        const { stored, newLaunch, before } = await relaunchAfterClose(server, context, target, registration, all);
        const verbs = stored.map((statement) => statement.verb.id);
        const left = stored.slice(before, newLaunch);
        // What the closed tab queued went first, as it was made, the statements of its last moment
        // too (kept in its last word if the store had not committed them); the new launch reports
        // nothing again.
        expect(left.length).toBeGreaterThan(10);
        expect(left.every((statement) => (statement.timestamp ?? '') < relaunched)).toBe(true);
        note(`LRS out of reach, tab closed, relaunched (${target})`, stored, all);
        expect(verbs.filter((verb) => verb === VERBS.passed)).toHaveLength(1);
        expect(verbs.filter((verb) => verb === VERBS.completed)).toHaveLength(1);
        expectDeliveredOnce(server, target, stored, newLaunch, all);
      });
    }, 90_000);
  }
});

describe('X6: the tab closed as the last page opens, its store busy, the LRS out of reach', () => {
  for (const target of ['cmi5', 'xapi'] as const) {
    it(`${target}: the relaunch resumes on the last page; every statement of the closed tab arrives once, before the new launch's`, async () => {
      await offlineCase(async (server, context, other) => {
        const registration = randomUUID();
        const page = await open(launchUrl(server, target, registration), await context.newPage());
        const all = actionsOf(course);
        const lastPage = course.pages.length - 1;
        const actions = all.slice(0, all.findIndex((action) => action.kind === 'next' && action.page === lastPage) + 1);
        const online = actions.filter((action) => action.page < 2);
        for (const action of online) await perform(page, course, action);
        await expect.poll(() => lostActions(ofRegistration(server, registration), online)).toEqual([]);
        server.reachable(false);
        for (const action of actions.slice(online.length, -1)) await perform(page, course, action);
        await page.waitForTimeout(1000);
        // A long transaction over the queue's stores in the other tab: the course's own writes wait
        // behind it, as they do behind a slow disk or a busy browser, when the learner opens the
        // last page and closes the tab at once.
        await holdQueueDatabase(other);
        const last = actions.at(-1);
        if (last !== undefined) await perform(page, course, last);
        await page.close();
        await releaseQueueDatabase(other);
        const { stored, newLaunch } = await relaunchAfterClose(server, context, target, registration, actions);
        note(`tab closed as the last page opens, store busy, LRS out of reach (${target})`, stored, actions);
        // The closed tab's statements, the last page's view included, were delivered as it made them.
        expectDeliveredOnce(server, target, stored, newLaunch, actions);
      });
    }, 90_000);
  }
});

describe('bookmarks on an LRS that sends ETags and on one that sends none', () => {
  for (const etags of [true, false]) {
    for (const target of ['cmi5', 'xapi'] as const) {
      it(`${target}, ${etags ? 'with' : 'without'} ETags: every bookmark write is stored, the last one included, and the relaunch lands on the page left`, async () => {
        const server = await startLrs({ etags });
        try {
          const registration = randomUUID();
          const all = actionsOf(course);
          const actions = all.filter((action) => action.page <= 3);
          const page = await open(launchUrl(server, target, registration));
          for (const action of actions) await perform(page, course, action);
          await page.waitForTimeout(1200);
          await page.context().close();
          const again = await open(launchUrl(server, target, registration));
          await expectResumed(again, actions);
          await again.context().close();
          const writes = server.requests().filter((request) => request.method === 'PUT' && request.path.endsWith('/activities/state'));
          expect(writes.length).toBeGreaterThan(1);
          expect(writes.filter((request) => request.status >= 300)).toEqual([]);
          if (!etags) expect(writes.slice(1).filter((request) => request.headers['if-none-match'] !== undefined || request.headers['if-match'] !== undefined)).toEqual([]);
        } finally {
          await server.close();
        }
      }, 60_000);
    }
  }
});

describe('a queue left by an earlier version of the player', () => {
  it('is carried over to the store keyed by statement id, and delivered first', async () => {
    const registration = randomUUID();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${content.url}cmi5/index.html`);
    const left = { id: randomUUID(), actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-1' } }, verb: { id: VERBS.experienced }, object: { objectType: 'Activity', id: course.pages[0]?.iri }, timestamp: new Date(Date.now() - 60_000).toISOString(), context: { registration } };
    const key = `${lrs.endpoint}|${registration}|${course.id}/au`;
    // Version 1 of the database: one store, keyed by [queue, seq].
    await page.evaluate(
      ([queue, statement]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('coursemark-lrs', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: ['queue', 'seq'] });
          open.onsuccess = () => {
            const transaction = open.result.transaction('queue', 'readwrite');
            transaction.objectStore('queue').put({ queue, seq: 0, id: (statement as { id: string }).id, statement });
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      [key, left] as const,
    );
    await open(launchUrl(lrs, 'cmi5', registration), page);
    await expect.poll(() => ofRegistration(lrs, registration).map((statement) => statement.verb.id.split('/').pop()).slice(0, 3)).toEqual(['experienced', 'initialized', 'experienced']);
    expect(ofRegistration(lrs, registration)[0]?.id).toBe(left.id);
    await context.close();
  });
});

describe('X11: Exit behind a backlog, on an LRS that refuses batches over 3 and answers after 5 s', () => {
  it('cmi5: the end of the course, terminated last, is stored once before the window goes to the LMS', async () => {
    const slow = await startLrs();
    try {
      slow.limitBatch(3);
      const registration = randomUUID();
      const page = await open(launchUrl(slow, 'cmi5', registration));
      const all = actionsOf(course);
      const last = course.pages.length - 1;
      const start = all.filter((action) => action.page < last - 2);
      for (const action of start) await perform(page, course, action);
      // A backlog behind an LRS that is briefly unavailable: the batch after it is refused with 413.
      slow.failNext(4, { type: 'status', status: 503 });
      const middle = all.filter((action) => action.page >= last - 2 && action.page < last - 1);
      for (const action of middle) await perform(page, course, action);
      await expect.poll(() => lostActions(ofRegistration(slow, registration), [...start, ...middle]), { timeout: 30_000 }).toEqual([]);
      // The end of the course on an LRS that now answers after 5 s.
      slow.slow(5000);
      for (const action of all.filter((candidate) => candidate.page >= last - 1)) await perform(page, course, action);
      await exitCourse(page);
      await page.waitForURL(`${content.url}returned.html`, { timeout: 30_000 });
      const stored = ofRegistration(slow, registration);
      note('Exit behind a backlog, LRS 413 over 3 and 5 s per answer (cmi5)', stored, all);
      expect(slow.requests().some((request) => request.status === 413)).toBe(true);
      expect(lostActions(stored, all)).toEqual([]);
      expect(stored.at(-1)?.verb.id).toBe(VERBS.terminated);
      expect(stored.filter((statement) => statement.verb.id === VERBS.passed)).toHaveLength(1);
      expect(stored.filter((statement) => statement.verb.id === VERBS.completed)).toHaveLength(1);
      expect(audit(stored, []).duplicated).toEqual([]);
      expect(slow.cmi5Findings()).toEqual([]);
      await page.context().close();
    } finally {
      await slow.close();
    }
  }, 120_000);
});
