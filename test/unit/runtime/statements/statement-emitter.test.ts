import type { Context, Statement } from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import { createStatementEmitter, type StatementEmitterOptions } from '../../../../components/runtime/statements/index.js';
import { ACTIVITY_TYPES, CMI5, VERBS } from '../../../../components/runtime/vocabulary.js';
import type { CourseScore, LearnerEvent } from '../../../../components/tracker.js';
import { activity, COURSE_ID, course, page, questions } from './fixtures.js';
import { statementProblems } from './xapi-shape.js';

const actor = { objectType: 'Agent' as const, name: 'Learner', account: { homePage: 'https://lms.example.org', name: 'u-42' } };
const REG = 'b8b4a3c2-6d1e-4f0a-9c3b-2e5d7f8a9b0c';
const AU = 'https://lms.example.org/au/section-2';
const T0 = Date.parse('2026-11-23T10:00:00.000Z');

function setup(extra: Partial<StatementEmitterOptions> = {}) {
  let clock = T0;
  let n = 0;
  const emitter = createStatementEmitter({ course, actor, rootId: COURSE_ID, registration: REG, now: () => clock, uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, ...extra });
  return {
    emit(event: LearnerEvent, atMs = 0): Statement {
      clock = T0 + atMs;
      const s = emitter.statementFor(event);
      if (!s) throw new Error(`no statement for ${event.kind}`);
      expect(statementProblems(s)).toEqual([]);
      return s;
    },
    emitter,
  };
}

const score = (over: Partial<CourseScore> = {}): CourseScore => ({ scaled: 0.75, raw: 6, max: 8, final: true, passed: false, ...over });

describe('statement emitter', () => {
  it('launched -> initialized on the root, with id, timestamp, actor, registration and no parent', () => {
    const s = setup().emit({ kind: 'launched', resumed: false });
    expect(s).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      actor,
      verb: { id: VERBS.initialized, display: { 'en-US': 'initialized' } },
      object: { objectType: 'Activity', id: COURSE_ID },
      timestamp: '2026-11-23T10:00:00.000Z',
      context: { registration: REG },
    });
  });

  it('resumed and suspended: plain statements on the root', () => {
    const { emit } = setup();
    for (const [event, verb] of [[{ kind: 'resumed', location: 3 }, VERBS.resumed], [{ kind: 'suspended' }, VERBS.suspended]] as const) {
      const s = emit(event);
      expect(s.verb.id).toBe(verb);
      expect(s.object).toEqual({ objectType: 'Activity', id: COURSE_ID });
      expect(s.result).toBeUndefined();
    }
  });

  it('page-viewed -> experienced the page as a lesson, parent = root', () => {
    const s = setup().emit({ kind: 'page-viewed', page, progress: 0.2 });
    expect(s.verb.id).toBe(VERBS.experienced);
    expect(s.object).toEqual({ objectType: 'Activity', id: page.iri, definition: { type: ACTIVITY_TYPES.lesson, name: { 'en-GB': 'Introduction' } } });
    expect(s.context).toEqual({ registration: REG, contextActivities: { parent: [{ id: COURSE_ID }] } });
  });

  it('question-answered -> answered with the interaction definition and a scored result', () => {
    const { emit } = setup();
    const right = emit({ kind: 'question-answered', question: questions.single, answer: { response: { type: 'single-choice', choice: 'b' }, correct: true, attempt: 1, at: '' }, latencyMs: 3250 });
    expect(right.verb.id).toBe(VERBS.answered);
    expect(right.object).toMatchObject({ objectType: 'Activity', id: questions.single.iri, definition: { type: ACTIVITY_TYPES.interaction, interactionType: 'choice', correctResponsesPattern: ['b'], name: { 'en-GB': 'Prompt single' }, description: { 'en-GB': 'Prompt single' } } });
    expect(right.result).toEqual({ response: 'b', success: true, score: { scaled: 1, raw: 2, min: 0, max: 2 }, duration: 'PT3.25S' });
    expect(right.context?.contextActivities?.parent).toEqual([{ id: COURSE_ID }]);
    const wrong = emit({ kind: 'question-answered', question: questions.single, answer: { response: { type: 'single-choice', choice: 'a' }, correct: false, attempt: 2, at: '' }, latencyMs: 61_000 });
    expect(wrong.result).toEqual({ response: 'a', success: false, score: { scaled: 0, raw: 0, min: 0, max: 2 }, duration: 'PT1M1S' });
  });

  it('a shared activity -> answered a long-fill-in with the text', () => {
    const s = setup().emit({ kind: 'activity-submitted', activity, submission: { shared: true, text: 'Tell a teacher.' } });
    expect(s.object).toEqual({ objectType: 'Activity', id: activity.iri, definition: { type: ACTIVITY_TYPES.interaction, name: { 'en-GB': 'Your plan' }, description: { 'en-GB': 'What would you do?' }, interactionType: 'long-fill-in' } });
    expect(s.result).toEqual({ response: 'Tell a teacher.', completion: true });
    const untitled = setup().emit({ kind: 'activity-submitted', activity: { ...activity, title: '' }, submission: { shared: true, text: '' } });
    expect(untitled.object).toMatchObject({ definition: { name: { 'en-GB': 'What would you do?' } } });
  });

  it('a private activity -> answered with completion only: no response, the text is not in the statement', () => {
    const s = setup().emit({ kind: 'activity-submitted', activity: { ...activity, shared: false }, submission: { shared: false } });
    expect(s.verb.id).toBe(VERBS.answered);
    expect(s.result).toEqual({ completion: true });
  });

  it('a video or sound played to its end -> experienced the media (typed by the xAPI Video/Audio profiles) with completion, never "completed"', () => {
    const video = { ...activity, id: 'opening-talk', kind: 'video' as const, iri: `${COURSE_ID}/activities/opening-talk`, title: 'Opening talk', promptText: 'Opening talk', shared: false };
    const s = setup().emit({ kind: 'activity-submitted', activity: video, submission: { shared: false } });
    expect(s.verb.id).toBe(VERBS.experienced);
    expect(s.object).toEqual({ objectType: 'Activity', id: video.iri, definition: { type: ACTIVITY_TYPES.video, name: { 'en-GB': 'Opening talk' } } });
    expect(s.result).toEqual({ completion: true });
    const sound = setup().emit({ kind: 'activity-submitted', activity: { ...video, kind: 'audio' }, submission: { shared: false } });
    expect(sound.object).toMatchObject({ definition: { type: ACTIVITY_TYPES.audio } });
  });

  it('progressed -> progress extension in whole percent, rounded down: 100 only when done', () => {
    const { emit } = setup();
    const s = emit({ kind: 'progressed', progress: 0.426 });
    expect(s.verb.id).toBe(VERBS.progressed);
    expect(s.result).toEqual({ extensions: { [CMI5.progress]: 42 } });
    expect(emit({ kind: 'progressed', progress: 0.996 }).result?.extensions?.[CMI5.progress]).toBe(99);
    expect(emit({ kind: 'progressed', progress: 1 }).result?.extensions?.[CMI5.progress]).toBe(100);
  });

  it('scored -> passed/failed with the score and the session duration; nothing before the score is final', () => {
    const { emit, emitter } = setup();
    emit({ kind: 'launched', resumed: false }, 1000);
    expect(emitter.statementFor({ kind: 'scored', score: score({ final: false }) })).toBeUndefined();
    const failed = emit({ kind: 'scored', score: score() }, 1000 + 754_320);
    expect(failed.verb.id).toBe(VERBS.failed);
    expect(failed.result).toEqual({ success: false, score: { scaled: 0.75, raw: 6, min: 0, max: 8 }, duration: 'PT12M34.32S' });
    expect(failed.context?.extensions).toBeUndefined();
    const passed = emit({ kind: 'scored', score: score({ scaled: 1, raw: 8, passed: true }) }, 1000 + 3_600_000);
    expect(passed.verb.id).toBe(VERBS.passed);
    expect(passed.result).toMatchObject({ success: true, duration: 'PT1H' });
  });

  it('completed -> completion and duration; exited -> terminated with the whole session', () => {
    const { emit } = setup();
    emit({ kind: 'launched', resumed: true }, 0);
    expect(emit({ kind: 'completed', score: undefined }, 90_000).result).toEqual({ completion: true, duration: 'PT1M30S' });
    const end = emit({ kind: 'exited', reason: 'learner' }, 125_500);
    expect(end.verb.id).toBe(VERBS.terminated);
    expect(end.result).toEqual({ duration: 'PT2M5.5S' });
    expect(end.object).toEqual({ objectType: 'Activity', id: COURSE_ID });
  });

  it('timestamps are UTC ISO 8601 with milliseconds; ids are fresh UUIDs by default', () => {
    const emitter = createStatementEmitter({ course, actor, rootId: COURSE_ID, now: () => Date.UTC(2026, 0, 2, 3, 4, 5, 67) });
    const a = emitter.statementFor({ kind: 'suspended' });
    const b = emitter.statementFor({ kind: 'suspended' });
    expect(a?.timestamp).toBe('2026-01-02T03:04:05.067Z');
    expect(a?.id).not.toBe(b?.id);
    expect(statementProblems(a)).toEqual([]);
    expect(a?.context).toBeUndefined();
  });
});

describe('statement emitter in a cmi5 AU', () => {
  const template: Context = {
    contextActivities: { grouping: [{ id: 'https://lms.example.org/publisher/course-7' }], category: [{ id: 'https://example.org/lms-category' }] },
    extensions: { [CMI5.sessionId]: 'session-1' },
  };
  const cmi5 = () => setup({ rootId: AU, cmi5: true, contextTemplate: template, masteryScore: 0.6 });

  it('cmi5 defined verbs carry the cmi5 category, moveOn on completed/passed/failed, and the template', () => {
    const { emit } = cmi5();
    const init = emit({ kind: 'launched', resumed: false });
    expect(init.object).toEqual({ objectType: 'Activity', id: AU });
    expect(init.context).toEqual({
      registration: REG,
      contextActivities: {
        grouping: [{ id: 'https://lms.example.org/publisher/course-7' }, { id: COURSE_ID }],
        category: [{ id: 'https://example.org/lms-category' }, { id: CMI5.categoryCmi5 }],
      },
      extensions: { [CMI5.sessionId]: 'session-1' },
    });
    for (const [event, moveOn] of [[{ kind: 'completed', score: undefined }, true], [{ kind: 'scored', score: score({ passed: true }) }, true], [{ kind: 'scored', score: score() }, true], [{ kind: 'exited', reason: 'learner' }, false]] as const) {
      const ids = emit(event).context?.contextActivities?.category?.map((c) => c.id);
      expect(ids).toContain(CMI5.categoryCmi5);
      expect(ids?.includes(CMI5.categoryMoveOn)).toBe(moveOn);
    }
  });

  it('passed/failed carry the LaunchData masteryScore; without one (the LMS set none) no masteryscore extension', () => {
    const s = cmi5().emit({ kind: 'scored', score: score({ passed: true }) });
    expect(s.context?.extensions).toEqual({ [CMI5.sessionId]: 'session-1', [CMI5.masteryScore]: 0.6 });
    const without = setup({ rootId: AU, cmi5: true }).emit({ kind: 'scored', score: score() });
    expect(without.context?.extensions?.[CMI5.masteryScore]).toBeUndefined();
  });

  it('"cmi5 allowed" statements: no cmi5 category, parent = AU, grouping = course, template merged', () => {
    const { emit } = cmi5();
    const played = { kind: 'activity-submitted', activity: { ...activity, kind: 'video', shared: false }, submission: { shared: false } } as const;
    for (const event of [{ kind: 'page-viewed', page, progress: 0 }, { kind: 'resumed', location: 0 }, { kind: 'progressed', progress: 1 }, { kind: 'suspended' }, played] as const) {
      const s = emit(event);
      const ca = s.context?.contextActivities;
      expect(ca?.category).toEqual([{ id: 'https://example.org/lms-category' }]);
      expect(ca?.grouping).toEqual([{ id: 'https://lms.example.org/publisher/course-7' }, { id: COURSE_ID }]);
      if (event.kind === 'page-viewed' || event.kind === 'activity-submitted') expect(ca?.parent).toEqual([{ id: AU }]);
      else expect(ca?.parent).toBeUndefined();
      expect(s.context?.extensions?.[CMI5.sessionId]).toBe('session-1');
    }
  });

  it('the template wins over own values and is never mutated or shared', () => {
    const frozen = JSON.parse(JSON.stringify(template)) as Context;
    const { emit } = setup({ rootId: AU, contextTemplate: { ...template, registration: 'a8b4a3c2-6d1e-4f0a-9c3b-2e5d7f8a9b0c' } });
    const a = emit({ kind: 'suspended' });
    expect(a.context?.registration).toBe('a8b4a3c2-6d1e-4f0a-9c3b-2e5d7f8a9b0c');
    a.context?.contextActivities?.grouping?.push({ id: 'https://x.example/mutated' });
    expect(emit({ kind: 'suspended' }).context?.contextActivities?.grouping).toHaveLength(2);
    expect(template).toEqual(frozen);
  });

  it('without cmi5: no categories and no mastery extension', () => {
    const s = setup({ rootId: AU }).emit({ kind: 'scored', score: score({ passed: true }) });
    expect(s.context).toEqual({ registration: REG, contextActivities: { grouping: [{ id: COURSE_ID }] } });
  });
});
