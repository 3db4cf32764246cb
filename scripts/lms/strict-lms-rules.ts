/**
 * The data-model rules of a spec-strict LMS, from standards.md 1.3 (SCORM 1.2 RTE 3.4, with
 * Moodle's stricter ranges) and 2.3 (SCORM 2004 4th Ed RTE 4.2). Each rule gives the element's
 * access and a validator returning the error code of a bad value ('0' when the value is fine).
 */
export type LmsVersion = '1.2' | '2004';
export type Access = 'r' | 'w' | 'rw';

export interface Rule {
  readonly access: Access;
  /** Error code for `value`, or '0'. `type` is the interaction's type when the element belongs to one. */
  readonly check: (value: string, type: string | undefined) => string;
}

export const IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;
export const CMI_TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;
export const CMI_TIME = /^([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/;
export const CMI_DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
export const ISO_DURATION = /^P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]{1,2})?S)?)?$/;
export const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?(Z|[+-][0-9]{2}(:[0-9]{2})?)?$/;
/** SCORM 2004 real(10,7): a decimal with at most 7 fraction digits. */
const REAL = /^-?[0-9]{1,10}(\.[0-9]{1,7})?$/;

const ok = (condition: boolean, code: string): string => (condition ? '0' : code);
const oneOf =
  (values: readonly string[], code: string) =>
  (value: string): string =>
    ok(values.includes(value), code);
const maxLength =
  (max: number, code: string) =>
  (value: string): string =>
    ok(value.length <= max, code);
const inRange = (pattern: RegExp, min: number, max: number, typeCode: string, rangeCode: string) => (value: string): string => {
  if (!pattern.test(value)) return typeCode;
  const n = Number(value);
  return ok(n >= min && n <= max, rangeCode);
};
const isoDuration = (value: string): boolean => ISO_DURATION.test(value) && value !== 'P' && !value.endsWith('T');

// ---- SCORM 1.2 (errors: 405 incorrect data type) ----
const CHAR = '[0-9a-z]';
const RESPONSE_12: Readonly<Record<string, RegExp>> = {
  'true-false': /^(0|1|t|f)$/,
  choice: new RegExp(`^\\{?${CHAR}(,${CHAR})*\\}?$`),
  'fill-in': /^[\s\S]{0,255}$/,
  numeric: CMI_DECIMAL,
  matching: new RegExp(`^${CHAR}\\.${CHAR}(,${CHAR}\\.${CHAR})*$`),
  sequencing: new RegExp(`^${CHAR}(,${CHAR})*$`),
};
const response12 = (value: string, type: string | undefined): string => {
  if (type === undefined) return '201';
  const pattern = RESPONSE_12[type];
  return ok(pattern !== undefined && value.length <= 255 && pattern.test(value), '405');
};
const score12 = inRange(/^-?([0-9]{0,3})(\.[0-9]*)?$/, 0, 100, '405', '405');

export const RULES_12: readonly (readonly [RegExp, Rule])[] = [
  [/^cmi\.core\.(student_id|student_name|credit|entry|total_time|lesson_mode)$/, { access: 'r', check: () => '0' }],
  [/^cmi\.core\.lesson_location$/, { access: 'rw', check: maxLength(255, '405') }],
  [/^cmi\.core\.lesson_status$/, { access: 'rw', check: oneOf(['passed', 'completed', 'failed', 'incomplete', 'browsed'], '405') }],
  [/^cmi\.core\.score\.(raw|min|max)$/, { access: 'rw', check: (v) => (v === '' ? '0' : score12(v)) }],
  [/^cmi\.core\.exit$/, { access: 'w', check: oneOf(['time-out', 'suspend', 'logout', ''], '405') }],
  [/^cmi\.core\.session_time$/, { access: 'w', check: (v) => ok(CMI_TIMESPAN.test(v), '405') }],
  [/^cmi\.suspend_data$/, { access: 'rw', check: maxLength(4096, '405') }],
  [/^cmi\.launch_data$/, { access: 'r', check: () => '0' }],
  [/^cmi\.student_data\.(mastery_score|max_time_allowed|time_limit_action)$/, { access: 'r', check: () => '0' }],
  [/^cmi\.interactions\._count$/, { access: 'r', check: () => '0' }],
  [/^cmi\.interactions\.\d+\.id$/, { access: 'w', check: (v) => ok(IDENTIFIER.test(v), '405') }],
  [/^cmi\.interactions\.\d+\.time$/, { access: 'w', check: (v) => ok(CMI_TIME.test(v), '405') }],
  [
    /^cmi\.interactions\.\d+\.type$/,
    { access: 'w', check: oneOf(['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'], '405') },
  ],
  [/^cmi\.interactions\.\d+\.weighting$/, { access: 'w', check: inRange(CMI_DECIMAL, -100, 100, '405', '405') }],
  [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, { access: 'w', check: response12 }],
  [/^cmi\.interactions\.\d+\.student_response$/, { access: 'w', check: response12 }],
  [/^cmi\.interactions\.\d+\.result$/, { access: 'w', check: (v) => ok(['correct', 'wrong', 'unanticipated', 'neutral'].includes(v) || CMI_DECIMAL.test(v), '405') }],
  [/^cmi\.interactions\.\d+\.latency$/, { access: 'w', check: (v) => ok(CMI_TIMESPAN.test(v), '405') }],
];

// ---- SCORM 2004 (errors: 406 type mismatch, 407 out of range, 408 dependency) ----
const SHORT_ID = /^[^\s[\]]{1,250}$/;
const idList = (text: string, separator = '[,]'): string[] => (text === '' ? [] : text.split(separator));
const uniqueIds = (ids: readonly string[]): boolean => new Set(ids).size === ids.length && ids.every((id) => SHORT_ID.test(id));
const stripPrefixes = (text: string): string => text.replace(/^(\{(case_matters|order_matters)=(true|false)\}|\{lang=[A-Za-z-]+\})*/, '');

function response2004(value: string, type: string | undefined, pattern: boolean): string {
  switch (type) {
    case undefined:
      return '408';
    case 'true-false':
      return ok(value === 'true' || value === 'false', '406');
    case 'choice':
    case 'sequencing': {
      const ids = idList(value);
      return ok(ids.length <= 36 && (type === 'sequencing' || uniqueIds(ids)) && ids.every((id) => SHORT_ID.test(id)), '406');
    }
    case 'fill-in': {
      const items = idList(pattern ? stripPrefixes(value) : value);
      return ok(items.length <= 10 && items.every((item) => item.length <= 250), '406');
    }
    case 'long-fill-in':
      return ok(stripPrefixes(value).length <= 4000, '406');
    case 'matching':
      return ok(idList(value).every((pair) => pair.split('[.]').length === 2 && pair.split('[.]').every((id) => SHORT_ID.test(id))), '406');
    case 'numeric': {
      if (!pattern) return ok(REAL.test(value), '406');
      const parts = value.split('[:]');
      if (parts.length !== 2 || !parts.every((p) => p === '' || REAL.test(p))) return '406';
      const [min = '', max = ''] = parts;
      return ok(min === '' || max === '' || Number(min) <= Number(max), '406');
    }
    default:
      return ok(value.length <= 4000, '406');
  }
}

const real2004 = (min: number, max: number) => inRange(REAL, min, max, '406', '407');
const anyReal = (v: string): string => ok(REAL.test(v), '406');

export const PATTERN_COUNT_2004: Readonly<Record<string, number>> = {
  'true-false': 1,
  choice: 10,
  'fill-in': 5,
  'long-fill-in': 5,
  likert: 1,
  matching: 5,
  performance: 5,
  sequencing: 5,
  numeric: 1,
  other: 1,
};

export const RULES_2004: readonly (readonly [RegExp, Rule])[] = [
  [/^cmi\.(entry|mode|credit|completion_threshold|scaled_passing_score|launch_data|max_time_allowed|time_limit_action|total_time|learner_id|learner_name)$/, { access: 'r', check: () => '0' }],
  [/^cmi\.completion_status$/, { access: 'rw', check: oneOf(['completed', 'incomplete', 'not attempted', 'unknown'], '406') }],
  [/^cmi\.success_status$/, { access: 'rw', check: oneOf(['passed', 'failed', 'unknown'], '406') }],
  [/^cmi\.score\.scaled$/, { access: 'rw', check: real2004(-1, 1) }],
  [/^cmi\.score\.(raw|min|max)$/, { access: 'rw', check: anyReal }],
  [/^cmi\.progress_measure$/, { access: 'rw', check: real2004(0, 1) }],
  [/^cmi\.location$/, { access: 'rw', check: maxLength(1000, '406') }],
  [/^cmi\.suspend_data$/, { access: 'rw', check: maxLength(64000, '406') }],
  [/^cmi\.session_time$/, { access: 'w', check: (v) => ok(isoDuration(v), '406') }],
  [/^cmi\.exit$/, { access: 'w', check: oneOf(['time-out', 'suspend', 'logout', 'normal', ''], '406') }],
  [/^cmi\.interactions\._count$/, { access: 'r', check: () => '0' }],
  [/^cmi\.interactions\.\d+\.id$/, { access: 'rw', check: (v) => ok(IDENTIFIER.test(v), '406') }],
  [
    /^cmi\.interactions\.\d+\.type$/,
    {
      access: 'rw',
      check: oneOf(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'], '406'),
    },
  ],
  [/^cmi\.interactions\.\d+\.timestamp$/, { access: 'rw', check: (v) => ok(TIMESTAMP.test(v), '406') }],
  [/^cmi\.interactions\.\d+\.weighting$/, { access: 'rw', check: anyReal }],
  [/^cmi\.interactions\.\d+\.description$/, { access: 'rw', check: maxLength(250, '406') }],
  [/^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/, { access: 'rw', check: (v, type) => response2004(v, type, true) }],
  [/^cmi\.interactions\.\d+\.learner_response$/, { access: 'rw', check: (v, type) => response2004(v, type, false) }],
  [/^cmi\.interactions\.\d+\.result$/, { access: 'rw', check: (v) => ok(['correct', 'incorrect', 'unanticipated', 'neutral'].includes(v) || REAL.test(v), '406') }],
  [/^cmi\.interactions\.\d+\.latency$/, { access: 'rw', check: (v) => ok(isoDuration(v), '406') }],
];

export function ruleFor(version: LmsVersion, element: string): Rule | undefined {
  return (version === '1.2' ? RULES_12 : RULES_2004).find(([pattern]) => pattern.test(element))?.[1];
}
