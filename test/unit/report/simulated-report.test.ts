import { describe, expect, it } from 'vitest';
import { buildReport, readAll } from '../../../scripts/report/build-report.js';
import { pseudonyms } from '../../../scripts/report/pseudonyms.js';
import type { QuestionFigures, ReportData } from '../../../scripts/report/report-data.js';
import { ITEMS, moodleReport, PAGE_SECONDS, simulatedCourse, simulateLearners, statementsOf, type SimulatedLearner } from './simulated-learners.js';

// 400 simulated learners (seeded 2PL model) through the real statement emitter and SCORM data
// models. The expected figures are computed here from the simulation's own truth, with other
// formulas than the report's (the point-biserial from group means, KR-20 by its definition).
const course = simulatedCourse();
const learners = simulateLearners(course, 400, 20250303, 0.1);
const report = (files: { path: string; text: string }[]): ReportData => buildReport(course, readAll(files, course), { pseudonym: pseudonyms('test') });
const fromStatements = report([{ path: 'lrs.json', text: JSON.stringify(statementsOf(course, learners)) }]);
const figures = (data: ReportData, id: string): QuestionFigures => {
  const found = data.questions.find((question) => question.id === id);
  if (!found) throw new Error(`no figures for ${id}`);
  return found;
};

const weightOf = (id: string): number => course.questions.find((question) => question.id === id)?.weight ?? 0;
const complete = learners.filter((learner) => learner.right.size === ITEMS.length);
const totalOf = (learner: SimulatedLearner): number => ITEMS.reduce((sum, item) => sum + (learner.right.get(item.id) === true ? weightOf(item.id) : 0), 0);

/** r_pb = (M1 - M0) / s * sqrt(p q), over the rest score, s dividing by n. */
function expectedPointBiserial(id: string): number {
  const rest = complete.map((learner) => totalOf(learner) - (learner.right.get(id) === true ? weightOf(id) : 0));
  const right = complete.map((learner) => learner.right.get(id) === true);
  const n = rest.length;
  const mean = rest.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(rest.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const m1 = rest.filter((_, i) => right[i]).reduce((a, b) => a + b, 0) / right.filter(Boolean).length;
  const m0 = rest.filter((_, i) => !right[i]).reduce((a, b) => a + b, 0) / right.filter((r) => !r).length;
  const p = right.filter(Boolean).length / n;
  return ((m1 - m0) / s) * Math.sqrt(p * (1 - p));
}

describe('coursemark report on simulated learners (xAPI statements)', () => {
  it('difficulty is the share of learners the model made answer rightly', () => {
    for (const item of ITEMS) {
      const answered = learners.filter((learner) => learner.right.has(item.id));
      const right = answered.filter((learner) => learner.right.get(item.id) === true).length;
      const q = figures(fromStatements, item.id);
      expect(q.learners).toBe(answered.length);
      expect(q.correct).toBe(right);
      expect(q.difficulty).toBeCloseTo(right / answered.length, 12);
      expect(q.meanScore).toBeCloseTo((right / answered.length) * weightOf(item.id), 12);
    }
  });

  it('point-biserial matches the group-means formula, and orders the items as the model does', () => {
    for (const item of ITEMS) expect(figures(fromStatements, item.id).pointBiserial).toBeCloseTo(expectedPointBiserial(item.id), 9);
    const r = (id: string): number => figures(fromStatements, id).pointBiserial ?? Number.NaN;
    // a = 0 discriminates nothing; a = 2 and 2.5 clearly.
    expect(Math.abs(r('noise'))).toBeLessThan(0.15);
    for (const id of ['good-1', 'good-2', 'good-3']) expect(r(id)).toBeGreaterThan(0.35);
    expect(figures(fromStatements, 'good-2').upperLower).toBeGreaterThan(figures(fromStatements, 'noise').upperLower ?? 1);
  });

  it('KR-20, mean and standard deviation of the learners who answered everything', () => {
    const matrix = complete.map((learner) => ITEMS.map((item): number => (learner.right.get(item.id) === true ? 1 : 0)));
    const k = ITEMS.length;
    const counts = matrix.map((row) => row.reduce((a, b) => a + b, 0));
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length;
    let pq = 0;
    for (let j = 0; j < k; j += 1) {
      const p = matrix.filter((row) => row[j] === 1).length / matrix.length;
      pq += p * (1 - p);
    }
    const a = fromStatements.assessment;
    expect(a.learners).toBe(complete.length);
    expect(a.kr20).toBeCloseTo((k / (k - 1)) * (1 - pq / variance), 9);
    const scaled = complete.map((learner) => totalOf(learner) / 8);
    const scaledMean = scaled.reduce((x, y) => x + y, 0) / scaled.length;
    expect(a.mean).toBeCloseTo(scaledMean, 12);
    expect(a.standardDeviation).toBeCloseTo(Math.sqrt(scaled.reduce((x, y) => x + (y - scaledMean) ** 2, 0) / scaled.length), 12);
    expect(a.distribution.reduce((sum, bin) => sum + bin.count, 0)).toBe(complete.length);
    expect(a.passRate).toBeCloseTo(scaled.filter((score) => score >= 0.6).length / scaled.length, 12);
  });

  it('flags what the model built in, each with its sentence', () => {
    const rules = (id: string): string[] => figures(fromStatements, id).flags.map((flag) => flag.rule);
    expect(rules('easy')).toContain('too-easy');
    expect(rules('hard')).toContain('too-hard');
    // a = 0: the correlation is noise around 0, so under 0.20 either way.
    expect(rules('noise').filter((rule) => rule === 'low-discrimination' || rule === 'negative-discrimination')).toHaveLength(1);
    expect(rules('good-2')).toEqual([]);
    // good-1's "Rare mistake" gets 1% of wrong answers; its other distractors are common.
    const rare = figures(fromStatements, 'good-1').flags.filter((flag) => flag.rule === 'rare-distractor');
    expect(rare.map((flag) => flag.target)).toEqual(['good-1/d']);
    expect(rare[0]?.message).toMatch(/"Rare mistake" was chosen by \d+% \(under 5%\)/);
    const options = figures(fromStatements, 'good-1').options;
    const wrong = learners.filter((learner) => learner.right.get('good-1') === false);
    expect(options.find((option) => option.id === 'b')?.count).toBe(wrong.filter((learner) => learner.responses.get('good-1')?.type === 'single-choice' && (learner.responses.get('good-1') as { choice: string }).choice === 'b').length);
  });

  it('page reach, drop-off and time follow the simulated journeys', () => {
    const dropped = learners.filter((learner) => learner.lastPage === 1).length;
    const [start, first, second, end] = fromStatements.pages;
    expect(start?.reached).toBe(400);
    expect(first?.reached).toBe(400);
    expect(first?.stoppedHere).toBe(dropped);
    expect(second?.reached).toBe(400 - dropped);
    expect(end?.stoppedHere).toBe(0);
    expect(start?.medianTimeMs).toBe(PAGE_SECONDS * 1000);
    expect(first?.flags).toEqual([]);
    const heavy = simulateLearners(course, 100, 99, 0.4);
    const data = report([{ path: 'lrs.json', text: JSON.stringify(statementsOf(course, heavy)) }]);
    expect(data.pages[1]?.flags.map((flag) => flag.rule)).toEqual(['high-drop-off']);
  });

  it('names learners by pseudonyms only, the same ones for the same salt', () => {
    const json = JSON.stringify(fromStatements);
    expect(json).not.toContain('@example.org');
    expect(fromStatements.learnerList).toHaveLength(400);
    expect(fromStatements.learnerList[0]?.id).toMatch(/^learner-[0-9a-f]{10}$/);
    expect(report([{ path: 'lrs.json', text: JSON.stringify(statementsOf(course, learners.slice(0, 3))) }]).learnerList.map((l) => l.id)).toEqual(
      expect.arrayContaining([fromStatements.learnerList.find((l) => l.id === pseudonyms('test')('mbox:mailto:learner0@example.org'))?.id]),
    );
  });
});

describe('coursemark report on simulated learners (Moodle Interactions report)', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: the same figures as from the statements`, () => {
      const data = report([{ path: `moodle-${version}.txt`, text: moodleReport(course, learners, version) }]);
      expect(data.inputs[0]?.format).toBe('moodle-csv');
      expect(data.learners).toBe(400);
      for (const item of ITEMS) {
        const a = figures(data, item.id);
        const b = figures(fromStatements, item.id);
        expect([a.learners, a.correct, a.unread, a.disagreements]).toEqual([b.learners, b.correct, 0, 0]);
        expect(a.pointBiserial).toBeCloseTo(b.pointBiserial ?? Number.NaN, 12);
        expect(a.options.map((option) => option.count)).toEqual(b.options.map((option) => option.count));
      }
      expect(data.assessment.kr20).toBeCloseTo(fromStatements.assessment.kr20 ?? Number.NaN, 12);
      expect(data.learnersWithPages).toBe(0);
    });
  }

  it('reads comma-separated downloads too', () => {
    const data = report([{ path: 'moodle.csv', text: moodleReport(course, learners.slice(0, 50), '2004', ',') }]);
    expect(data.learners).toBe(50);
    expect(figures(data, 'weighted').unread).toBe(0);
  });
});
