/**
 * A queue store that knows which of its writes have not committed yet: the statements added and
 * not yet stored (nor delivered and removed since), and the last bookmark mirror not yet stored.
 * That is what a page leaving now would lose with them, and what its last word keeps (last-word.ts).
 */
import { stampMirror } from './last-word.js';
import type { QueuedItem, QueueStore } from './queue-store.js';

export interface UnsavedWrites {
  /** Statements whose write has not committed, in the order they were added. */
  readonly items: readonly QueuedItem[];
  /** The last mirror saved whose write has not committed (stamped); undefined when stored. */
  readonly mirror: unknown;
}

export interface TrackedStore extends QueueStore {
  unsaved(): UnsavedWrites;
  /** Calls `listener` whenever a write commits. */
  onSaved(listener: () => void): void;
}

export function trackUnsaved(store: QueueStore, now: () => number): TrackedStore {
  // Insertion order is the order the statements were added in.
  const items = new Map<string, QueuedItem>();
  let mirror: { readonly value: unknown } | undefined;
  const listeners: (() => void)[] = [];
  const saved = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    kind: store.kind,
    load: () => store.load(),
    loadMirror: () => store.loadMirror(),
    add(item) {
      items.delete(item.id);
      items.set(item.id, item);
      return store.add(item).then(() => {
        // A later add of the same id (a store retry) keeps its own entry until it commits.
        if (items.get(item.id) === item) items.delete(item.id);
        saved();
      });
    },
    remove(gone) {
      // Delivered: the LRS has them, nothing of them is left to keep.
      for (const item of gone) items.delete(item.id);
      return store.remove(gone);
    },
    saveMirror(value) {
      const entry = { value: stampMirror(value, now()) };
      mirror = entry;
      return store.saveMirror(entry.value).then(() => {
        if (mirror === entry) mirror = undefined;
        saved();
      });
    },
    unsaved: () => ({ items: [...items.values()], mirror: mirror?.value }),
    onSaved(listener) {
      listeners.push(listener);
    },
  };
}
