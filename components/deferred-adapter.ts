/**
 * A `TrackingAdapter` whose implementation is still loading (its own chunk, imported as the player
 * starts, so it never delays the first paint). The player can use it at once:
 * - `resume()` waits for the implementation, so saved progress is restored before the learner acts;
 * - `record()` queues events that arrive before it, and hands them over in their order as soon as it
 *   is there: nothing the learner does is lost or reordered while the chunk loads.
 * Should the chunk fail to load, the player says it is not saving (`saving` is false) and the events
 * stay queued; nothing is sent anywhere in a wrong order.
 */
import type { LaunchProblem, LearnerEvent, ProgressState, TrackingAdapter } from './tracker.js';

export interface DeferredAdapter extends TrackingAdapter {
  /** Resolves once the implementation has arrived and received the queued events. */
  readonly ready: Promise<void>;
}

export function deferAdapter(load: () => Promise<TrackingAdapter>): DeferredAdapter {
  let adapter: TrackingAdapter | undefined;
  let failed = false;
  const queue: [LearnerEvent, ProgressState][] = [];
  const ready = load().then(
    (loaded) => {
      // Synchronously, in one turn: later `record` calls cannot slip in between the queued ones.
      for (const [event, state] of queue.splice(0)) loaded.record(event, state);
      adapter = loaded;
    },
    (error: unknown) => {
      failed = true;
      console.error('coursemark: could not load the tracking runtime', error);
    },
  );
  return {
    ready,
    async resume() {
      await ready;
      return adapter?.resume();
    },
    record(event, state) {
      if (adapter === undefined) queue.push([event, state]);
      else adapter.record(event, state);
    },
    get saving() {
      return !failed && (adapter?.saving ?? true);
    },
    get restoreNotice() {
      return adapter?.restoreNotice;
    },
    get launchProblem(): LaunchProblem | undefined {
      return adapter?.launchProblem;
    },
    get responseLimit() {
      return adapter?.responseLimit;
    },
    get mastery() {
      return adapter?.mastery;
    },
  };
}
