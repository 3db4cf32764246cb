// TinCan-launch adapter: launch parsing, delivery through the queue, State API bookmark.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeActor, parseTinCanLaunch } from '../../../../components/runtime/xapi/tincan-launch.js';
import { openXapiSession } from '../../../../components/runtime/xapi/xapi-adapter.js';
import { startLrs, type RunningLrs } from '../../../support/lrs-server.js';
import { loadAu, newBrowser, until, verbs, type Browser } from '../cmi5/cmi5-harness.js';
import { Learner } from '../cmi5/learner.js';
import { COURSE } from '../lrs/helpers.js';

const AUTH = 'Basic eGFwaTpzZWNyZXQ=';
const ACTOR = { mbox: 'mailto:learner@example.org', name: 'Learner' };
let lrs: RunningLrs;
let browser: Browser;

beforeEach(async () => {
  lrs = await startLrs();
  lrs.allowAuth(AUTH);
  browser = newBrowser();
});
afterEach(() => lrs.close());

function search(extra: Record<string, string> = {}): string {
  return `?${new URLSearchParams({ endpoint: lrs.endpoint, auth: AUTH, actor: JSON.stringify(ACTOR), ...extra }).toString()}`;
}

describe('TinCan launch parameters (lms_lrs.md)', () => {
  it('normalises a 0.9 array actor to one IFI', () => {
    expect(normalizeActor({ name: ['Ann'], mbox: ['mailto:ann@example.org'] })).toEqual({ objectType: 'Agent', name: 'Ann', mbox: 'mailto:ann@example.org' });
    expect(normalizeActor({ account: [{ accountServiceHomePage: 'https://lms.example', accountName: 'ann' }] })).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://lms.example', name: 'ann' },
    });
    expect(normalizeActor({ name: 'no ifi' })).toBeUndefined();
  });

  it('names what is missing, and drops a registration that is not a UUID', () => {
    expect(parseTinCanLaunch('?endpoint=https%3A%2F%2Flrs.example%2F')).toEqual({ ok: false, missing: ['auth', 'actor'] });
    const parsed = parseTinCanLaunch(`?endpoint=https%3A%2F%2Flrs.example%2F&auth=x&actor=${encodeURIComponent(JSON.stringify(ACTOR))}&registration=nope`);
    expect(parsed.ok && parsed.launch.registration).toBe(undefined);
  });
});

describe('xAPI adapter', () => {
  it('sends every statement once with the launch auth, activity_id as root, grouping and registration', async () => {
    const registration = randomUUID();
    const au = loadAu(lrs, browser, search({ registration, activity_id: 'https://lms.example/activity/7', grouping: 'https://lms.example/program' }), openXapiSession);
    new Learner(au.adapter).happy();
    await until(au, () => verbs(lrs).includes('terminated'));
    expect(verbs(lrs)).toEqual(['initialized', 'experienced', 'answered', 'experienced', 'answered', 'progressed', 'passed', 'experienced', 'completed', 'terminated']);
    const first = lrs.statements()[0];
    expect(first?.object).toMatchObject({ id: 'https://lms.example/activity/7' });
    expect(first?.context?.registration).toBe(registration);
    expect(first?.context?.contextActivities?.grouping).toEqual(expect.arrayContaining([{ id: 'https://lms.example/program' }]));
    expect(first?.context?.contextActivities?.category).toBeUndefined();
    expect(lrs.requests().every((r) => r.headers['authorization'] === AUTH)).toBe(true);
  });

  it('resumes from the State API bookmark; a corrupt bookmark gives restoreNotice partial', async () => {
    const registration = randomUUID();
    const first = loadAu(lrs, browser, search({ registration }), openXapiSession);
    const learner = new Learner(first.adapter);
    learner.launch();
    learner.view(0);
    learner.answer(0, true);
    await first.adapter.ready;
    await until(first, () => lrs.stateDocument({ activityId: COURSE.id, stateId: 'https://coursemark.dev/state/progress', registration }) !== undefined);
    const second = loadAu(lrs, browser, search({ registration }), openXapiSession);
    expect((await second.adapter.resume())?.visited).toEqual(['one']);

    const other = randomUUID();
    const key = new URLSearchParams({ activityId: COURSE.id, agent: JSON.stringify({ objectType: 'Agent', name: 'Learner', mbox: ACTOR.mbox }), registration: other, stateId: 'https://coursemark.dev/state/progress' });
    await fetch(`${lrs.endpoint}activities/state?${key.toString()}`, {
      method: 'PUT',
      headers: { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: JSON.stringify({ progress: 'garbage!' }),
    });
    const third = loadAu(lrs, browser, search({ registration: other }), openXapiSession);
    expect(await third.adapter.resume()).toBeUndefined();
    expect(third.adapter.restoreNotice).toBe('partial');
  });

  it('without launch parameters reports the problem', async () => {
    const au = loadAu(lrs, browser, '', openXapiSession);
    await au.adapter.ready;
    expect(au.adapter.launchProblem).toBe('missing-launch-parameters');
    expect(au.adapter.saving).toBe(false);
  });
});
