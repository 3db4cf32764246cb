import { describe, expect, it } from 'vitest';
import { scormFindings, type ApiCall } from '../../../scripts/verify/scorm-findings.js';

const c = (name: string, args: string[] = [], error = '0'): ApiCall => ({ name, args, result: 'true', error });

describe('SCORM call-log findings', () => {
  it('a clean 1.2 session has none', () => {
    const log = [c('LMSInitialize', ['']), c('LMSSetValue', ['cmi.core.lesson_status', 'passed']), c('LMSCommit', ['']), c('LMSFinish', [''])];
    expect(scormFindings('1.2', log)).toEqual([]);
  });

  it('names calls before Initialize and after Terminate, and a missing Terminate', () => {
    expect(scormFindings('2004', [c('GetValue', ['cmi.location']), c('Initialize', [''])])).toEqual([
      'GetValue("cmi.location") was called before Initialize: the LMS ignores it.',
      'The course never called Terminate: the LMS may lose the session or keep it open.',
    ]);
    expect(scormFindings('2004', [c('Initialize', ['']), c('Terminate', ['']), c('Commit', [''])])).toEqual([
      'Commit("") was called after Terminate: the LMS ignores it.',
    ]);
    expect(scormFindings('1.2', [])).toEqual(['The course never called LMSInitialize: the LMS records nothing.']);
  });

  it('names values outside the vocabulary or format, read-only elements, and refused calls', () => {
    const log = [
      c('Initialize', ['']),
      c('SetValue', ['cmi.success_status', 'passed-ish'], '406'),
      c('SetValue', ['cmi.session_time', '00:00:10'], '406'),
      c('SetValue', ['cmi.learner_name', 'X'], '404'),
      c('SetValue', ['cmi.interactions.0.type', 'choice']),
      c('SetValue', ['cmi.interactions.0.learner_response', 'a[,]a']),
      c('GetValue', ['cmi.scaled_passing_score'], '403'),
      c('GetValue', ['cmi.location'], '301'),
      c('Terminate', ['']),
    ];
    expect(scormFindings('2004', log)).toEqual([
      'SetValue("cmi.success_status", "passed-ish"): "passed-ish" is not an allowed value for cmi.success_status (SCORM error 406).',
      'SetValue("cmi.session_time", "00:00:10"): "00:00:10" is not an allowed value for cmi.session_time (SCORM error 406).',
      'SetValue("cmi.learner_name", "X"): cmi.learner_name is read-only.',
      'SetValue("cmi.interactions.0.learner_response", "a[,]a"): "a[,]a" is not an allowed value for cmi.interactions.0.learner_response (SCORM error 406).',
      'GetValue("cmi.location") was refused by the LMS with error 301.',
    ]);
  });
});
