/**
 * Observations grouped by learner: each learner's latest answer to each question (the one their
 * score counts, as the player scores the latest answer), read back against the course's answer key,
 * with how often they answered; the pages they saw, in order; the activities they submitted.
 */
import type { CourseData, QuestionData } from '../../components/course-data.js';
import type { LearnerResponse } from '../../components/tracker.js';
import type { ActivityObservation, AnswerObservation, Observation, PageObservation } from './observations.js';
import type { Pseudonymise } from './pseudonyms.js';
import { decodeResponse } from './response-formats.js';

export interface FinalAnswer {
  readonly observation: AnswerObservation;
  /** The response read back, or undefined when it names options the course does not have (now). */
  readonly response: LearnerResponse | undefined;
  /** Right by the course's answer key; the recorded result when the response cannot be read; undefined when neither is known. */
  readonly correct: boolean | undefined;
  /** How many times the learner answered the question. */
  readonly times: number;
}

export interface LearnerRecord {
  /** The pseudonym (pseudonyms.ts): the identifier itself never leaves this module's input. */
  readonly id: string;
  readonly answers: ReadonlyMap<string, FinalAnswer>;
  readonly pages: readonly PageObservation[];
  readonly activities: ReadonlyMap<string, ActivityObservation>;
  readonly completed: boolean;
}

const byTime = (a: { at: number | undefined; order: number }, b: { at: number | undefined; order: number }): number => (a.at ?? 0) - (b.at ?? 0) || a.order - b.order;

function finalAnswer(question: QuestionData, answers: readonly AnswerObservation[]): FinalAnswer | undefined {
  const latest = [...answers].sort(byTime).at(-1);
  if (latest === undefined) return undefined;
  const decoded = decodeResponse(question, latest.text, latest.format);
  return { observation: latest, response: decoded?.response, correct: decoded?.correct ?? latest.recordedCorrect, times: answers.length };
}

export function learnerRecords(observations: readonly Observation[], course: CourseData, pseudonym: Pseudonymise): LearnerRecord[] {
  const byLearner = new Map<string, Observation[]>();
  for (const observation of observations) {
    const list = byLearner.get(observation.learner) ?? [];
    list.push(observation);
    byLearner.set(observation.learner, list);
  }
  const records: LearnerRecord[] = [];
  for (const [learner, list] of byLearner) {
    const answers = new Map<string, FinalAnswer>();
    for (const question of course.questions) {
      const final = finalAnswer(
        question,
        list.filter((item): item is AnswerObservation => item.kind === 'answer' && item.questionId === question.id),
      );
      if (final) answers.set(question.id, final);
    }
    const activities = new Map<string, ActivityObservation>();
    for (const item of [...list].sort(byTime)) if (item.kind === 'activity') activities.set(item.activityId, item);
    records.push({
      id: pseudonym(learner),
      answers,
      pages: list.filter((item): item is PageObservation => item.kind === 'page').sort(byTime),
      activities,
      completed: list.some((item) => item.kind === 'completed'),
    });
  }
  return records.sort((a, b) => a.id.localeCompare(b.id));
}
