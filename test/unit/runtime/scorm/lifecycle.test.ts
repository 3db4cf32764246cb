import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playCourse, type FakeWindow } from './fixtures.js';
import { el, launch, realErrors, VERSIONS } from './harness.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 9, 30) });
});
afterEach(() => {
  vi.useRealTimers();
});

type Fire = (win: FakeWindow) => void;
const EVENTS: Readonly<Record<string, Fire>> = {
  beforeunload: (win) => win.dispatchEvent(new Event('beforeunload')),
  pagehide: (win) => win.pagehide(false),
  visibilitychange: (win) => win.hide(),
  unload: (win) => win.dispatchEvent(new Event('unload')),
};

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const ORDERS = permutations(Object.keys(EVENTS));

describe.each(VERSIONS)('SCORM %s: R9 lifecycle idempotency', (version) => {
  const e = el(version);

  it.each(ORDERS.map((order) => [order.join(' > '), order] as const))('%s, then a double exit: 1 Initialize, 1 Terminate, 0 calls after', async (_name, order) => {
    const { lms, win, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { stopAfterPage: 2 });
    for (const name of order) EVENTS[name]?.(win);
    // the player's own pagehide handler (session.leave) and a double click on an exit button
    session.leave();
    adapter.record({ kind: 'exited', reason: 'learner' }, session.state);
    adapter.record({ kind: 'suspended' }, session.state);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(lms.calls(e.init)).toHaveLength(1);
    expect(lms.calls(e.finish)).toHaveLength(1);
    expect(lms.log.at(-1)?.method).toBe(e.finish);
    expect(realErrors(lms)).toEqual([]);
    // left mid-course: the attempt is kept for resume
    expect(lms.commits.at(-1)?.get(e.exit)).toBe('suspend');
    expect(lms.commits.at(-1)?.get('cmi.suspend_data')).not.toBe('');
  });

  it('the exited event terminates; later lifecycle events make no calls', async () => {
    const { lms, win, adapter, course } = launch(version);
    const session = await playCourse(course, adapter);
    session.leave();
    const calls = lms.log.length;
    for (const fire of Object.values(EVENTS)) fire(win);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(lms.log).toHaveLength(calls);
  });

  it('R3: visibilitychange to hidden commits synchronously, without waiting for a timer', async () => {
    const { lms, win, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { stopAfterPage: 0 });
    const next = course.pages[1];
    if (next !== undefined) session.viewPage(next);
    const before = lms.calls(e.commit).length;
    win.hide();
    expect(lms.calls(e.commit)).toHaveLength(before + 1);
    expect(lms.commits.at(-1)?.get(e.location)).toBe('basics');
    expect(lms.calls(e.finish)).toHaveLength(0);
  });

  it('R10: a persisted pagehide (back-forward cache) commits but does not terminate', async () => {
    const { lms, win, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { stopAfterPage: 1 });
    win.pagehide(true);
    expect(lms.calls(e.finish)).toHaveLength(0);
    expect(lms.commits.at(-1)?.get('cmi.suspend_data')).not.toBe('');
    session.leave();
    expect(lms.calls(e.finish)).toHaveLength(1);
  });

  it('never listens to unload', async () => {
    const { win, adapter } = launch(version);
    const spy = vi.spyOn(win, 'addEventListener');
    const spyDoc = vi.spyOn(win.document, 'addEventListener');
    await adapter.resume();
    const types = [...spy.mock.calls, ...spyDoc.mock.calls].map(([type]) => type);
    expect(types).not.toContain('unload');
    expect(types).toContain('pagehide');
  });

  it('R11: a refused Initialize means no further calls at all, and "not saving"', async () => {
    const { lms, adapter, course } = launch(version);
    lms.api()[e.init]?.(''); // another instance already initialized this launch
    const before = lms.log.length;
    const session = await playCourse(course, adapter);
    session.leave();
    expect(lms.log.slice(before).map((call) => call.method)).toEqual([e.init]);
    expect(adapter.saving).toBe(false);
    expect(adapter.mode).toBe('unavailable');
  });
});
