import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDuration, toCmiTime, toCmiTimespan, toDecimal, toIdentifier, toIsoDuration, toScormTimestamp, truncate } from '../../../../components/runtime/scorm/formats.js';
import { CMI_DECIMAL, CMI_TIME, CMI_TIMESPAN, IDENTIFIER, ISO_DURATION, TIMESTAMP } from './strict-lms-rules.js';

describe('SCORM value formats', () => {
  it('time spans are valid CMITimespan and ISO durations for any length', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (ms) => {
        expect(toCmiTimespan(ms)).toMatch(CMI_TIMESPAN);
        const iso = toIsoDuration(ms);
        expect(iso).toMatch(ISO_DURATION);
        expect(Math.abs((parseIsoDuration(iso) ?? -1) - Math.round(ms / 10) * 10)).toBeLessThanOrEqual(1);
      }),
    );
    expect(toCmiTimespan(3_723_450)).toBe('0001:02:03.45');
    expect(toIsoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(toIsoDuration(0)).toBe('PT0S');
    expect(toCmiTimespan(1e15)).toBe('9999:59:59.99');
  });

  it('decimals never use exponent notation', () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        expect(toDecimal(n)).toMatch(CMI_DECIMAL);
      }));
    expect(toDecimal(1e-7)).toBe('0.0000001');
    expect(toDecimal(62.5, 2)).toBe('62.5');
    expect(toDecimal(-0)).toBe('0');
  });

  it('identifiers, times and timestamps follow the strict grammars', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (id) => {
        expect(toIdentifier(id)).toMatch(IDENTIFIER);
      }));
    expect(toIdentifier('q 1/é')).toBe('q_1__');
    expect(toCmiTime('2026-11-23T09:30:05.678Z')).toMatch(CMI_TIME);
    expect(toScormTimestamp('2026-11-23T09:30:05.678Z')).toBe('2026-11-23T09:30:05.67Z');
    expect(toScormTimestamp('not a date')).toMatch(TIMESTAMP);
    expect(parseIsoDuration('P1DT1H')).toBe(90_000_000);
    expect(parseIsoDuration('PT')).toBeUndefined();
    expect(truncate('ab\u{1F600}', 3)).toBe('ab');
  });
});
