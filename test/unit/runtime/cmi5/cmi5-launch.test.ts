// cmi5 launch parameters, LaunchData parsing and moveOn (cmi5 8.1, 10.2.1, 13.1.4).
import { describe, expect, it } from 'vitest';
import { parseCmi5Launch } from '../../../../components/runtime/cmi5/cmi5-launch.js';
import { moveOnSatisfied, parseLaunchData, type MoveOn } from '../../../../components/runtime/cmi5/launch-data.js';

const actor = JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'a' } });

describe('cmi5 launch parameters', () => {
  it('reads all five, in any order, URL-decoded', () => {
    const search = `?activityId=${encodeURIComponent('https://x.example/au?a=1')}&registration=r&actor=${encodeURIComponent(actor)}&fetch=${encodeURIComponent('https://lms.example/fetch?x=1')}&endpoint=${encodeURIComponent('https://lrs.example/xapi/')}`;
    expect(parseCmi5Launch(search)).toMatchObject({ ok: true, launch: { activityId: 'https://x.example/au?a=1', registration: 'r', fetch: 'https://lms.example/fetch?x=1' } });
  });

  it('names each missing or unusable parameter', () => {
    expect(parseCmi5Launch(`?endpoint=nope&actor=${encodeURIComponent('{"name":"x"}')}`)).toEqual({
      ok: false,
      missing: ['endpoint', 'fetch', 'actor', 'registration', 'activityId'],
    });
  });
});

describe('LaunchData', () => {
  it('needs a contextTemplate and ignores unknown values', () => {
    expect(parseLaunchData({ launchMode: 'Normal' })).toBeUndefined();
    expect(parseLaunchData({ contextTemplate: {}, launchMode: 'Sideways', moveOn: 'Whenever', masteryScore: 2 })).toEqual({ contextTemplate: {}, launchMode: 'Normal' });
    expect(parseLaunchData({ contextTemplate: {}, launchMode: 'Review', moveOn: 'Passed', masteryScore: 0.8, returnURL: 'https://lms.example/' })).toEqual({
      contextTemplate: {},
      launchMode: 'Review',
      moveOn: 'Passed',
      masteryScore: 0.8,
      returnURL: 'https://lms.example/',
    });
  });

  it.each([
    ['NotApplicable', [true, true, true, true]],
    ['Completed', [false, false, true, true]],
    ['Passed', [false, true, false, true]],
    ['CompletedAndPassed', [false, false, false, true]],
    ['CompletedOrPassed', [false, true, true, true]],
  ] as const)('moveOn %s', (moveOn: MoveOn, expected) => {
    const cases = [
      { completed: false, passed: false },
      { completed: false, passed: true },
      { completed: true, passed: false },
      { completed: true, passed: true },
    ];
    expect(cases.map((done) => moveOnSatisfied(moveOn, done))).toEqual(expected);
  });
});
