/**
 * The few things the SCORM adapter takes from its host page, each read defensively: the default
 * window and timers, the window's localStorage, and a statement's object id.
 */
import type { Statement } from '@xapi/xapi';
import type { Timers } from './api-discovery.js';
import type { HostWindow } from './lifecycle.js';
import type { StorageLike } from './standalone-store.js';

export const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** The content's own window in a browser; undefined elsewhere (tests, server rendering). */
export function defaultWindow(): unknown {
  return typeof window === 'undefined' ? undefined : window;
}

export const isHostWindow = (win: unknown): win is HostWindow =>
  win !== null && typeof win === 'object' && typeof Reflect.get(win, 'addEventListener') === 'function';

export function storageOf(win: unknown): StorageLike | undefined {
  try {
    const storage: unknown = win !== null && typeof win === 'object' ? Reflect.get(win, 'localStorage') : undefined;
    return storage !== null && typeof storage === 'object' ? (storage as StorageLike) : undefined;
  } catch {
    // SecurityError: storage disabled (sandboxed frame, privacy mode); the store keeps memory only.
    return undefined;
  }
}

export function objectId(statement: Statement): string | undefined {
  const object = statement.object;
  return 'id' in object && typeof object.id === 'string' ? object.id : undefined;
}
