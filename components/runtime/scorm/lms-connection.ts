/**
 * One launch's conversation with the LMS API, the same for both SCORM versions: the method names
 * differ, the rules do not. It enforces what content must guarantee (SCORM 1.2 RTE 3.3.2,
 * SCORM 2004 RTE 3.1.3): Initialize once, Terminate once, nothing after Terminate.
 */

export type ScormVersion = '1.2' | '2004';

export type ConnectionState = 'idle' | 'open' | 'failed' | 'closed';

export interface LmsConnection {
  readonly state: ConnectionState;
  initialize(): boolean;
  getValue(element: string): string;
  setValue(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
}

const METHODS = {
  '1.2': {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
  },
  '2004': {
    initialize: 'Initialize',
    terminate: 'Terminate',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
  },
} as const;

export function apiMethods(version: ScormVersion): readonly string[] {
  return Object.values(METHODS[version]);
}

/**
 * Calls one API method. LMS APIs are author code in another frame: any of them may throw, and a
 * throw counts as a failed call rather than a crash of the course.
 */
function call(api: object, method: string, args: readonly string[]): string {
  try {
    const fn: unknown = Reflect.get(api, method);
    if (typeof fn !== 'function') return 'false';
    return String(Reflect.apply(fn, api, args));
  } catch (error: unknown) {
    console.warn(`coursemark: SCORM ${method} threw`, error);
    return 'false';
  }
}

export function createLmsConnection(api: object, version: ScormVersion): LmsConnection {
  const names = METHODS[version];
  let state: ConnectionState = 'idle';
  const open = (): boolean => state === 'open';
  return {
    get state() {
      return state;
    },
    initialize() {
      if (state !== 'idle') return false;
      state = call(api, names.initialize, ['']) === 'true' ? 'open' : 'failed';
      return state === 'open';
    },
    getValue(element) {
      return open() ? call(api, names.getValue, [element]) : '';
    },
    setValue(element, value) {
      return open() && call(api, names.setValue, [element, value]) === 'true';
    },
    commit() {
      return open() && call(api, names.commit, ['']) === 'true';
    },
    terminate() {
      if (!open()) return false;
      state = 'closed';
      return call(api, names.terminate, ['']) === 'true';
    },
  };
}
