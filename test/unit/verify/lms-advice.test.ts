import { describe, expect, it } from 'vitest';
import type { Scorm12StatusMode } from '../../../components/course-data.js';
import { lmsAdvice, parseLmsNames, type PackageFacts } from '../../../scripts/verify/lms-advice.js';

const facts = (change: Partial<PackageFacts> = {}): PackageFacts => ({
  kind: 'scorm12',
  scored: true,
  scorm12Status: 'completed-incomplete',
  size: 70_000,
  setByContent: true,
  gradeReported: true,
  aus: 0,
  ...change,
});
const moodle = (change: Partial<PackageFacts>): string => lmsAdvice(facts(change), ['moodle'])[0]?.lines.join('\n') ?? '';

describe('per-LMS advice', () => {
  it.each([
    ['completed-incomplete', '"Completed"'],
    ['completed-failed', '"Completed"'],
    ['passed-incomplete', '"Passed"'],
    ['passed-failed', '"Passed"'],
  ] as const)('Moodle: %s needs "Require status" %s', (mode: Scorm12StatusMode, tick) => {
    expect(moodle({ scorm12Status: mode })).toContain(`tick ${tick}`);
  });

  it('Moodle: the mastery override matters only in passed-failed; a course without questions needs "Completed"; a big zip is named', () => {
    expect(moodle({ scorm12Status: 'passed-failed' })).toContain('can stay on');
    expect(moodle({ scorm12Status: 'completed-failed' })).toContain('carries no mastery score');
    expect(moodle({ scored: false, scorm12Status: 'passed-failed' })).toContain('tick "Completed"');
    expect(moodle({ size: 3 * 1024 * 1024 })).toContain('over stock Moodle\'s 2 MiB upload limit');
    expect(moodle({ kind: 'cmi5', aus: 3 })).toContain('3 AUs');
  });

  it('Brightspace, Sakai and SuccessFactors follow what the run and the manifest show', () => {
    const lines = (lms: 'brightspace' | 'sakai' | 'successfactors', change: Partial<PackageFacts>) => lmsAdvice(facts(change), [lms])[0]?.lines.join('\n') ?? '';
    expect(lines('brightspace', { gradeReported: false })).toContain('no grade will be recorded');
    expect(lines('brightspace', { scorm12Status: 'completed-failed' })).toContain('reported as "failed"');
    expect(lines('sakai', { kind: 'scorm2004', scored: false })).toContain('keep it out of the gradebook');
    expect(lines('successfactors', { kind: 'scorm2004', setByContent: false })).toContain('complete as soon as they leave');
  });

  it('--lms takes a comma-separated list and names a mistake', () => {
    expect(parseLmsNames(undefined)).toHaveLength(6);
    expect(parseLmsNames('Moodle, canvas')).toEqual(['moodle', 'canvas']);
    expect(parseLmsNames('moodel')).toMatch(/not "moodel"/);
  });
});
