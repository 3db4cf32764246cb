/**
 * Data files + the course -> the report's figures. Pure apart from the pseudonym key: the files'
 * text comes in, `ReportData` goes out (render-html.ts draws it; the CLI writes both).
 */
import type { CourseData } from '../../components/course-data.js';
import { percent } from './flags.js';
import { analyseAssessment, analyseQuestions, completeGroup } from './item-analysis.js';
import { analysePages, learnerList } from './journeys.js';
import { learnerRecords } from './learner-records.js';
import type { Observation, ReadResult } from './observations.js';
import type { Pseudonymise } from './pseudonyms.js';
import { readData } from './read-data.js';
import type { ReportData } from './report-data.js';

export interface ReportOptions {
  readonly pseudonym: Pseudonymise;
  /** Show fill-in answers and shared reflections (hidden by default: learners' own words). */
  readonly showText?: boolean;
}

/** Below this many learners the figures are shown with a warning: one learner moves them a lot. */
export const FEW_LEARNERS = 20;

/** Reads every file (throws ReportInputError for the first unreadable one). */
export function readAll(files: readonly { readonly path: string; readonly text: string }[], course: CourseData): ReadResult[] {
  return files.map((file) => readData(file.path, file.text, course));
}

function notesOf(data: Omit<ReportData, 'notes'>): string[] {
  const notes: string[] = [];
  const { assessment } = data;
  if (data.learners === 0) notes.push('None of the records belong to this course: check that the data comes from packages of this course (its id is in course.yaml).');
  else if (assessment.learners < FEW_LEARNERS) {
    notes.push(`Only ${assessment.learners} learner(s) answered every question: with fewer than ${FEW_LEARNERS}, discrimination and reliability move a lot with each learner; read them as hints.`);
  }
  const unread = data.questions.reduce((total, question) => total + question.unread, 0);
  if (unread > 0) notes.push(`${unread} answer(s) name options the course does not have now (it changed after they were given): they count by the result the LMS or LRS recorded, and not in the option counts.`);
  const disagreements = data.questions.reduce((total, question) => total + question.disagreements, 0);
  if (disagreements > 0) notes.push(`${disagreements} answer(s) were recorded as right or wrong the other way from the course's answer key now: the key may have changed since; the report judges by the current key.`);
  if (data.learners > 0 && data.learnersWithPages === 0) notes.push('No page statements: page reach, drop-off and time need xAPI or cmi5 statements (SCORM interactions do not record pages).');
  if (data.questions.some((question) => question.responses === null)) notes.push('Typed answers (fill-in) are hidden: they are the learners\' own words. Run the report with --show-text to include them.');
  if (assessment.passRate !== null) notes.push(`${percent(assessment.passRate)} of the learners who answered every question reached the mastery score (${percent(assessment.mastery)}).`);
  return notes;
}

export function buildReport(course: CourseData, results: readonly ReadResult[], options: ReportOptions): ReportData {
  const observations: Observation[] = results.flatMap((result) => [...result.observations]);
  const records = learnerRecords(observations, course, options.pseudonym);
  const group = completeGroup(course, records);
  const showText = options.showText === true;
  const assessment = analyseAssessment(course, group);
  const questions = analyseQuestions(course, records, group, showText);
  const pages = analysePages(course, records);
  const totals = new Map(group.learners.map((record, i) => [record.id, group.totals[i] ?? 0]));
  const data: Omit<ReportData, 'notes'> = {
    course: { id: course.id, title: course.title, version: course.version, language: course.language },
    inputs: results.map((result) => result.summary),
    learners: records.length,
    learnersWithPages: records.filter((record) => record.pages.length > 0).length,
    freeTextShown: showText,
    assessment,
    questions,
    pages,
    activities: course.activities.map((activity) => {
      const submitted = records.flatMap((record) => {
        const item = record.activities.get(activity.id);
        return item === undefined ? [] : [item];
      });
      return {
        id: activity.id,
        title: activity.title.trim() === '' ? activity.promptText : activity.title,
        submitted: submitted.length,
        texts: showText && activity.shared ? submitted.flatMap((item) => (item.text === undefined ? [] : [item.text])) : null,
      };
    }),
    learnerList: learnerList(course, records, totals, assessment.maxPoints),
    flags: [...questions.flatMap((question) => question.flags), ...pages.flatMap((page) => page.flags)],
  };
  return { ...data, notes: notesOf(data) };
}
