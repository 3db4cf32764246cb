import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playCourse, readingCourse, WRONG } from './fixtures.js';
import { el, launch, realErrors, VERSIONS } from './harness.js';
import { CMI_TIMESPAN, ISO_DURATION } from './strict-lms-rules.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 9, 30) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(VERSIONS)('SCORM %s: a whole session', (version) => {
  const e = el(version);

  it('plays the sample course with 0 non-zero error codes, one Initialize and one Terminate', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter);
    await vi.advanceTimersByTimeAsync(3000);
    session.leave();
    expect(realErrors(lms)).toEqual([]);
    expect(lms.calls(e.init)).toHaveLength(1);
    expect(lms.calls(e.finish)).toHaveLength(1);
    expect(lms.log.at(-1)?.method).toBe(e.finish);
    const final = lms.commits.at(-1);
    expect(final?.get(e.raw)).toBe('100');
    expect(final?.get(e.status)).toBe('passed');
    expect(final?.get(e.location)).toBe('order');
    // 7 answers + 2 reflections (one shared, one private) + a video played to its end, one interaction record each
    expect([...(final?.keys() ?? [])].filter((key) => /^cmi\.interactions\.\d+\.id$/.test(key))).toHaveLength(10);
    expect(final?.get(e.exit)).toBe(version === '1.2' ? '' : 'normal');
    expect(final?.get(e.sessionTime)).toMatch(version === '1.2' ? CMI_TIMESPAN : ISO_DURATION);
    expect(adapter.saving).toBe(true);
    if (version === '2004') {
      expect(final?.get('cmi.completion_status')).toBe('completed');
      expect(final?.get('cmi.score.scaled')).toBe('1');
      expect(final?.get('cmi.progress_measure')).toBe('1');
    }
  });

  it('writes every interaction type in the version formats, wrong answers included', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { responses: WRONG });
    session.leave();
    expect(realErrors(lms)).toEqual([]);
    const v = lms.commits.at(-1) ?? new Map<string, string>();
    const byId = (id: string): string => [...v].find(([key, value]) => key.endsWith('.id') && value === id)?.[0].slice(0, -3) ?? '';
    const response = version === '1.2' ? 'student_response' : 'learner_response';
    const expected12: Record<string, [string, string]> = {
      'q-single': ['a', 'b'],
      'q-multi': ['b', 'a,c'],
      'q-tf': ['f', 't'],
      'q-num': ['0.0000001', '3'],
      'q-match': ['1.c,2.a', '1.a,2.b'],
      'q-seq': ['c,b,a', 'a,b,c'],
    };
    // 2004 names options by their text, so a report is readable without the answer key.
    const expected2004: Record<string, [string, string]> = {
      'q-single': ['one', 'two'],
      'q-multi': ['b', 'a[,]c'],
      'q-tf': ['false', 'true'],
      'q-num': ['0.0000001', '2.9[:]3.1'],
      'q-match': ['dog[.]moo[,]cat[.]bark', 'dog[.]bark[,]cat[.]meow'],
      'q-seq': ['third[,]second[,]first', 'first[,]second[,]third'],
    };
    for (const [id, [learner, pattern]] of Object.entries(version === '1.2' ? expected12 : expected2004)) {
      const base = byId(id);
      expect(v.get(`${base}.${response}`), id).toBe(learner);
      expect(v.get(`${base}.correct_responses.0.pattern`), id).toBe(pattern);
      expect(v.get(`${base}.result`), id).toBe(version === '1.2' ? 'wrong' : 'incorrect');
    }
    const fill = byId('q-fill');
    expect(v.get(`${fill}.${response}`)).toHaveLength(version === '1.2' ? 255 : 250);
    expect(v.get(`${fill}.correct_responses.1.pattern`)).toBe(version === '1.2' ? 'Lutetia' : '{case_matters=true}Lutetia');
    const reflection = byId('reflect');
    expect(v.get(`${reflection}.type`)).toBe(version === '1.2' ? 'fill-in' : 'long-fill-in');
    // A shared reflection is cut to what the LMS keeps and resume restores.
    expect(v.get(`${reflection}.${response}`)?.length).toBe(version === '1.2' ? 255 : 500);
    expect(v.get(`${reflection}.result`)).toBe('neutral');
    // A private one: the LMS learns that it was done, and nothing of what was written.
    const note = byId('private-note');
    expect(v.get(`${note}.type`)).toBe(version === '1.2' ? 'fill-in' : 'long-fill-in');
    expect(v.get(`${note}.result`)).toBe('neutral');
    expect(v.has(`${note}.${response}`)).toBe(false);
    // A video played to its end: a record with no response, saying what was done (2004 keeps descriptions).
    const talk = byId('talk');
    expect(v.get(`${talk}.result`)).toBe('neutral');
    expect(v.has(`${talk}.${response}`)).toBe(false);
    if (version === '2004') expect(v.get(`${talk}.description`)).toBe('Played to the end: A short talk');
    const written = lms.log.flatMap((call) => call.args).join('\n');
    expect(written).not.toContain('Secret');
    expect(v.get(e.status)).toBe('failed');
    expect(v.get(e.raw)).toBe('0');
  });

  it('journals each submission as a new record after the ones the LMS already has', async () => {
    const { lms, adapter, course } = launch(version, { initial: { 'cmi.interactions._count': '3' } });
    const session = await playCourse(course, adapter, { stopAfterPage: 1 });
    const question = course.questions[0];
    if (question !== undefined) session.questionAnswered(question, { type: 'single-choice', choice: 'c' }, 10);
    session.leave();
    expect(realErrors(lms)).toEqual([]);
    const ids = [...(lms.commits.at(-1) ?? [])].filter(([key]) => key.endsWith('.id')).map(([key, value]) => [key, value]);
    expect(ids).toEqual([
      ['cmi.interactions.3.id', 'q-single'],
      ['cmi.interactions.4.id', 'q-multi'],
      ['cmi.interactions.5.id', 'q-tf'],
      ['cmi.interactions.6.id', 'q-single'],
    ]);
  });

  it('R5: the first Commit after Initialize already has exit=suspend and an incomplete status', async () => {
    const { lms, adapter } = launch(version);
    await adapter.resume();
    adapter.record({ kind: 'launched', resumed: false }, { location: 0, visited: [], answers: {}, activities: {}, completed: false });
    const first = lms.commits[0];
    expect(lms.calls(e.commit)).toHaveLength(1);
    expect(first?.get(e.exit)).toBe('suspend');
    expect(first?.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe('incomplete');
    expect(first?.get('cmi.suspend_data')).toMatch(/^[\x20-\x7e]+$/);
  });

  it('Moodle mastery override: no score reaches the LMS before every question is answered', async () => {
    const { lms, adapter, course } = launch(version, { initial: version === '1.2' ? { 'cmi.student_data.mastery_score': '80' } : {} });
    const session = await playCourse(course, adapter, { stopAfterPage: 2 });
    await vi.advanceTimersByTimeAsync(3000);
    session.leave();
    expect(lms.calls(e.set).filter((call) => call.args[0]?.includes('score'))).toEqual([]);
    expect(lms.commits.at(-1)?.get(e.exit)).toBe('suspend');
    expect(lms.commits.at(-1)?.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe('incomplete');
  });

  it('a course without questions completes without a score', async () => {
    const { lms, adapter, course } = launch(version, { course: readingCourse() });
    const session = await playCourse(course, adapter);
    session.leave();
    const v = lms.commits.at(-1);
    expect(v?.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe('completed');
    expect(v?.has(e.raw)).toBe(false);
    expect(realErrors(lms)).toEqual([]);
  });

  it('an empty multiple-response answer is recorded without an invalid response', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { responses: { 'q-multi': { type: 'multiple-response', choices: [] } } });
    session.leave();
    expect(realErrors(lms)).toEqual([]);
    expect(lms.commits.at(-1)?.get('cmi.interactions.0.id')).toBe('q-multi');
  });

  it('a throwing LMS API never breaks the course', async () => {
    const { lms, win, adapter, course } = launch(version);
    const api = lms.api();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    win[version === '1.2' ? 'API' : 'API_1484_11'] = {
      ...api,
      [e.set]: () => {
        throw new Error('LMS bug');
      },
    };
    const session = await playCourse(course, adapter);
    expect(() => session.leave()).not.toThrow();
    expect(lms.calls(e.finish)).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('R16: the data model at Terminate stays far below the 64 KiB beacon quota', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter);
    session.leave();
    const size = [...(lms.commits.at(-1) ?? [])].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
    expect(size).toBeLessThan(60 * 1024);
  });

  it('R4: commits within 2 s of an event and never more than once per 2 s', async () => {
    const { lms, adapter, course } = launch(version);
    const session = await playCourse(course, adapter, { stopAfterPage: 0 });
    for (let i = 0; i < 20; i += 1) {
      const p = course.pages[i % course.pages.length];
      if (p !== undefined) session.viewPage(p);
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(2000);
    const commits = lms.calls(e.commit);
    const count = commits.length;
    expect(commits.slice(1).every((call, i) => call.at - (commits[i]?.at ?? 0) >= 2000)).toBe(true);
    // 1 at launch, then at most one per 2 s over 6 s of rapid navigation (plus the trailing one)
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(1 + Math.ceil(6000 / 2000) + 1);
  });
});
