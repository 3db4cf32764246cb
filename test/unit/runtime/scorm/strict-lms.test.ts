import { describe, expect, it } from 'vitest';
import { StrictLms } from './strict-lms.js';

/** The fake LMS is the oracle of every other test: it must refuse what the standards refuse. */
describe('strict fake LMS, SCORM 1.2', () => {
  const open = () => {
    const lms = new StrictLms('1.2');
    const api = lms.api();
    const call = (method: string, ...args: string[]): [string, string] => [api[method]?.(...args) ?? '', api['LMSGetLastError']?.() ?? ''];
    return { lms, call };
  };

  it('enforces the session state machine: 301 before LMSInitialize, 101 after LMSFinish and on a second Initialize', () => {
    const { lms, call } = open();
    expect(call('LMSSetValue', 'cmi.core.lesson_location', 'x')).toEqual(['false', '301']);
    expect(call('LMSCommit', '')).toEqual(['false', '301']);
    expect(call('LMSInitialize', '')).toEqual(['true', '0']);
    expect(call('LMSInitialize', '')).toEqual(['false', '101']);
    expect(call('LMSFinish', '')).toEqual(['true', '0']);
    expect(call('LMSGetValue', 'cmi.core.entry')).toEqual(['', '101']);
    expect(call('LMSFinish', '')).toEqual(['false', '101']);
    expect(lms.errors()).toHaveLength(5);
  });

  it.each([
    ['cmi.core.entry', 'resume', '403'],
    ['cmi.student_data.mastery_score', '80', '403'],
    ['cmi.interactions._count', '1', '402'],
    ['cmi.core.lesson_status', 'not attempted', '405'],
    ['cmi.core.lesson_status', 'done', '405'],
    ['cmi.core.exit', 'normal', '405'],
    ['cmi.core.session_time', 'PT1S', '405'],
    ['cmi.core.session_time', '1:00:00', '405'],
    ['cmi.core.score.raw', '101', '405'],
    ['cmi.core.score.raw', '1e2', '405'],
    ['cmi.core.lesson_location', 'x'.repeat(256), '405'],
    ['cmi.suspend_data', 'x'.repeat(4097), '405'],
    ['cmi.interactions.1.id', 'q1', '201'],
    ['cmi.interactions.0.type', 'choice', '201'],
    ['cmi.interactions.0.id', 'has space', '405'],
    ['cmi.core.unknown', 'x', '201'],
  ])('SetValue(%s, %s) -> %s', (element, value, code) => {
    const { call } = open();
    call('LMSInitialize', '');
    expect(call('LMSSetValue', element, value)).toEqual(['false', code]);
  });

  it('checks interaction values against the type and the 1.2 formats', () => {
    const { call } = open();
    call('LMSInitialize', '');
    expect(call('LMSSetValue', 'cmi.interactions.0.id', 'q1')[1]).toBe('0');
    expect(call('LMSSetValue', 'cmi.interactions.0.student_response', 'a')[1]).toBe('201'); // no type yet
    expect(call('LMSSetValue', 'cmi.interactions.0.type', 'choice')[1]).toBe('0');
    expect(call('LMSSetValue', 'cmi.interactions.0.student_response', 'a[,]b')[1]).toBe('405');
    expect(call('LMSSetValue', 'cmi.interactions.0.student_response', 'ab')[1]).toBe('405');
    expect(call('LMSSetValue', 'cmi.interactions.0.result', 'incorrect')[1]).toBe('405');
    expect(call('LMSSetValue', 'cmi.interactions.0.latency', 'PT3S')[1]).toBe('405');
    expect(call('LMSSetValue', 'cmi.interactions.0.correct_responses.1.pattern', 'a')[1]).toBe('201');
    expect(call('LMSGetValue', 'cmi.interactions.0.id')[1]).toBe('404');
    expect(call('LMSGetValue', 'cmi.core.exit')[1]).toBe('404');
    expect(call('LMSGetValue', 'cmi.interactions._count')).toEqual(['1', '0']);
  });

  it('refuses commits when told to', () => {
    const lms = new StrictLms('1.2', { refuseCommits: 2 });
    const api = lms.api();
    api['LMSInitialize']?.('');
    expect([api['LMSCommit']?.(''), api['LMSCommit']?.(''), api['LMSCommit']?.('')]).toEqual(['false', 'false', 'true']);
    expect(lms.commits).toHaveLength(1);
  });
});

describe('strict fake LMS, SCORM 2004', () => {
  const open = () => {
    const lms = new StrictLms('2004');
    const api = lms.api();
    const call = (method: string, ...args: string[]): [string, string] => [api[method]?.(...args) ?? '', api['GetLastError']?.() ?? ''];
    return { lms, call };
  };

  it('enforces the session state machine with the 2004 codes', () => {
    const { call } = open();
    expect(call('GetValue', 'cmi.entry')[1]).toBe('122');
    expect(call('SetValue', 'cmi.location', 'x')[1]).toBe('132');
    expect(call('Commit', '')[1]).toBe('142');
    expect(call('Terminate', '')[1]).toBe('112');
    expect(call('Initialize', '')[1]).toBe('0');
    expect(call('Initialize', '')[1]).toBe('103');
    expect(call('Terminate', '')[1]).toBe('0');
    expect(call('GetValue', 'cmi.entry')[1]).toBe('123');
    expect(call('SetValue', 'cmi.location', 'x')[1]).toBe('133');
    expect(call('Commit', '')[1]).toBe('143');
    expect(call('Terminate', '')[1]).toBe('113');
  });

  it.each([
    ['cmi.entry', 'resume', '404'],
    ['cmi.scaled_passing_score', '0.5', '404'],
    ['cmi.completion_status', 'done', '406'],
    ['cmi.success_status', 'completed', '406'],
    ['cmi.score.scaled', '1.5', '407'],
    ['cmi.progress_measure', '-0.1', '407'],
    ['cmi.score.raw', '1e2', '406'],
    ['cmi.session_time', '0000:00:01.00', '406'],
    ['cmi.session_time', 'PT1.234S', '406'],
    ['cmi.session_time', 'PT', '406'],
    ['cmi.exit', 'finished', '406'],
    ['cmi.suspend_data', 'x'.repeat(64001), '406'],
    ['cmi.location', 'x'.repeat(1001), '406'],
    ['cmi.interactions.0.type', 'choice', '408'],
    ['cmi.interactions.1.id', 'q1', '351'],
    ['cmi.nonsense', 'x', '401'],
  ])('SetValue(%s, %s) -> %s', (element, value, code) => {
    const { call } = open();
    call('Initialize', '');
    expect(call('SetValue', element, value)).toEqual(['false', code]);
  });

  it('checks interaction values against the type and the 2004 formats', () => {
    const { call } = open();
    call('Initialize', '');
    call('SetValue', 'cmi.interactions.0.id', 'q1');
    expect(call('SetValue', 'cmi.interactions.0.learner_response', 'true')[1]).toBe('408');
    expect(call('SetValue', 'cmi.interactions.0.type', 'numeric')[1]).toBe('0');
    expect(call('SetValue', 'cmi.interactions.0.learner_response', '1e-7')[1]).toBe('406');
    expect(call('SetValue', 'cmi.interactions.0.correct_responses.0.pattern', '3')[1]).toBe('406');
    expect(call('SetValue', 'cmi.interactions.0.correct_responses.0.pattern', '3.1[:]2.9')[1]).toBe('406');
    expect(call('SetValue', 'cmi.interactions.0.correct_responses.0.pattern', '2.9[:]3.1')[1]).toBe('0');
    expect(call('SetValue', 'cmi.interactions.0.correct_responses.1.pattern', '1[:]2')[1]).toBe('351');
    expect(call('SetValue', 'cmi.interactions.0.timestamp', '2026-11-23T09:30:00.123Z')[1]).toBe('406');
    expect(call('SetValue', 'cmi.interactions.0.result', 'wrong')[1]).toBe('406');
    expect(call('SetValue', 'cmi.interactions.0.description', 'x'.repeat(251))[1]).toBe('406');
    expect(call('SetValue', 'cmi.interactions.1.id', 'q2')[1]).toBe('0');
    expect(call('SetValue', 'cmi.interactions.1.type', 'choice')[1]).toBe('0');
    expect(call('SetValue', 'cmi.interactions.1.learner_response', 'a[,]a')[1]).toBe('406');
    expect(call('GetValue', 'cmi.session_time')[1]).toBe('405');
    expect(call('GetValue', 'cmi.location')[1]).toBe('403');
  });
});
