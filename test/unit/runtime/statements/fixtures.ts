import type { ActivityData, CourseData, PageInfo, QuestionData } from '../../../../components/course-data.js';

export const COURSE_ID = 'https://example.org/courses/safety';
const q = (id: string) => ({ id, iri: `${COURSE_ID}/questions/${id}`, pageId: 'quiz', weight: 2, promptText: `Prompt ${id}` });
const item = (id: string, text = id.toUpperCase()) => ({ id, text });

export const questions = {
  single: { ...q('single'), type: 'single-choice', choices: [{ ...item('a'), correct: false }, { ...item('b'), correct: true }, { ...item('c'), correct: false }] },
  multiple: { ...q('multiple'), type: 'multiple-response', choices: [{ ...item('a'), correct: true }, { ...item('b'), correct: false }, { ...item('c'), correct: true }] },
  trueFalse: { ...q('tf'), type: 'true-false', answer: false },
  fillIn: { ...q('fill'), type: 'fill-in', answers: ['Report', 'Block'], caseSensitive: false },
  fillInCase: { ...q('fill-case'), type: 'fill-in', answers: ['NCMEC'], caseSensitive: true },
  numeric: { ...q('num'), type: 'numeric', answer: 18, tolerance: 0 },
  numericTolerance: { ...q('num-tol'), type: 'numeric', answer: 0.3, tolerance: 0.1 },
  matching: { ...q('match'), type: 'matching', sources: [item('1'), item('2')], targets: [item('a'), item('b'), item('c')], pairs: [['1', 'b'], ['2', 'a']] },
  sequencing: { ...q('seq'), type: 'sequencing', steps: [item('a'), item('b'), item('c')] },
} satisfies Record<string, QuestionData>;

export const page: PageInfo = { id: 'intro', iri: `${COURSE_ID}/pages/intro`, title: 'Introduction', index: 0, objectives: [], questions: [], activities: [], headings: [] };
export const activity: ActivityData = { id: 'reflect', kind: 'reflection', iri: `${COURSE_ID}/activities/reflect`, pageId: 'intro', title: 'Your plan', promptText: 'What would you do?', hasDiscussion: false, shared: true };

export const course: CourseData = {
  id: COURSE_ID, title: 'Online safety', description: '', language: 'en-GB', dir: 'ltr', version: '1.0.0', authors: [], license: 'CC-BY-4.0', mastery: 0.8,
  completion: { pages: 1, questions: 'none' }, scorm12Status: 'completed-incomplete', theme: { accent: '#0055aa', font: 'sans' }, pages: [page], questions: Object.values(questions), activities: [activity], glossary: [], parts: [],
};
