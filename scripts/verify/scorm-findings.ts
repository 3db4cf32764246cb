import { ruleFor, type LmsVersion } from '../lms/strict-lms-rules.js';

/** One call the content made on the LMS API, with the LMS's answer (see scripts/lms/lms-host). */
export interface ApiCall {
  readonly name: string;
  readonly args: readonly string[];
  readonly result: string;
  readonly error: string | undefined;
}

const NAMES = {
  '1.2': { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue' },
  '2004': { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue' },
} as const;

/** Error-reporting calls are legal at any time (SCORM 1.2 RTE 3.3.2.2, 2004 RTE 3.1.7). */
const isDiagnostic = (name: string): boolean => /GetLastError|GetErrorString|GetDiagnostic/.test(name);

// Optional 2004 elements the manifest may leave undefined: reading one answers 403 "not
// initialized" (SCORM 2004 RTE 4.1.7), which is how content learns they are absent, not a fault.
const OPTIONAL_2004 = new Set(['cmi.completion_threshold', 'cmi.scaled_passing_score']);

const call = (entry: ApiCall): string => `${entry.name}(${entry.args.map((arg) => JSON.stringify(arg.length > 60 ? `${arg.slice(0, 57)}...` : arg)).join(', ')})`;

/**
 * Protocol problems in a SCORM call log, in plain words: calls before Initialize or after
 * Terminate, a missing or repeated Initialize/Terminate (1.2 RTE 3.3.2, 2004 RTE 3.1.3), values a
 * strict LMS refuses (wrong vocabulary or format, read-only elements: 1.2 RTE 3.4, 2004 RTE 4.2),
 * and every call the LMS answered with an error code.
 */
export function scormFindings(version: LmsVersion, log: readonly ApiCall[]): string[] {
  const names = NAMES[version];
  const findings: string[] = [];
  const types = new Map<string, string>();
  let state: 'before' | 'open' | 'after' = 'before';
  let initializations = 0;
  let finishes = 0;
  for (const entry of log) {
    if (entry.name === names.init) {
      initializations += 1;
      if (initializations === 2) findings.push(`${names.init} was called more than once in one launch.`);
      if (state === 'before') state = 'open';
      continue;
    }
    if (isDiagnostic(entry.name)) continue;
    if (state === 'before') findings.push(`${call(entry)} was called before ${names.init}: the LMS ignores it.`);
    if (state === 'after') findings.push(`${call(entry)} was called after ${names.finish}: the LMS ignores it.`);
    if (entry.name === names.finish) {
      finishes += 1;
      state = 'after';
      continue;
    }
    let flagged = false;
    if (entry.name === names.set) {
      const [element = '', value = ''] = entry.args;
      const typeOf = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
      if (typeOf?.[1] !== undefined) types.set(typeOf[1], value);
      const index = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
      const rule = ruleFor(version, element);
      if (rule === undefined) findings.push(`${call(entry)}: ${element} is not a SCORM ${version} data-model element.`);
      else if (rule.access === 'r') findings.push(`${call(entry)}: ${element} is read-only.`);
      else {
        const code = rule.check(value, index === undefined ? undefined : types.get(index));
        if (code !== '0') findings.push(`${call(entry)}: "${value}" is not an allowed value for ${element} (SCORM error ${code}).`);
      }
      flagged = findings.length > 0 && findings.at(-1)?.startsWith(call(entry)) === true;
    }
    const optional = version === '2004' && entry.name === names.get && entry.error === '403' && OPTIONAL_2004.has(entry.args[0] ?? '');
    if (!flagged && !optional && state === 'open' && entry.error !== undefined && entry.error !== '0') {
      findings.push(`${call(entry)} was refused by the LMS with error ${entry.error}.`);
    }
  }
  if (initializations === 0) findings.push(`The course never called ${names.init}: the LMS records nothing.`);
  else if (finishes === 0) findings.push(`The course never called ${names.finish}: the LMS may lose the session or keep it open.`);
  else if (finishes > 1) findings.push(`${names.finish} was called more than once.`);
  return findings;
}

/** The last value the content set for each element, from the call log. */
export function lastValues(version: LmsVersion, log: readonly ApiCall[]): Map<string, string> {
  const set = NAMES[version].set;
  return new Map(log.filter((entry) => entry.name === set).map((entry) => [entry.args[0] ?? '', entry.args[1] ?? '']));
}
