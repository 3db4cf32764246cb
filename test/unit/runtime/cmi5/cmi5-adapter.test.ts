// cmi5 AU sessions against the loopback LRS and its strict checker (reliability X7, X9, X11, S6).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLrs, type RunningLrs } from '../../../support/lrs-server.js';
import { loadAu, newBrowser, until, verbs, type Browser } from './cmi5-harness.js';
import { Learner } from './learner.js';

const AU = 'https://example.org/courses/lrs/au';
let lrs: RunningLrs;
let browser: Browser;

beforeEach(async () => {
  lrs = await startLrs();
  browser = newBrowser();
});
afterEach(() => lrs.close());

const fetchPosts = (): number => lrs.requests().filter((r) => r.path.startsWith('/fetch/')).length;

describe('X7: scripted sessions pass the strict cmi5 checker', () => {
  it('happy path: initialized first, terminated last and only after every other ack', async () => {
    const launch = lrs.setLaunch({ activityId: AU, masteryScore: 0.75, moveOn: 'CompletedAndPassed' });
    const au = loadAu(lrs, browser, launch.search);
    new Learner(au.adapter).happy();
    await au.adapter.ready;
    await until(au, () => verbs(lrs).includes('terminated'));
    expect(lrs.cmi5Findings()).toEqual([]);
    expect(verbs(lrs)).toEqual(['initialized', 'experienced', 'answered', 'experienced', 'answered', 'progressed', 'passed', 'experienced', 'completed', 'terminated']);
    // The POST carrying terminated holds nothing else and began after every other statement was stored.
    const posts = lrs.requests().filter((r) => r.path === '/xapi/statements');
    const last = posts[posts.length - 1];
    expect(JSON.parse(last?.body ?? '[]')).toHaveLength(1);
    expect(last?.body).toContain('/terminated');
    const stored = lrs.statements();
    for (const s of stored) expect(s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(launch.sessionId);
    expect(stored.find((s) => s.verb.id.endsWith('/passed'))?.context?.contextActivities?.grouping).toEqual(
      expect.arrayContaining([{ id: `${AU}/publisher` }]),
    );
    expect(au.adapter.saving).toBe(true);
  });

  it('flaky LRS (503s and a 429): every statement once, in a valid order', async () => {
    const launch = lrs.setLaunch({ activityId: AU, masteryScore: 0.75 });
    lrs.failNext(2, { type: 'status', status: 503 });
    lrs.failNext(1, { type: 'status', status: 429, retryAfter: '1' });
    const au = loadAu(lrs, browser, launch.search);
    new Learner(au.adapter).happy();
    await until(au, () => verbs(lrs).includes('terminated'));
    expect(lrs.cmi5Findings()).toEqual([]);
    expect(new Set(lrs.statements().map((s) => s.id)).size).toBe(lrs.statements().length);
    expect(lrs.statements()).toHaveLength(10);
    expect(lrs.requests().filter((r) => r.status === 503 || r.status === 429)).toHaveLength(3);
  });

  it('LaunchData masteryScore wins: a 0.8 score against 0.9 is failed, not passed', async () => {
    const launch = lrs.setLaunch({ activityId: AU, masteryScore: 0.9 });
    const au = loadAu(lrs, browser, launch.search);
    const learner = new Learner(au.adapter);
    learner.launch();
    learner.score(0.8, true);
    learner.leave();
    await until(au, () => verbs(lrs).includes('terminated'));
    expect(verbs(lrs)).toEqual(['initialized', 'failed', 'suspended', 'terminated']);
    const failed = lrs.statements()[1];
    expect(failed?.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.9);
    expect(lrs.cmi5Findings()).toEqual([]);
  });

  it('Browse mode sends only initialized and terminated (cmi5 10.2.2)', async () => {
    const launch = lrs.setLaunch({ activityId: AU, launchMode: 'Browse' });
    const au = loadAu(lrs, browser, launch.search);
    new Learner(au.adapter).happy();
    await until(au, () => verbs(lrs).includes('terminated'));
    expect(verbs(lrs)).toEqual(['initialized', 'terminated']);
  });

  it('a relaunch in the same registration sends no second completed or passed, and no failed after passed', async () => {
    const first = lrs.setLaunch({ activityId: AU, masteryScore: 0.5 });
    const one = loadAu(lrs, browser, first.search);
    new Learner(one.adapter).happy();
    await until(one, () => verbs(lrs).includes('terminated'));
    const second = lrs.setLaunch({ activityId: AU, masteryScore: 0.5, registration: first.registration });
    const two = loadAu(lrs, newBrowser(), second.search);
    const learner = new Learner(two.adapter);
    learner.launch(true);
    learner.score(0.2, false);
    learner.score(1, true);
    learner.complete();
    learner.leave();
    await until(two, () => verbs(lrs).filter((v) => v === 'terminated').length === 2);
    expect(verbs(lrs).filter((v) => v === 'completed' || v === 'passed' || v === 'failed')).toEqual(['passed', 'completed']);
    expect(lrs.cmi5Findings()).toEqual([]);
  });

  it('reload mid-session: token reused, no second initialized, bookmark restored', async () => {
    const launch = lrs.setLaunch({ activityId: AU, masteryScore: 0.75 });
    const first = loadAu(lrs, browser, launch.search);
    const learner = new Learner(first.adapter);
    learner.launch();
    learner.view(0);
    learner.answer(0, true);
    await until(first, () => lrs.statements().length === 3);
    first.adapter.session?.hide(); // visibilitychange hidden: keepalive bookmark write
    await until(first, () => lrs.stateDocument({ activityId: AU, stateId: 'https://coursemark.dev/state/progress', registration: launch.registration }) !== undefined);
    const second = loadAu(lrs, browser, launch.search);
    const restored = await second.adapter.resume();
    expect(restored?.answers['q1']?.correct).toBe(true);
    expect(fetchPosts()).toBe(1);
    const again = new Learner(second.adapter, restored);
    again.launch(true);
    again.view(1);
    again.answer(1, true);
    again.score(1, true);
    again.view(2);
    again.complete();
    again.leave();
    await until(second, () => verbs(lrs).includes('terminated'));
    expect(verbs(lrs).filter((v) => v === 'initialized')).toHaveLength(1);
    expect(lrs.cmi5Findings()).toEqual([]);
  });
});

describe('X8: hiding the page', () => {
  it('flushes with keepalive and never terminates; exit while hidden sends terminated last with keepalive', async () => {
    const launch = lrs.setLaunch({ activityId: AU, masteryScore: 0.75 });
    const au = loadAu(lrs, browser, launch.search);
    const learner = new Learner(au.adapter);
    learner.launch();
    learner.view(0);
    await until(au, () => lrs.statements().length === 2);
    au.adapter.session?.hide();
    au.adapter.session?.show();
    expect(verbs(lrs)).not.toContain('terminated');
    lrs.failNext(1, { type: 'status', status: 503 });
    learner.answer(0, true);
    learner.view(1);
    await until(au, () => au.clock.pending() > 0);
    // pagehide: the player then reports suspended and exited while the page is going away.
    au.adapter.session?.hide();
    learner.leave();
    await until(au, () => verbs(lrs).includes('terminated'));
    const keepalive = browser.fetchCalls.filter((c) => c.init?.keepalive === true && c.url.includes('/statements'));
    expect(keepalive.length).toBeGreaterThan(0);
    expect(verbs(lrs).at(-1)).toBe('terminated');
    expect(verbs(lrs).filter((v) => v === 'terminated')).toHaveLength(1);
    expect(lrs.cmi5Findings()).toEqual([]);
  });
});

describe('X6, X10: statements left by an earlier session of the registration', () => {
  /** The same browser after the tab died: a new tab (fresh sessionStorage) over the same stores. */
  const nextTab = (): Browser => ({ ...newBrowser(), queues: browser.queues, mirrors: browser.mirrors });

  async function leaveOffline(): Promise<{ first: ReturnType<typeof lrs.setLaunch>; left: string[] }> {
    const first = lrs.setLaunch({ activityId: AU });
    const one = loadAu(lrs, browser, first.search);
    const learner = new Learner(one.adapter);
    learner.launch();
    await until(one, () => lrs.statements().length === 1);
    lrs.failNext(100, { type: 'status', status: 503 });
    learner.view(0);
    learner.view(1);
    await until(one, () => one.clock.pending() > 0);
    // The tab dies here; the LMS launches a new session of the same registration in this browser.
    one.close();
    lrs.clearFaults();
    return { first, left: [...browser.queues.values()].flat().map((item) => item.id) };
  }

  it('go first, once, under their own ids and session, before the new session says anything', async () => {
    const { first, left } = await leaveOffline();
    expect(left).toHaveLength(2);
    const second = lrs.setLaunch({ activityId: AU, registration: first.registration });
    const two = loadAu(lrs, nextTab(), second.search);
    new Learner(two.adapter).launch(true);
    await until(two, () => lrs.statements().length === 5);
    const stored = lrs.statements();
    expect(stored.slice(1, 3).map((s) => s.id)).toEqual(left);
    for (const s of stored.slice(0, 3)) expect(s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(first.sessionId);
    expect(verbs(lrs).slice(3)).toEqual(['initialized', 'resumed']);
    expect(new Set(stored.map((s) => s.id)).size).toBe(5);
    expect(lrs.cmi5Findings()).toEqual([]);
  });

  it('an LMS that refuses them (403, session abandoned) has them dead-lettered with its reason; the new session goes on', async () => {
    const { first, left } = await leaveOffline();
    lrs.poison(left, 403);
    const second = lrs.setLaunch({ activityId: AU, registration: first.registration });
    const two = loadAu(lrs, nextTab(), second.search);
    new Learner(two.adapter).launch(true);
    // Stored, and the answers seen by the queue (the LRS stores before the reply reaches the page).
    await until(two, () => verbs(lrs).includes('resumed') && [...browser.queues.values()].flat().length === 0);
    expect(two.adapter.session?.deadLetters.map((d) => [d.id, d.status, d.reason])).toEqual(left.map((id) => [id, 403, 'rejected by the LRS (HTTP 403): poison statement']));
    expect(verbs(lrs)).toEqual(['initialized', 'initialized', 'resumed']);
    expect([...browser.queues.values()].flat()).toEqual([]);
  });
});

describe('X9: the one-time fetch URL', () => {
  it('a reload reuses the stored token without a second fetch POST', async () => {
    const launch = lrs.setLaunch({ activityId: AU });
    const first = loadAu(lrs, browser, launch.search);
    await first.adapter.ready;
    const second = loadAu(lrs, browser, launch.search);
    await second.adapter.ready;
    expect(fetchPosts()).toBe(1);
    expect(second.adapter.launchProblem).toBeUndefined();
  });

  it('an error-code body (HTTP 200) is never taken as a token: relaunch from the LMS', async () => {
    const launch = lrs.setLaunch({ activityId: AU });
    await loadAu(lrs, browser, launch.search).adapter.ready;
    const other = loadAu(lrs, newBrowser(), launch.search);
    await other.adapter.ready;
    expect(fetchPosts()).toBe(2);
    expect(other.adapter.launchProblem).toBe('relaunch-required');
    expect(other.adapter.saving).toBe(false);
    expect(lrs.requests().filter((r) => r.path.startsWith('/xapi/') && r.headers['authorization']?.includes('error'))).toHaveLength(0);
    expect(lrs.requests().filter((r) => r.path.startsWith('/xapi/'))).toHaveLength(3); // only the first load's reads
  });

  it('missing launch parameters give a clear problem and no requests', async () => {
    const au = loadAu(lrs, browser, '?endpoint=https%3A%2F%2Flrs.example%2F');
    await au.adapter.ready;
    expect(au.adapter.launchProblem).toBe('missing-launch-parameters');
    expect(await au.adapter.resume()).toBeUndefined();
    expect(lrs.requests()).toHaveLength(0);
  });
});

describe('X11: returnURL', () => {
  it('navigates only after terminated is stored', async () => {
    const launch = lrs.setLaunch({ activityId: AU, returnURL: 'https://lms.example/return' });
    const au = loadAu(lrs, browser, launch.search);
    new Learner(au.adapter).happy();
    // Timers up to 2 s only: the 3 s exit bound never runs out here.
    await until(au, () => browser.navigations.length > 0, 2000);
    expect(browser.navigations).toEqual([{ url: 'https://lms.example/return', statementsStored: lrs.statements().length }]);
    expect(verbs(lrs).at(-1)).toBe('terminated');
  });

  it('with an LRS too slow to answer in time, terminated leaves with keepalive before navigation', async () => {
    const launch = lrs.setLaunch({ activityId: AU, returnURL: 'https://lms.example/return' });
    const au = loadAu(lrs, browser, launch.search);
    const learner = new Learner(au.adapter);
    learner.launch();
    await until(au, () => lrs.statements().length === 1);
    lrs.failNext(50, { type: 'status', status: 503 });
    learner.leave();
    await until(au, () => browser.navigations.length > 0);
    const navigatedAt = browser.fetchCalls.length;
    const keepalive = browser.fetchCalls.slice(0, navigatedAt).filter((c) => c.init?.keepalive === true && String(c.init.body).includes('/terminated'));
    expect(keepalive.length).toBeGreaterThan(0);
  });
});

describe('S6: token hygiene', () => {
  it('the token appears only in Authorization headers to the LRS', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name));
    try {
      const launch = lrs.setLaunch({ activityId: AU, masteryScore: 0.75 });
      lrs.failNext(1, { type: 'status', status: 503 });
      lrs.poison([]);
      const au = loadAu(lrs, browser, launch.search);
      new Learner(au.adapter).happy();
      await until(au, () => verbs(lrs).includes('terminated'));
      const canary = launch.token;
      for (const request of lrs.requests()) {
        expect(request.path + request.query.toString()).not.toContain(canary);
        expect(request.body.includes(canary) && !request.path.startsWith('/fetch/')).toBe(false);
        for (const [name, value] of Object.entries(request.headers)) {
          if (name !== 'authorization') expect(value ?? '').not.toContain(canary);
        }
        if (request.headers['authorization']?.includes(canary)) expect(request.path.startsWith('/xapi/')).toBe(true);
      }
      for (const call of browser.fetchCalls) {
        const auth = new Headers(call.init?.headers).get('Authorization');
        if (!call.url.startsWith(lrs.endpoint)) expect(auth).toBeNull();
      }
      expect(JSON.stringify(lrs.statements())).not.toContain(canary);
      expect(JSON.stringify([...browser.localStorage.data])).not.toContain(canary);
      expect(JSON.stringify([...browser.queues])).not.toContain(canary);
      for (const spy of spies) expect(JSON.stringify(spy.mock.calls)).not.toContain(canary);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
