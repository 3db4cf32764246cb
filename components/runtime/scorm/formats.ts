/**
 * SCORM data-model value formats: time spans, timestamps, decimals and identifiers, for both
 * versions. Pure functions; every output is checked against the spec's grammar in the tests.
 */

/** Identifier characters every LMS accepts (standards.md R14: `^[A-Za-z0-9_-]{1,255}$`). */
export function toIdentifier(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 255);
  return safe === '' ? 'id' : safe;
}

/**
 * A decimal without exponent and with at most `digits` fraction digits: CMIDecimal (SCORM 1.2
 * RTE 3.4.2) and real(10,7) (SCORM 2004 RTE 4.1.1) have no `1e-7` notation.
 */
export function toDecimal(value: number, digits = 7): string {
  if (!Number.isFinite(value)) return '0';
  const fixed = value.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

interface Parts {
  readonly hours: number;
  readonly minutes: number;
  /** Seconds with two decimals, as hundredths. */
  readonly centis: number;
}

function split(ms: number): Parts {
  const totalCentis = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.floor(totalCentis / 360_000);
  const minutes = Math.floor((totalCentis % 360_000) / 6000);
  return { hours, minutes, centis: totalCentis % 6000 };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (RTE 3.4.2: hours 2 to 4 digits); capped at 9999 hours. */
export function toCmiTimespan(ms: number): string {
  const { hours, minutes, centis } = split(Math.min(ms, 9999 * 3_600_000 + 3_599_990));
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(Math.floor(centis / 100), 2)}.${pad(centis % 100, 2)}`;
}

/** SCORM 2004 timeinterval (second,10,2): ISO 8601 duration with at most 2 decimals (RTE 4.1.1.3). */
export function toIsoDuration(ms: number): string {
  const { hours, minutes, centis } = split(ms);
  const seconds = toDecimal(centis / 100, 2);
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (centis > 0 || out === 'PT') out += `${seconds}S`;
  return out;
}

/** Milliseconds of an xAPI duration (`P1DT2H3M4.5S`, xAPI Data 4.6), or undefined. */
export function parseIsoDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return undefined;
  const [, days, hours, minutes, seconds] = match;
  const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  return Math.round(((num(days) * 24 + num(hours)) * 60 + num(minutes)) * 60_000 + num(seconds) * 1000);
}

/** SCORM 1.2 CMITime `HH:MM:SS` (time of day, RTE 3.4.2), in UTC like the statement timestamp. */
export function toCmiTime(iso: string): string {
  const date = new Date(iso);
  const valid = Number.isNaN(date.getTime()) ? new Date(0) : date;
  return `${pad(valid.getUTCHours(), 2)}:${pad(valid.getUTCMinutes(), 2)}:${pad(valid.getUTCSeconds(), 2)}`;
}

/** SCORM 2004 time(second,10,2) `YYYY-MM-DDThh:mm:ss.ssZ` (RTE 4.1.1.2): at most 2 fraction digits. */
export function toScormTimestamp(iso: string): string {
  const date = new Date(iso);
  const valid = Number.isNaN(date.getTime()) ? new Date(0) : date;
  const full = valid.toISOString();
  return `${full.slice(0, 19)}.${pad(Math.floor(valid.getUTCMilliseconds() / 10), 2)}Z`;
}

/** Cuts text to `max` UTF-16 units without leaving half of a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
