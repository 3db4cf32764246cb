/**
 * A spec-strict fake LMS API for SCORM 1.2 and 2004 (reliability harness H1): vocabularies,
 * formats and lengths from strict-lms-rules.ts, the Initialize/Terminate state machine with the
 * spec's error codes, a call log, commit snapshots and commits it can be told to refuse.
 */
import { PATTERN_COUNT_2004, ruleFor, type LmsVersion } from './strict-lms-rules.js';

export type { LmsVersion } from './strict-lms-rules.js';

export interface Call {
  readonly method: string;
  readonly args: readonly string[];
  readonly result: string;
  readonly error: string;
  /** Date.now() of the call (fake timers make it exact). */
  readonly at: number;
}

export interface StrictLmsOptions {
  /** Values the LMS has at launch (entry, suspend_data, status, mastery...). */
  readonly initial?: Readonly<Record<string, string>>;
  /** Commit returns "false" this many times before it succeeds. */
  readonly refuseCommits?: number;
}

type Phase = 'new' | 'running' | 'done';

const NAMES = {
  '1.2': { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', string: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' },
  '2004': { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', string: 'GetErrorString', diag: 'GetDiagnostic' },
} as const;

/** Error codes per version and situation (standards.md 1.3 and 2.2 R6). */
const CODES = {
  '1.2': { notInit: '301', afterEnd: '101', again: '101', readOnly: '403', writeOnly: '404', unknown: '201', keyword: '402', general: '101', commitFail: '101', index: '201', notSet: '0', dependency: '201' },
  '2004': { notInit: '', afterEnd: '', again: '103', readOnly: '404', writeOnly: '405', unknown: '401', keyword: '404', general: '101', commitFail: '391', index: '351', notSet: '403', dependency: '408' },
} as const;

const DEFAULTS: Readonly<Record<LmsVersion, Readonly<Record<string, string>>>> = {
  '1.2': { 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_status': 'not attempted', 'cmi.core.credit': 'credit', 'cmi.core.lesson_mode': 'normal', 'cmi.suspend_data': '', 'cmi.core.lesson_location': '', 'cmi.student_data.mastery_score': '' },
  '2004': { 'cmi.entry': 'ab-initio', 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown', 'cmi.credit': 'credit', 'cmi.mode': 'normal' },
};

export class StrictLms {
  readonly log: Call[] = [];
  readonly values = new Map<string, string>();
  /** The data model as of each successful commit (and of Terminate). */
  readonly commits: ReadonlyMap<string, string>[] = [];
  private phase: Phase = 'new';
  private lastError = '0';
  private refusals: number;
  private interactionCount = 0;
  private readonly patternCounts = new Map<number, number>();

  constructor(
    readonly version: LmsVersion,
    options: StrictLmsOptions = {},
  ) {
    for (const [key, value] of Object.entries({ ...DEFAULTS[version], ...options.initial })) this.values.set(key, value);
    this.refusals = options.refuseCommits ?? 0;
  }

  /** The object content finds as `window.API` / `window.API_1484_11`. */
  api(): Record<string, (...args: string[]) => string> {
    const n = NAMES[this.version];
    const logged =
      (method: string, fn: (...args: string[]) => string) =>
      (...args: string[]): string => {
        const result = fn(...args);
        if (method !== n.error && method !== n.string && method !== n.diag) this.log.push({ method, args, result, error: this.lastError, at: Date.now() });
        return result;
      };
    return {
      [n.init]: logged(n.init, () => this.initialize()),
      [n.finish]: logged(n.finish, () => this.terminate()),
      [n.get]: logged(n.get, (element = '') => this.getValue(element)),
      [n.set]: logged(n.set, (element = '', value = '') => this.setValue(element, value)),
      [n.commit]: logged(n.commit, () => this.commit()),
      [n.error]: () => this.lastError,
      [n.string]: (code = '') => `error ${code}`,
      [n.diag]: (code = '') => `diagnostic ${code}`,
    };
  }

  refuseNextCommits(count: number): void {
    this.refusals = count;
  }

  /** Calls whose error code is not 0. */
  errors(): Call[] {
    return this.log.filter((call) => call.error !== '0');
  }

  calls(method: string): Call[] {
    return this.log.filter((call) => call.method === method);
  }

  /** What the next launch gets: committed data, entry=resume after exit=suspend (RTE 3.4.2 / 4.2.8). */
  relaunchValues(): Record<string, string> {
    const last = this.commits.at(-1) ?? new Map<string, string>();
    const exitKey = this.version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
    const entryKey = this.version === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
    const keep = [...last].filter(([key]) => !key.startsWith('cmi.interactions') && key !== exitKey && !key.endsWith('session_time'));
    const suspended = last.get(exitKey) === 'suspend';
    const interactions = [...last.keys()].filter((key) => /^cmi\.interactions\.\d+\.id$/.test(key)).length;
    return {
      ...Object.fromEntries(suspended ? keep : []),
      [entryKey]: suspended ? 'resume' : 'ab-initio',
      'cmi.interactions._count': String(suspended ? interactions : 0),
    };
  }

  private fail(code: string, result = 'false'): string {
    this.lastError = code;
    return result;
  }

  private guard(beforeInit: string, afterEnd: string): string | undefined {
    const codes = CODES[this.version];
    if (this.phase === 'new') return this.version === '1.2' ? codes.notInit : beforeInit;
    if (this.phase === 'done') return this.version === '1.2' ? codes.afterEnd : afterEnd;
    return undefined;
  }

  private initialize(): string {
    if (this.phase !== 'new') return this.fail(this.phase === 'running' ? CODES[this.version].again : this.version === '1.2' ? '101' : '104');
    this.phase = 'running';
    this.interactionCount = Number(this.values.get('cmi.interactions._count') ?? '0');
    return this.fail('0', 'true');
  }

  private terminate(): string {
    const blocked = this.guard('112', '113');
    if (blocked !== undefined) return this.fail(blocked);
    this.phase = 'done';
    this.commits.push(new Map(this.values));
    return this.fail('0', 'true');
  }

  private commit(): string {
    const blocked = this.guard('142', '143');
    if (blocked !== undefined) return this.fail(blocked);
    if (this.refusals > 0) {
      this.refusals -= 1;
      return this.fail(CODES[this.version].commitFail);
    }
    this.commits.push(new Map(this.values));
    return this.fail('0', 'true');
  }

  private getValue(element: string): string {
    const codes = CODES[this.version];
    const blocked = this.guard('122', '123');
    if (blocked !== undefined) return this.fail(blocked, '');
    if (element === 'cmi.interactions._count') return this.fail('0', String(this.interactionCount));
    const rule = ruleFor(this.version, element);
    if (rule === undefined) return this.fail(codes.unknown, '');
    if (rule.access === 'w') return this.fail(codes.writeOnly, '');
    const value = this.values.get(element);
    if (value === undefined) return this.fail(codes.notSet, '');
    return this.fail('0', value);
  }

  private setValue(element: string, value: string): string {
    const codes = CODES[this.version];
    const blocked = this.guard('132', '133');
    if (blocked !== undefined) return this.fail(blocked);
    if (element.endsWith('._count') || element.endsWith('._children')) return this.fail(codes.keyword);
    const rule = ruleFor(this.version, element);
    if (rule === undefined) return this.fail(codes.unknown);
    if (rule.access === 'r') return this.fail(codes.readOnly);
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    let type: string | undefined;
    let newPattern: number | undefined;
    if (interaction !== null) {
      const index = Number(interaction[1]);
      const field = interaction[2] ?? '';
      if (index > this.interactionCount) return this.fail(codes.index);
      // The id must be set first (SCORM 2004 RTE 4.2.9: 408; 1.2 ADL guidance).
      if (index === this.interactionCount && field !== 'id') return this.fail(codes.dependency);
      type = this.values.get(`cmi.interactions.${index}.type`);
      const pattern = /^correct_responses\.(\d+)\.pattern$/.exec(field);
      if (pattern !== null) {
        const k = Number(pattern[1]);
        const count = this.patternCounts.get(index) ?? 0;
        if (type === undefined) return this.fail(codes.dependency);
        if (k > count) return this.fail(codes.index);
        if (this.version === '2004' && k >= (PATTERN_COUNT_2004[type] ?? 1)) return this.fail('351');
        if (k === count) newPattern = index;
      }
    }
    const code = rule.check(value, type);
    if (code !== '0') return this.fail(code);
    if (interaction !== null && Number(interaction[1]) === this.interactionCount) this.interactionCount += 1;
    if (newPattern !== undefined) this.patternCounts.set(newPattern, (this.patternCounts.get(newPattern) ?? 0) + 1);
    this.values.set(element, value);
    return this.fail('0', 'true');
  }
}
