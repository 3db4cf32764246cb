import { describe, expect, it } from 'vitest';
import { deferAdapter } from '../../components/deferred-adapter.js';
import type { LearnerEvent, ProgressState, TrackingAdapter } from '../../components/tracker.js';

const state = (location: number): ProgressState => ({ location, visited: [], answers: {}, activities: {}, completed: false });

/** A store that records what reaches it. */
function recordingAdapter(saved: ProgressState | undefined): TrackingAdapter & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    saving: true,
    restoreNotice: 'partial',
    resume: () => Promise.resolve(saved),
    record: (event: LearnerEvent, at: ProgressState) => void seen.push(`${event.kind}@${at.location}`),
  };
}

/** A load the test resolves or rejects when it chooses. */
function pending<T>(): { readonly promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('deferred tracking adapter', () => {
  it('hands events recorded while the runtime loads to it in their order, before any later one', async () => {
    const load = pending<TrackingAdapter>();
    const deferred = deferAdapter(() => load.promise);
    deferred.record({ kind: 'launched', resumed: false }, state(0));
    deferred.record({ kind: 'progressed', progress: 0.5 }, state(1));
    expect(deferred.saving).toBe(true);
    const real = recordingAdapter(undefined);
    load.resolve(real);
    await deferred.ready;
    deferred.record({ kind: 'suspended' }, state(2));
    expect(real.seen).toEqual(['launched@0', 'progressed@1', 'suspended@2']);
  });

  it('resumes only once the runtime is there, with what it restored', async () => {
    const load = pending<TrackingAdapter>();
    const deferred = deferAdapter(() => load.promise);
    let resumed: ProgressState | undefined;
    const resuming = deferred.resume().then((value) => {
      resumed = value;
    });
    await Promise.resolve();
    expect(resumed).toBeUndefined();
    load.resolve(recordingAdapter(state(3)));
    await resuming;
    expect(resumed?.location).toBe(3);
    expect(deferred.restoreNotice).toBe('partial');
  });

  it('says it is not saving when the runtime cannot load, and resumes with nothing', async () => {
    const deferred = deferAdapter(() => Promise.reject(new Error('offline')));
    const errors = console.error;
    console.error = () => undefined;
    try {
      deferred.record({ kind: 'launched', resumed: false }, state(0));
      expect(await deferred.resume()).toBeUndefined();
      expect(deferred.saving).toBe(false);
    } finally {
      console.error = errors;
    }
  });
});
