import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { discoverApi, findApi, type DiscoveryOptions } from '../../../../components/runtime/scorm/api-discovery.js';
import { apiMethods } from '../../../../components/runtime/scorm/lms-connection.js';
import { createScorm12Adapter } from '../../../../components/runtime/scorm/scorm12-adapter.js';
import { createScorm2004Adapter } from '../../../../components/runtime/scorm/scorm2004-adapter.js';
import { FakeWindow, playCourse, sampleCourse } from './fixtures.js';
import { StrictLms } from './strict-lms.js';

const timers: DiscoveryOptions['timers'] = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const options12: DiscoveryOptions = { name: 'API', methods: apiMethods('1.2'), maxParents: 7, timers };
const options2004: DiscoveryOptions = { name: 'API_1484_11', methods: apiMethods('2004'), maxParents: 500, timers };

type Frame = Record<string, unknown>;

/** A chain of `depth` frames above `win`; returns the outermost. */
function chain(win: Frame, depth: number): Frame {
  let current = win;
  for (let i = 0; i < depth; i += 1) {
    const parent: Frame = {};
    parent['parent'] = parent;
    current['parent'] = parent;
    current = parent;
  }
  return current;
}

/** A cross-origin WindowProxy: only `parent` (and a few others) may be read; everything else throws. */
function crossOrigin(parent: unknown): Frame {
  return new Proxy<Frame>(
    {},
    {
      get(_target, key) {
        if (key === 'parent') return parent;
        throw new DOMException(`Blocked a frame from accessing property ${String(key)}`, 'SecurityError');
      },
    },
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('R15: API discovery', () => {
  const api12 = new StrictLms('1.2').api();
  const api2004 = new StrictLms('2004').api();

  it('finds the API on the window itself and on its parent', () => {
    const win: Frame = { API: api12 };
    win['parent'] = win;
    expect(findApi(win, options12)).toBe(api12);
    const child: Frame = {};
    child['parent'] = win;
    expect(findApi(child, options12)).toBe(api12);
  });

  it('walks 7 parents for 1.2 (ADL sample) and further for 2004', () => {
    const win: Frame = {};
    chain(win, 7)['API'] = api12;
    expect(findApi(win, options12)).toBe(api12);
    const deep: Frame = {};
    const top = chain(deep, 8);
    top['API'] = api12;
    top['API_1484_11'] = api2004;
    expect(findApi(deep, options12)).toBeUndefined();
    expect(findApi(deep, options2004)).toBe(api2004);
  });

  it('finds the API through opener, opener parents and top.opener (popup launches)', () => {
    const lmsWindow: Frame = {};
    chain(lmsWindow, 2)['API'] = api12;
    const popup: Frame = { opener: lmsWindow };
    popup['parent'] = popup;
    expect(findApi(popup, options12)).toBe(api12);
    const top: Frame = { opener: lmsWindow };
    top['parent'] = top;
    const frame: Frame = { parent: top, top };
    expect(findApi(frame, options12)).toBe(api12);
  });

  it('skips a throwing cross-origin frame in the chain without letting a SecurityError escape', () => {
    const top: Frame = { API_1484_11: api2004 };
    top['parent'] = top;
    const win: Frame = { parent: crossOrigin(top) };
    expect(findApi(win, options2004)).toBe(api2004);
    const hostile = new Proxy<Frame>({}, { get: () => { throw new DOMException('no', 'SecurityError'); } });
    expect(() => findApi(hostile, options2004)).not.toThrow();
    expect(findApi({ parent: hostile, opener: hostile, top: hostile }, options2004)).toBeUndefined();
  });

  it('ignores an object without the API methods', () => {
    const win: Frame = { API: { LMSInitialize: () => 'true' } };
    win['parent'] = win;
    expect(findApi(win, options12)).toBeUndefined();
  });

  it('finds an API injected late, within the retry window', async () => {
    const win: Frame = {};
    win['parent'] = win;
    const found = discoverApi(win, options12);
    setTimeout(() => {
      win['API'] = api12;
    }, 450);
    await vi.advanceTimersByTimeAsync(500);
    await expect(found).resolves.toBe(api12);
  });

  it('gives up after the window (2 s) when there is no API', async () => {
    const win: Frame = {};
    win['parent'] = win;
    let result: unknown = 'pending';
    void discoverApi(win, options12).then((api) => {
      result = api;
    });
    await vi.advanceTimersByTimeAsync(1900);
    expect(result).toBe('pending');
    await vi.advanceTimersByTimeAsync(200);
    expect(result).toBeUndefined();
  });
});

describe.each([
  ['1.2', createScorm12Adapter],
  ['2004', createScorm2004Adapter],
] as const)('SCORM %s without an LMS: standalone mode', (_version, create) => {
  it('keeps progress in memory and localStorage, says it is saving, and makes 0 network calls', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };
    const course = sampleCourse();
    const adapter = create(course, { window: new FakeWindow(), storage });
    const playing = playCourse(course, adapter, { stopAfterPage: 1 });
    await vi.advanceTimersByTimeAsync(2500);
    const session = await playing;
    session.leave();
    expect(adapter.mode).toBe('standalone');
    expect(adapter.saving).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(stored.size).toBe(1);
    // a second launch on this device resumes
    const again = create(course, { window: new FakeWindow(), storage });
    const resumed = again.resume();
    await vi.advanceTimersByTimeAsync(2500);
    await expect(resumed).resolves.toMatchObject({ location: 1, visited: ['intro', 'basics'] });
    vi.unstubAllGlobals();
  });

  it('survives disabled storage', async () => {
    const storage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const course = sampleCourse();
    const adapter = create(course, { window: new FakeWindow(), storage });
    const playing = playCourse(course, adapter, { stopAfterPage: 1 });
    await vi.advanceTimersByTimeAsync(2500);
    await expect(playing).resolves.toBeDefined();
    expect(adapter.saving).toBe(true);
    warn.mockRestore();
  });
});
