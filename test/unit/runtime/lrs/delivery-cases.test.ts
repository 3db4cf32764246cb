// The delivery cases that lost or duplicated statements: a slow LRS that refuses batches holding a
// known id, 413 behind a backlog at exit, and offline-then-closed-then-relaunched, for cmi5 and the
// TinCan launch, against the loopback LRS. Pass: 0 lost, 0 duplicated, and the cmi5 rules kept.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { openCmi5Session } from '../../../../components/runtime/cmi5/cmi5-adapter.js';
import { openXapiSession } from '../../../../components/runtime/xapi/xapi-adapter.js';
import { audit, noteFigures, type Audit } from '../../../support/delivery-audit.js';
import { startLrs, type LrsOptions, type RunningLrs } from '../../../support/lrs-server.js';
import { loadAu, newBrowser, until, verbs, type Browser } from '../cmi5/cmi5-harness.js';
import { Learner } from '../cmi5/learner.js';
import { waitFor } from './helpers.js';

const AU = 'https://example.org/courses/lrs/au';
const AUTH = 'Basic eGFwaTpzZWNyZXQ=';
let lrs: RunningLrs | undefined;
afterEach(() => lrs?.close());

async function lrsWith(options: LrsOptions = {}): Promise<RunningLrs> {
  lrs = await startLrs(options);
  lrs.allowAuth(AUTH);
  return lrs;
}

type Open = typeof openCmi5Session;

const note = (name: string, result: Audit): void =>
  noteFigures(name, { expected: result.expected, stored: result.expected - result.lost.length, lost: result.lost.length, duplicated: result.duplicated.length });

/** A launch of either target into `browser`; a cmi5 launch is a new session of `registration`. */
function launcher(server: RunningLrs, target: 'cmi5' | 'xapi', registration = randomUUID(), returnURL?: string) {
  return (browser: Browser) => {
    if (target === 'cmi5') {
      const launch = server.setLaunch({ activityId: AU, registration, masteryScore: 0.75, ...(returnURL === undefined ? {} : { returnURL }) });
      return loadAu(server, browser, launch.search);
    }
    const search = `?${new URLSearchParams({ endpoint: server.endpoint, auth: AUTH, actor: JSON.stringify({ mbox: 'mailto:learner@example.org' }), registration, activity_id: AU })}`;
    return loadAu(server, browser, search, openXapiSession as Open);
  };
}

describe('exit with a slow LRS', () => {
  for (const [name, options, limit] of [
    ['that refuses a batch holding a known id (409)', { knownIdInBatch: 409, replayStatus: 409 }, undefined],
    ['that refuses a batch holding a known id (204)', { knownIdInBatch: 204 }, undefined],
    ['that refuses batches over 3 statements (413), behind a backlog', {}, 3],
  ] as const) {
    it(`${name}: the end of the course, terminated last, is stored once (cmi5)`, async () => {
      const server = await lrsWith(options);
      if (limit !== undefined) server.limitBatch(limit);
      server.slow(250);
      const browser = newBrowser();
      const au = launcher(server, 'cmi5', randomUUID(), 'https://lms.example/return')(browser);
      // Everything at once: a backlog behind the first request, then Exit.
      new Learner(au.adapter).happy();
      await until(au, () => browser.navigations.length > 0, Number.POSITIVE_INFINITY, 2000);
      const result = audit(server.statements(), browser.queued);
      note(`exit, slow LRS ${name} (cmi5, unit)`, result);
      expect(result.lost).toEqual([]);
      expect(result.duplicated).toEqual([]);
      expect(verbs(server).at(-1)).toBe('terminated');
      expect(browser.navigations[0]?.statementsStored).toBe(browser.queued.length);
      expect(server.cmi5Findings()).toEqual([]);
    });
  }
});

describe('offline, the tab closed, then relaunched in the same browser', () => {
  for (const target of ['cmi5', 'xapi'] as const) {
    it(`${target}: the offline statements go first, once, under their ids; the relaunch resumes on the page left and reports nothing again`, async () => {
      const server = await lrsWith();
      const open = launcher(server, target);
      const browser = newBrowser();
      const first = open(browser);
      const learner = new Learner(first.adapter);
      learner.launch();
      await until(first, () => server.statements().length === 1);
      server.failNext(1000, { type: 'status', status: 503 });
      learner.work();
      await until(first, () => first.clock.pending() > 0);
      first.close();
      const offline = [...browser.queues.values()].flat().map((item) => item.id);
      expect(offline.length).toBeGreaterThanOrEqual(8);
      server.clearFaults();

      // A new tab (fresh sessionStorage) over the same stores.
      const next: Browser = { ...newBrowser(), queues: browser.queues, mirrors: browser.mirrors, queued: browser.queued };
      const second = open(next);
      const resumed = await second.adapter.resume();
      expect(resumed?.location).toBe(2);
      expect(Object.keys(resumed?.answers ?? {})).toEqual(['q1', 'q2']);
      const again = new Learner(second.adapter, resumed);
      again.launch(true);
      // A player that reports the restored outcome again, as after any relaunch.
      again.reportAgain();
      again.leave();
      await until(second, () => verbs(server).includes('terminated'));
      const stored = server.statements();
      expect(stored.slice(1, 1 + offline.length).map((s) => s.id)).toEqual(offline);
      const result = audit(stored, browser.queued);
      note(`offline, closed, relaunched (${target}, unit)`, result);
      expect(result.lost).toEqual([]);
      expect(result.duplicated).toEqual([]);
      expect(verbs(server).filter((v) => ['passed', 'completed', 'progressed'].includes(v))).toEqual(['progressed', 'passed', 'completed']);
      if (target === 'cmi5') expect(server.cmi5Findings()).toEqual([]);
    });
  }
});

describe('a relaunch after the course was finished online', () => {
  it('xapi: completion, pass and progress are not reported again', async () => {
    const server = await lrsWith();
    const open = launcher(server, 'xapi');
    const one = open(newBrowser());
    new Learner(one.adapter).happy();
    await until(one, () => verbs(server).includes('terminated'));
    const two = open(newBrowser());
    const resumed = await two.adapter.resume();
    const again = new Learner(two.adapter, resumed);
    again.launch(true);
    again.reportAgain();
    again.leave();
    await until(two, () => verbs(server).filter((v) => v === 'terminated').length === 2);
    expect(audit(server.statements(), []).duplicated).toEqual([]);
  });
});

describe('exit with an LRS slower than the exit wait', () => {
  it('cmi5: nothing is stored twice, and the next launch delivers the rest once, before anything new', async () => {
    const server = await lrsWith({ knownIdInBatch: 409, replayStatus: 409 });
    server.limitBatch(3);
    const registration = randomUUID();
    const browser = newBrowser();
    const launch = server.setLaunch({ activityId: AU, registration, masteryScore: 0.75, returnURL: 'https://lms.example/return' });
    const au = loadAu(server, browser, launch.search, undefined, { realTimers: true, exitWaitMs: 600 });
    const learner = new Learner(au.adapter);
    learner.launch();
    await until(au, () => server.statements().length === 1);
    server.slow(500);
    learner.work();
    learner.leave();
    await until(au, () => browser.navigations.length > 0, Number.POSITIVE_INFINITY, 1000);
    // The page has gone; what it sent is still on its way: the LRS answers every request it got.
    const sentToLrs = browser.fetchCalls.filter((call) => call.url.includes('/xapi/')).length;
    await waitFor(() => server.requests().filter((r) => r.path.startsWith('/xapi/')).length >= sentToLrs, 30_000);
    server.slow(0);
    const next: Browser = { ...newBrowser(), queues: browser.queues, mirrors: browser.mirrors, queued: browser.queued };
    const second = server.setLaunch({ activityId: AU, registration, masteryScore: 0.75 });
    const two = loadAu(server, next, second.search);
    new Learner(two.adapter, await two.adapter.resume()).launch(true);
    await until(two, () => verbs(server).includes('resumed'), Number.POSITIVE_INFINITY, 1000);
    const result = audit(server.statements(), browser.queued);
    note('exit on an LRS slower than the exit wait, then relaunched (cmi5, unit)', result);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    // Every statement of the first session is stored before the second session's first.
    const stored = server.statements();
    const firstOfSecond = stored.findIndex((s) => s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] === second.sessionId);
    expect(stored.slice(firstOfSecond).every((s) => s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] === second.sessionId)).toBe(true);
    expect(server.cmi5Findings()).toEqual([]);
  });
});
