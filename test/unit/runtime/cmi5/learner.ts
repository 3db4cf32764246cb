/**
 * A scripted learner for adapter tests: the events the player reports, in the order it reports
 * them, with the progress each produces.
 */
import type { LearnerEvent, ProgressState, TrackingAdapter } from '../../../../components/tracker.js';
import { COURSE } from '../lrs/helpers.js';

export const EMPTY: ProgressState = { location: 0, visited: [], answers: {}, activities: {}, completed: false };

export class Learner {
  state: ProgressState;
  constructor(
    private readonly adapter: TrackingAdapter,
    start: ProgressState = EMPTY,
  ) {
    this.state = start;
  }

  private send(event: LearnerEvent): void {
    this.adapter.record(event, this.state);
  }

  launch(resumed = false): void {
    this.send({ kind: 'launched', resumed });
    if (resumed) this.send({ kind: 'resumed', location: this.state.location });
  }

  view(index: number): void {
    const page = COURSE.pages[index];
    if (page === undefined) throw new Error(`no page ${index}`);
    const visited = this.state.visited.includes(page.id) ? this.state.visited : [...this.state.visited, page.id];
    this.state = { ...this.state, location: index, visited };
    this.send({ kind: 'page-viewed', page, progress: visited.length / COURSE.pages.length });
  }

  answer(questionIndex: number, correct: boolean): void {
    const question = COURSE.questions[questionIndex];
    if (question === undefined) throw new Error(`no question ${questionIndex}`);
    const response =
      question.type === 'true-false'
        ? { type: 'true-false' as const, value: correct }
        : { type: 'single-choice' as const, choice: correct ? 'a' : 'b' };
    const previous = this.state.answers[question.id];
    const record = { response, correct, attempt: (previous?.attempt ?? 0) + 1, at: new Date().toISOString() };
    this.state = { ...this.state, answers: { ...this.state.answers, [question.id]: record } };
    this.send({ kind: 'question-answered', question, answer: record, latencyMs: 2500 });
  }

  score(scaled: number, passed: boolean): void {
    this.send({ kind: 'scored', score: { scaled, raw: scaled * 2, max: 2, final: true, passed } });
  }

  complete(): void {
    this.state = { ...this.state, completed: true };
    this.send({ kind: 'completed', score: undefined });
  }

  progressed(progress: number): void {
    this.send({ kind: 'progressed', progress });
  }

  leave(): void {
    if (!this.state.completed) this.send({ kind: 'suspended' });
    this.send({ kind: 'exited', reason: 'learner' });
  }

  /** The course, after the launch: every page, both questions right, pass, complete. */
  work(): void {
    this.view(0);
    this.answer(0, true);
    this.view(1);
    this.answer(1, true);
    this.progressed(1);
    this.score(1, true);
    this.view(2);
    this.complete();
  }

  /** What a player reports again after a relaunch: the restored progress, score and completion. */
  reportAgain(): void {
    this.progressed(1);
    this.score(1, true);
    this.complete();
  }

  /** The full happy path: every page, both questions right, pass, complete, exit. */
  happy(): void {
    this.launch();
    this.work();
    this.leave();
  }
}
