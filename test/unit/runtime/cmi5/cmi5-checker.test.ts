// The strict checker itself: each rule fires on a violating log (so a clean run means something).
import { describe, expect, it } from 'vitest';
import { checkCmi5, type StoredStatement } from './cmi5-checker.js';

const V = 'http://adlnet.gov/expapi/verbs/';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
let n = 0;

function s(verb: string, extra: { scaled?: number; session?: string; mastery?: number; id?: string; timestamp?: string; au?: string } = {}): StoredStatement {
  n += 1;
  const extensions: Record<string, unknown> = { [SESSION]: extra.session ?? 's1' };
  if (extra.mastery !== undefined) extensions[MASTERY] = extra.mastery;
  const result: NonNullable<StoredStatement['result']> = { duration: 'PT1S' };
  if (verb === 'completed') result.completion = true;
  if (verb === 'passed' || verb === 'failed') result.success = verb === 'passed';
  if (extra.scaled !== undefined) result.score = { scaled: extra.scaled };
  return {
    id: extra.id ?? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor: { account: { homePage: 'https://lms.example', name: 'l' } },
    verb: { id: V + verb },
    object: { id: extra.au ?? 'https://example.org/au' },
    timestamp: extra.timestamp ?? '2026-01-05T09:00:00.000Z',
    context: { registration: 'r1', extensions },
    result,
    stored: '2026-01-05T09:00:00.000Z',
  };
}

const prefsFirst = [
  { method: 'GET', path: '/xapi/agents/profile', query: new URLSearchParams({ profileId: 'cmi5LearnerPreferences' }) },
  { method: 'POST', path: '/xapi/statements', query: new URLSearchParams() },
];

describe('strict cmi5 checker', () => {
  it('passes a clean session', () => {
    expect(checkCmi5([s('initialized'), s('passed', { scaled: 0.8, mastery: 0.7 }), s('completed'), s('terminated')], prefsFirst)).toEqual([]);
  });

  it.each([
    ['not initialized first', [s('experienced')], '9.3.1.0-1'],
    ['after terminated', [s('initialized'), s('terminated'), s('experienced')], '9.3.0.0-5'],
    ['completed twice in a registration', [s('initialized'), s('completed'), s('terminated'), s('initialized', { session: 's2' }), s('completed', { session: 's2' })], '9.3.0.0-3'],
    ['failed after passed', [s('initialized'), s('passed', { scaled: 1, mastery: 0.5 }), s('terminated'), s('initialized', { session: 's2' }), s('failed', { session: 's2', scaled: 0, mastery: 0.5 })], '9.3.0.0-6'],
    ['passed below mastery', [s('initialized'), s('passed', { scaled: 0.4, mastery: 0.5 })], '9.3.4.0-2'],
    ['a non-UUID id', [s('initialized', { id: 'abc' })], '9.1.0.0-1'],
    ['a local timestamp', [s('initialized', { timestamp: '2026-01-05T09:00:00.000+02:00' })], '9.7.0.0-2'],
    ['initialized twice in a session', [s('initialized'), s('initialized')], '9.3.0.0-2'],
  ] as const)('finds %s', (_name, statements, requirement) => {
    expect(checkCmi5(statements, prefsFirst).join('\n')).toContain(requirement);
  });

  it('holds the once-per-registration rules per AU: two AUs of one registration each complete and pass once', () => {
    const second = { session: 's2', au: 'https://example.org/au-2' };
    const statements = [s('initialized'), s('completed'), s('terminated'), s('initialized', second), s('passed', { ...second, scaled: 1, mastery: 0.5 }), s('completed', second), s('terminated', second)];
    expect(checkCmi5(statements, prefsFirst)).toEqual([]);
  });

  it('finds statements sent before the learner preferences were read', () => {
    expect(checkCmi5([s('initialized')], [...prefsFirst].reverse())).toContain('11.0.0.0-3 statements before learner preferences');
  });
});
