/**
 * Per question and for the course's questions as one assessment: difficulty, discrimination, option
 * counts, times, score distribution and reliability (statistics.ts), from each learner's latest answers.
 */
import type { CourseData, QuestionData } from '../../components/course-data.js';
import { readerOf } from '../questions/registry.js';
import { questionFlags } from './flags.js';
import type { LearnerRecord } from './learner-records.js';
import type { AssessmentFigures, QuestionFigures } from './report-data.js';
import { cronbachAlpha, histogram, kr20, mean, median, pointBiserialRest, standardDeviation, sum, upperLowerIndex } from './statistics.js';

const orNull = (value: number | undefined): number | null => (value === undefined ? null : value);

/** Learners who answered every question with a known result, and their weighted totals, in a stable order. */
export interface CompleteGroup {
  readonly learners: readonly LearnerRecord[];
  readonly totals: readonly number[];
  /** 1 right / 0 wrong, per learner (rows) and question (columns, course order). */
  readonly correct: readonly (readonly number[])[];
}

export function completeGroup(course: CourseData, records: readonly LearnerRecord[]): CompleteGroup {
  const learners = records.filter((record) => course.questions.every((question) => record.answers.get(question.id)?.correct !== undefined));
  const correct = learners.map((record) => course.questions.map((question) => (record.answers.get(question.id)?.correct === true ? 1 : 0)));
  const totals = correct.map((row) => sum(row.map((value, j) => value * (course.questions[j]?.weight ?? 0))));
  return { learners, totals, correct };
}

const MAX_RESPONSES = 12;

function questionFigures(question: QuestionData, column: number, records: readonly LearnerRecord[], group: CompleteGroup, showText: boolean): QuestionFigures {
  const report = readerOf(question.type).report;
  const finals = records.flatMap((record) => {
    const answer = record.answers.get(question.id);
    return answer === undefined ? [] : [answer];
  });
  const judged = finals.filter((answer) => answer.correct !== undefined);
  const right = judged.filter((answer) => answer.correct === true).length;
  const difficulty = judged.length === 0 ? null : right / judged.length;
  const read = finals.flatMap((answer) => (answer.response === undefined ? [] : [answer.response]));
  const options = report.options(question).map((option) => {
    const count = read.filter((response) => report.picked(question, response).includes(option.id)).length;
    return { id: option.id, text: option.text, correct: option.correct, count, share: read.length === 0 ? null : count / read.length };
  });
  const labels = new Map<string, number>();
  for (const response of read) {
    const label = report.label(question, response);
    labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  const responses = [...labels.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, MAX_RESPONSES);
  const item = group.correct.map((row) => row[column] ?? 0);
  const pointBiserial = orNull(pointBiserialRest(item, group.totals, question.weight));
  const latencies = finals.flatMap((answer) => (answer.observation.latencyMs === undefined ? [] : [answer.observation.latencyMs]));
  return {
    id: question.id,
    pageId: question.pageId,
    type: question.type,
    prompt: question.promptText,
    weight: question.weight,
    learners: judged.length,
    correct: right,
    difficulty,
    meanScore: difficulty === null ? null : difficulty * question.weight,
    pointBiserial,
    // Groups by the rest score too: with few questions, the item's own point would sort its right answers upwards.
    upperLower: orNull(upperLowerIndex(item, group.totals.map((total, i) => total - question.weight * (item[i] ?? 0)))),
    medianTimeMs: orNull(median(latencies)),
    retried: finals.filter((answer) => answer.times > 1).length,
    unread: finals.filter((answer) => answer.response === undefined).length,
    disagreements: finals.filter((answer) => answer.response !== undefined && answer.observation.recordedCorrect !== undefined && answer.observation.recordedCorrect !== answer.correct).length,
    options,
    responses: report.freeText && !showText ? null : responses,
    distinctResponses: labels.size,
    flags: questionFlags(question.id, difficulty, pointBiserial, options, report.distractors),
  };
}

export function analyseQuestions(course: CourseData, records: readonly LearnerRecord[], group: CompleteGroup, showText: boolean): QuestionFigures[] {
  return course.questions.map((question, column) => questionFigures(question, column, records, group, showText));
}

const BINS = 10;

export function analyseAssessment(course: CourseData, group: CompleteGroup): AssessmentFigures {
  const maxPoints = sum(course.questions.map((question) => question.weight));
  const scaled = maxPoints === 0 ? [] : group.totals.map((total) => total / maxPoints);
  const scores = group.correct.map((row) => row.map((value, j) => value * (course.questions[j]?.weight ?? 0)));
  const counts = histogram(scaled, BINS);
  return {
    questions: course.questions.length,
    maxPoints,
    learners: group.learners.length,
    mean: orNull(mean(scaled)),
    standardDeviation: orNull(standardDeviation(scaled)),
    median: orNull(median(scaled)),
    min: scaled.length === 0 ? null : Math.min(...scaled),
    max: scaled.length === 0 ? null : Math.max(...scaled),
    kr20: orNull(kr20(group.correct)),
    alpha: orNull(cronbachAlpha(scores)),
    mastery: course.mastery,
    // Compared with the course's rounding tolerance in mind: 0.8 of the points is a pass at mastery 0.8.
    passRate: scaled.length === 0 ? null : scaled.filter((score) => score >= course.mastery - 1e-9).length / scaled.length,
    distribution: counts.map((count, bin) => ({ from: bin / BINS, to: (bin + 1) / BINS, count })),
  };
}
