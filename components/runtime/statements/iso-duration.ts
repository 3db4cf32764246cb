/**
 * Durations as ISO 8601 (xAPI Data 4.6), e.g. `PT3.25S`, `PT1H2M3.5S`. Rounded to 0.01 s: the
 * precision xAPI requires LRSs to keep and the SCORM 2004 timeinterval type (RTE 4.1.1.7) allows, so
 * the same text works in both.
 */
export function isoDuration(ms: number): string {
  const cs = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = (cs % 6000) / 100;
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (seconds > 0 || out === 'PT') out += `${seconds}S`;
  return out;
}
