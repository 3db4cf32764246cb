/**
 * Simulated learners with known abilities answering a generated course, for the report's tests. A
 * two-parameter logistic item response model (P(right) = 1 / (1 + e^(-a(θ - b)))) with a seeded
 * random source decides each answer, so the expected statistics are known; the answers then go
 * through the real runtime: the statement emitter (xAPI) and the SCORM data models (laid out as
 * Moodle's Interactions report), exactly as packages record them.
 */
import type { CourseData, QuestionData } from '../../../components/course-data.js';
import { mulberry32 } from '../../../components/hash.js';
import type { LmsConnection } from '../../../components/runtime/scorm/lms-connection.js';
import { interactionRecord } from '../../../components/runtime/scorm/interaction-record.js';
import { scorm12Model } from '../../../components/runtime/scorm/scorm12-model.js';
import { scorm2004Model } from '../../../components/runtime/scorm/scorm2004-model.js';
import { createStatementEmitter } from '../../../components/runtime/statements/statement-emitter.js';
import type { LearnerEvent, LearnerResponse } from '../../../components/tracker.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from '../helpers/course-from-strings.js';

/** A standard normal number (Box-Muller). */
export function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface ItemModel {
  readonly id: string;
  /** Discrimination a and difficulty b of the 2PL model. */
  readonly a: number;
  readonly b: number;
  /** How learners who get it wrong spread over the wrong options (single choice), in option order. */
  readonly wrongSpread?: readonly number[];
}

/** The generated course: two pages of single-choice items, a multiple-response item worth 2, and a last page. */
export const ITEMS: readonly ItemModel[] = [
  { id: 'easy', a: 1.5, b: -3 },
  { id: 'hard', a: 1.5, b: 2.6 },
  { id: 'noise', a: 0, b: 0 },
  { id: 'good-1', a: 2, b: -0.5, wrongSpread: [0.7, 0.29, 0.01] },
  { id: 'good-2', a: 2, b: 0 },
  { id: 'good-3', a: 2.5, b: 0.5 },
  { id: 'weighted', a: 1.5, b: 0 },
];

const choiceQuestion = (item: ItemModel): string =>
  item.id === 'weighted'
    ? `:::question{#weighted type=multiple-response weight=2}\nWhich are right?\n\n- [x] First right\n- [x] Second right\n- [ ] Wrong one\n:::\n`
    : `:::question{#${item.id} type=single-choice}\nQuestion ${item.id}?\n\n- [x] Right answer of ${item.id}\n- [ ] Common mistake\n- [ ] Other mistake\n- [ ] Rare mistake\n:::\n`;

export function simulatedCourse(): CourseData {
  const page = (title: string, body: string): string => `---\ntitle: ${title}\n---\n\n${body}`;
  const source = courseFromStrings({
    'course.yaml': `${baseConfig}mastery: 0.6\n`,
    'sections/01-start.md': page('Start', 'Welcome.\n'),
    'sections/02-first.md': page('First questions', ITEMS.slice(0, 4).map(choiceQuestion).join('\n')),
    'sections/03-second.md': page('Second questions', ITEMS.slice(4).map(choiceQuestion).join('\n')),
    'sections/04-end.md': page('The end', 'Goodbye.\n'),
  });
  const model = checkCourse(source).model;
  if (!model) throw new Error('the simulated course has errors');
  return model.data;
}

export interface SimulatedLearner {
  readonly email: string;
  readonly ability: number;
  /** Right (true) or wrong per item id. */
  readonly right: ReadonlyMap<string, boolean>;
  readonly responses: ReadonlyMap<string, LearnerResponse>;
  /** The last page index the learner opens. */
  readonly lastPage: number;
}

const probability = (item: ItemModel, ability: number): number => 1 / (1 + Math.exp(-item.a * (ability - item.b)));

function pick(random: () => number, weights: readonly number[]): number {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r <= 0) return i;
  }
  return weights.length - 1;
}

function responseFor(question: QuestionData, item: ItemModel, right: boolean, random: () => number): LearnerResponse {
  if (question.type === 'multiple-response') return { type: 'multiple-response', choices: right ? ['a', 'b'] : random() < 0.5 ? ['a'] : ['a', 'c'] };
  if (question.type !== 'single-choice') throw new Error('the simulated course has choice questions only');
  const wrong = question.choices.filter((choice) => !choice.correct);
  const choice = right ? 'a' : (wrong[pick(random, item.wrongSpread ?? [0.5, 0.3, 0.2])]?.id ?? 'b');
  return { type: 'single-choice', choice };
}

/** `count` learners with abilities from N(0, 1); `dropRate` of them stop on the first question page. */
export function simulateLearners(course: CourseData, count: number, seed: number, dropRate = 0): SimulatedLearner[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, n) => {
    const ability = normal(random);
    const right = new Map<string, boolean>();
    const responses = new Map<string, LearnerResponse>();
    const drops = random() < dropRate;
    for (const item of ITEMS) {
      const question = course.questions.find((candidate) => candidate.id === item.id);
      if (!question || (drops && question.pageId !== 'first')) continue;
      const isRight = random() < probability(item, ability);
      right.set(item.id, isRight);
      responses.set(item.id, responseFor(question, item, isRight, random));
    }
    return { email: `learner${n}@example.org`, ability, right, responses, lastPage: drops ? 1 : course.pages.length - 1 };
  });
}

const START = Date.UTC(2025, 2, 3, 9, 0, 0);
/** Seconds each simulated learner spends on each page. */
export const PAGE_SECONDS = 40;

/** Each learner's session as the statement emitter writes it: pages 40 s apart, answers, completion. */
export function statementsOf(course: CourseData, learners: readonly SimulatedLearner[]): object[] {
  return learners.flatMap((learner, n) => {
    let clock = START + n * 3_600_000;
    const emitter = createStatementEmitter({ course, actor: { objectType: 'Agent', mbox: `mailto:${learner.email}` }, rootId: course.id, registration: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, now: () => clock });
    const events: LearnerEvent[] = [{ kind: 'launched', resumed: false }];
    const out: object[] = [];
    const emit = (event: LearnerEvent): void => {
      const statement = emitter.statementFor(event);
      if (statement) out.push(statement);
    };
    events.forEach(emit);
    for (const page of course.pages.slice(0, learner.lastPage + 1)) {
      emit({ kind: 'page-viewed', page, progress: 0 });
      for (const id of page.questions) {
        const question = course.questions.find((candidate) => candidate.id === id);
        const response = learner.responses.get(id);
        if (!question || !response) continue;
        clock += 5000;
        emit({ kind: 'question-answered', question, answer: { response, correct: learner.right.get(id) === true, attempt: 1, at: new Date(clock).toISOString() }, latencyMs: 5000 + n * 10 });
      }
      clock = START + n * 3_600_000 + (page.index + 1) * PAGE_SECONDS * 1000;
    }
    if (learner.lastPage === course.pages.length - 1) emit({ kind: 'completed', score: undefined });
    return out;
  });
}

/** A fake LMS that keeps what a SCORM data model writes. */
function recordingLms(values: Map<string, string>): LmsConnection {
  return { state: 'open', initialize: () => true, getValue: (element) => values.get(element) ?? '', setValue: (element, value) => (values.set(element, value), true), commit: () => true, terminate: () => true };
}

/** The quoting Moodle's text download does (csv_export_writer: fields with the delimiter or quotes are quoted). */
const quote = (field: string, delimiter: string): string => (field.includes(delimiter) || field.includes('"') || field.includes('\n') ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * The learners' interactions as Moodle's Interactions report downloads them: name and email,
 * attempt, times, score, one column for the SCO, then Question/Response/Right answer/Result per index.
 */
export function moodleReport(course: CourseData, learners: readonly SimulatedLearner[], version: '1.2' | '2004', delimiter = '\t'): string {
  const model = version === '1.2' ? scorm12Model : scorm2004Model;
  const rows = learners.map((learner, n) => {
    const values = new Map<string, string>();
    let index = 0;
    for (const question of course.questions) {
      const response = learner.responses.get(question.id);
      if (!response) continue;
      const record = interactionRecord({ kind: 'question-answered', question, answer: { response, correct: learner.right.get(question.id) === true, attempt: 1, at: new Date(START).toISOString() }, latencyMs: 4000 }, new Date(START).toISOString());
      if (record) model.writeInteraction(recordingLms(values), index, record);
      index += 1;
    }
    const cells: string[] = [`Learner ${n}`, learner.email, '1', 'Monday, 3 March 2025, 9:00 AM', 'Monday, 3 March 2025, 9:20 AM', '80'];
    cells.push('80/100');
    for (let i = 0; i < course.questions.length; i += 1) {
      const base = `cmi.interactions.${i}`;
      const patterns = [0, 1, 2].map((k) => values.get(`${base}.correct_responses.${k}.pattern`)).filter((p): p is string => p !== undefined);
      cells.push(values.get(`${base}.id`) ?? '', values.get(`${base}.${version === '1.2' ? 'student_response' : 'learner_response'}`) ?? '', patterns.join(','), values.get(`${base}.result`) ?? '');
    }
    return cells;
  });
  const header = ['Name', 'Email address', 'Attempt', 'Started on', 'Last accessed on', 'Score', 'Simulated course'];
  for (let i = 0; i < course.questions.length; i += 1) header.push(`Question ${i}`, `Response ${i}`, `Right answer ${i}`, `Result ${i}`);
  return [header, ...rows].map((row) => row.map((field) => quote(field, delimiter)).join(delimiter)).join('\n');
}
