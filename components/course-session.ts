/**
 * The learner's session: owns `ProgressState`, turns what components report into `LearnerEvent`s
 * and hands each event, with the state it produced, to the target's `TrackingAdapter`.
 * It has no DOM, so it can be tested with a fake adapter; the player only renders it.
 */
import type { ActivityData, CourseData, PageInfo, QuestionData } from './course-data.js';
import {
  allQuestionsAnswered,
  emptyProgress,
  meetsCompletion,
  progressOf,
  reconcileProgress,
  withActivity,
  withAnswer,
  withVisit,
} from './progress.js';
import { canRetry, currentAnswer, drawSeed, poolAttempt, poolsOf, withDraws, withRetry } from './pools.js';
import { openPrivateNotes, type PrivateNotes } from './private-notes.js';
import { courseScore, isCorrect } from './scoring.js';
import { REFLECTION_MAX } from './reflection-limit.js';
import { truncateText } from './runtime/resume/text-codec.js';
import type {
  AnswerRecord,
  CourseScore,
  LaunchProblem,
  LearnerEvent,
  LearnerResponse,
  LearnerTracker,
  PoolView,
  ProgressState,
  SubmittedActivity,
  TrackingAdapter,
} from './tracker.js';

export interface CourseSessionOptions {
  readonly course: CourseData;
  readonly adapter: TrackingAdapter;
  /** Called after every state change, so the host can re-render. */
  readonly onChange: (change: { readonly completedNow: boolean }) => void;
  /** Injectable clock for tests. */
  readonly now?: () => Date;
  /** Where private reflections are kept (default: this tab's sessionStorage). */
  readonly privateNotes?: PrivateNotes;
  /** Seeds for pool draws (default: random, pools.ts drawSeed); injectable for tests. */
  readonly seed?: () => string;
}

export class CourseSession implements LearnerTracker {
  private data: CourseData;
  private readonly adapter: TrackingAdapter;
  private readonly onChange: CourseSessionOptions['onChange'];
  private readonly now: () => Date;
  private readonly privateNotes: PrivateNotes;
  private readonly seed: () => string;
  private current: ProgressState = emptyProgress();
  private wasResumed = false;
  private lastSaveFailed = false;
  private ended = false;
  private reportedProgress = -1;
  /** raw/max/passed of the last `scored` event, so an unchanged score is not reported twice. */
  private reportedScore: string | undefined = undefined;

  constructor(options: CourseSessionOptions) {
    this.data = options.course;
    this.adapter = options.adapter;
    this.onChange = options.onChange;
    this.now = options.now ?? (() => new Date());
    this.privateNotes = options.privateNotes ?? openPrivateNotes(options.course.id);
    this.seed = options.seed ?? drawSeed;
  }

  /** The course as this launch judges it: with the LMS's passing score once `start()` has run. */
  get course(): CourseData {
    return this.data;
  }

  get state(): ProgressState {
    return this.current;
  }

  get resumed(): boolean {
    return this.wasResumed;
  }

  /** Why the launch cannot be tracked, if it cannot (shown to the learner). */
  get launchProblem(): LaunchProblem | undefined {
    return this.adapter.launchProblem;
  }

  /** True when the adapter could restore only part of the saved progress. */
  get partialRestore(): boolean {
    return this.adapter.restoreNotice === 'partial';
  }

  /** True once a save has failed; the player then shows a "not saving" notice. */
  get notSaving(): boolean {
    return this.lastSaveFailed;
  }

  get progress(): number {
    return progressOf(this.course, this.current);
  }

  get score(): CourseScore {
    return courseScore(this.course, this.current);
  }

  /** Restores saved progress (if any) and reports the launch. Returns the page index to show. */
  async start(): Promise<number> {
    const saved = await this.adapter.resume();
    const mastery = this.adapter.mastery;
    if (mastery !== undefined && mastery !== this.data.mastery) this.data = { ...this.data, mastery };
    if (saved !== undefined) this.current = reconcileProgress(this.course, saved);
    // Each pool's draw is made once per attempt and kept in the state, so every device resumes it.
    this.current = withDraws(this.course, this.current, this.seed);
    this.wasResumed = saved !== undefined;
    // What the LMS already holds from the earlier session: the same progress is not reported again.
    if (this.wasResumed) this.reportedProgress = this.progress;
    this.record({ kind: 'launched', resumed: this.wasResumed });
    if (this.wasResumed) this.record({ kind: 'resumed', location: this.current.location });
    return this.current.location;
  }

  viewPage(page: PageInfo): void {
    this.ended = false;
    this.current = withVisit(this.current, page);
    this.record({ kind: 'page-viewed', page, progress: this.progress });
    this.afterChange(false);
  }

  questionAnswered(question: QuestionData, response: LearnerResponse, latencyMs: number): AnswerRecord {
    const previous = currentAnswer(question, this.current);
    const round = question.poolId === undefined ? undefined : this.current.pools?.[question.poolId]?.attempt;
    const answer: AnswerRecord = {
      response,
      correct: isCorrect(question, response),
      attempt: (previous?.attempt ?? 0) + 1,
      at: this.now().toISOString(),
      ...(round === undefined ? {} : { round }),
    };
    this.current = withAnswer(this.current, question.id, answer);
    this.record({ kind: 'question-answered', question, answer, latencyMs: Math.max(0, Math.round(latencyMs)) });
    this.afterChange(true);
    return answer;
  }

  activitySubmitted(activity: ActivityData, text: string): void {
    // A private activity's text stays here, on the device; progress and the LMS learn only that it was done.
    let submission: SubmittedActivity = { shared: false };
    if (activity.shared) submission = { shared: true, text: truncateText(text, this.responseLimit ?? REFLECTION_MAX) };
    else this.privateNotes.set(activity.id, text);
    this.current = withActivity(this.current, activity.id, submission);
    this.record({ kind: 'activity-submitted', activity, submission });
    this.afterChange(true);
  }

  answerFor(questionId: string): AnswerRecord | undefined {
    const question = this.course.questions.find((candidate) => candidate.id === questionId);
    return question === undefined ? undefined : currentAnswer(question, this.current);
  }

  poolFor(poolId: string): PoolView | undefined {
    const pool = poolsOf(this.course).find((candidate) => candidate.id === poolId);
    const progress = this.current.pools?.[poolId];
    if (pool === undefined || progress === undefined) return undefined;
    const result = poolAttempt(this.course, pool, this.current);
    return {
      attempt: progress.attempt,
      attempts: pool.retries + 1,
      drawn: progress.drawn,
      result,
      canRetry: canRetry(this.course, pool, this.current, this.course.mastery),
      mastery: this.course.mastery,
    };
  }

  retryPool(poolId: string): void {
    const pool = poolsOf(this.course).find((candidate) => candidate.id === poolId);
    if (pool === undefined || !canRetry(this.course, pool, this.current, this.course.mastery)) return;
    this.current = withRetry(this.course, this.current, pool, `${this.seed()}/${pool.id}`);
    this.record({ kind: 'pool-retried', pool, attempt: this.current.pools?.[pool.id]?.attempt ?? 2 });
    this.afterChange(false);
  }

  reflectionFor(activityId: string): { readonly text: string | undefined } | undefined {
    const submitted = this.current.activities[activityId];
    if (submitted === undefined) return undefined;
    return { text: submitted.shared ? submitted.text : this.privateNotes.get(activityId) };
  }

  get responseLimit(): number | undefined {
    const limit = this.adapter.responseLimit;
    return limit === undefined ? undefined : Math.min(limit, REFLECTION_MAX);
  }

  /**
   * The learner is leaving (pagehide). An unfinished course is first `suspended`, meaning the
   * learner expects to resume (SCORM exit=suspend, xAPI "suspended"); every session then ends with
   * `exited` (LMSFinish / Terminate / cmi5 "terminated"), exactly once.
   */
  leave(reason: 'learner' | 'unload' = 'learner'): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.current.completed) this.record({ kind: 'suspended' });
    this.record({ kind: 'exited', reason });
  }

  private afterChange(answered: boolean): void {
    // Progress goes to the LMS whenever it moves (a page view as much as an answer), so the bar, 2004's
    // progress_measure and cmi5's `progressed` agree; a retry or a second visit moves nothing.
    const progress = this.progress;
    if (progress !== this.reportedProgress) {
      this.reportedProgress = progress;
      this.record({ kind: 'progressed', progress });
    }
    if (answered) {
      if (this.course.questions.length > 0 && allQuestionsAnswered(this.course, this.current)) {
        // Once all answers are in, report the score whenever it changes (a retry can change it); an
        // answer that leaves it as it was (a reflection, an equal retry) sends no second passed/failed.
        // A score below the pass mark while a question pool may still be retried is not final: nothing
        // is reported until it is (cmi5 9.3.0.0-7: no passed after a failed in one session).
        const score = this.score;
        const key = `${score.raw}/${score.max}/${String(score.passed)}`;
        if (score.final && key !== this.reportedScore) {
          this.reportedScore = key;
          this.record({ kind: 'scored', score });
        }
      }
    }
    let completedNow = false;
    if (!this.current.completed && meetsCompletion(this.course, this.current)) {
      completedNow = true;
      this.current = { ...this.current, completed: true };
      this.record({ kind: 'completed', score: this.course.questions.length > 0 ? this.score : undefined });
    }
    this.onChange({ completedNow });
  }

  private record(event: LearnerEvent): void {
    this.adapter.record(event, this.current);
    this.lastSaveFailed = !this.adapter.saving;
  }
}
