import { contextKey } from './context-key.js';
import type { ActivityData, PageInfo, PoolData, QuestionData } from './course-data.js';

/**
 * What a learner answered, per question type. Ids are the ones in course-data.ts
 * (choice 'a', 'b'...; matching source '1', '2'... and target 'a', 'b'...; sequencing steps 'a', 'b'...).
 */
export type LearnerResponse =
  | { readonly type: 'single-choice'; readonly choice: string }
  | { readonly type: 'multiple-response'; readonly choices: readonly string[] }
  | { readonly type: 'true-false'; readonly value: boolean }
  | { readonly type: 'fill-in'; readonly text: string }
  | { readonly type: 'numeric'; readonly value: number }
  | { readonly type: 'matching'; readonly pairs: readonly (readonly [source: string, target: string])[] }
  | { readonly type: 'sequencing'; readonly order: readonly string[] };

/** A scored answer. Scoring is all-or-nothing per question; the weight applies at course level. */
export interface AnswerRecord {
  readonly response: LearnerResponse;
  readonly correct: boolean;
  /** How many times the learner submitted this question in this attempt (1-based). */
  readonly attempt: number;
  /** ISO 8601 UTC time of the submission. */
  readonly at: string;
  /**
   * For a question in a pool: the pool attempt it answers (1-based; absent means 1). An answer from
   * an earlier attempt is history: it is neither shown nor scored.
   */
  readonly round?: number;
}

/** A question pool's state in one learner's attempt of the course. */
export interface PoolProgress {
  /** Which attempt of the pool the learner is on, 1-based. */
  readonly attempt: number;
  /** The questions drawn for this attempt (ids, in the pool's order). */
  readonly drawn: readonly string[];
  /** The best finished earlier attempt, kept when the best attempt counts. */
  readonly best?: { readonly drawn: readonly string[]; readonly correct: readonly string[] };
}

/**
 * A submitted activity as progress keeps it. A shared activity keeps its text (it is recorded in the
 * LMS or LRS, and the page says so before the learner writes); a private one keeps only the fact
 * that it was done: its text never enters `ProgressState`, so no adapter can send or store it.
 */
export type SubmittedActivity = { readonly shared: true; readonly text: string } | { readonly shared: false };

/**
 * Everything needed to resume: where the learner is and what they did. The player owns it;
 * trackers persist it (localStorage here, suspend_data or the xAPI State API in LMS targets).
 */
export interface ProgressState {
  /** Index of the page the learner is on. */
  readonly location: number;
  /** Page ids seen, in first-visit order. */
  readonly visited: readonly string[];
  /** Question id -> latest answer. */
  readonly answers: Readonly<Record<string, AnswerRecord>>;
  /** Activity id -> what was submitted (a private activity's text is never here). */
  readonly activities: Readonly<Record<string, SubmittedActivity>>;
  /** Set once the course's completion rule is met. */
  readonly completed: boolean;
  /** Pool id -> the pool's draw and attempt; absent in a course without pools. */
  readonly pools?: Readonly<Record<string, PoolProgress>>;
}

/** The course-level outcome, computed by the player from the answers and the course's mastery. */
export interface CourseScore {
  /** Weighted share of correct answers, 0..1 (score.scaled). */
  readonly scaled: number;
  /** Sum of the weights of correctly answered questions. */
  readonly raw: number;
  /** Sum of all question weights. */
  readonly max: number;
  /** True when every question has been answered. */
  readonly final: boolean;
  readonly passed: boolean;
}

/**
 * A learner event as the player reports it. Each becomes exactly one xAPI statement in the tracking
 * runtime, so each carries the data an LMS needs (ids, responses, results, durations).
 */
export type LearnerEvent =
  | { readonly kind: 'launched'; readonly resumed: boolean }
  /** Follows `launched` when saved progress was restored. */
  | { readonly kind: 'resumed'; readonly location: number }
  | { readonly kind: 'page-viewed'; readonly page: PageInfo; readonly progress: number }
  | {
      readonly kind: 'question-answered';
      readonly question: QuestionData;
      readonly answer: AnswerRecord;
      /** Milliseconds between the question's first display and the submission. */
      readonly latencyMs: number;
    }
  | {
      readonly kind: 'activity-submitted';
      readonly activity: ActivityData;
      /** The text only for a shared activity; a private one reports that it was done. */
      readonly submission: SubmittedActivity;
    }
  /** "Try again" on a question pool: `attempt` (2 or more) starts, with a new draw. */
  | { readonly kind: 'pool-retried'; readonly pool: PoolData; readonly attempt: number }
  | { readonly kind: 'progressed'; readonly progress: number }
  | { readonly kind: 'completed'; readonly score: CourseScore | undefined }
  | { readonly kind: 'scored'; readonly score: CourseScore }
  | { readonly kind: 'suspended' }
  /**
   * The session ends. `learner`: the learner chose Exit; every target ends the session (LMSFinish,
   * Terminate, cmi5 "terminated"). `unload`: the page is going away (pagehide), which may be a reload:
   * SCORM still finishes (the LMS keeps the attempt), while LRS targets only flush, so a reloaded cmi5
   * AU can go on with the same session (cmi5 best practice 17; a closed tab is the LMS's "abandoned").
   */
  | { readonly kind: 'exited'; readonly reason: 'learner' | 'unload' };

/**
 * The target-specific store behind the player: localStorage for the web build, and (in LMS
 * packages) the SCORM data model or an LRS. Chosen at build time through `virtual:coursemark/tracker`.
 */
export interface TrackingAdapter {
  /** Saved progress from an earlier session, or undefined for a fresh start. Never throws. */
  resume(): Promise<ProgressState | undefined>;
  /** Records one event together with the progress it produced. Never throws. */
  record(event: LearnerEvent, state: ProgressState): void;
  /** Whether the last save reached its store; the player shows a "not saving" notice when false. */
  readonly saving: boolean;
  /**
   * Set by `resume()` when saved progress existed but could not be read whole (truncated or
   * corrupted by the LMS): the course then continues from the LMS's location and status, and the
   * player says so.
   */
  readonly restoreNotice?: 'partial' | undefined;
  /** Set when the launch itself cannot be tracked (the player explains it to the learner). */
  readonly launchProblem?: LaunchProblem | undefined;
  /**
   * How many characters of a shared activity's text reach the LMS or LRS, where a tutor can read
   * them (SCORM 1.2 keeps 255); undefined when nothing reaches anyone (the web build, or a SCORM
   * package opened without an LMS). The page tells the learner which before they write.
   */
  readonly responseLimit?: number | undefined;
  /**
   * The passing score the LMS set for this launch, once `resume()` has settled (SCORM 1.2
   * mastery_score, 2004 scaled_passing_score, cmi5 LaunchData masteryScore): it wins over
   * course.yaml's, so what the player says about passing is what the LMS records.
   */
  readonly mastery?: number | undefined;
}

/**
 * Why an LMS launch cannot be tracked: no launch parameters (the package was opened directly), a
 * spent one-time cmi5 fetch URL with no session to continue (relaunch from the LMS), no LRS, or
 * another tab or window that records this attempt (runtime/other-tab.ts), open or since closed
 * (a reload then continues here).
 */
export type LaunchProblem = 'missing-launch-parameters' | 'relaunch-required' | 'lrs-unavailable' | 'other-tab' | 'other-tab-closed';

/**
 * What components see: the tracker the player provides through `trackerContext`. Components report
 * learner events here and read back what the learner did before (for resume); the player turns each
 * report into a `LearnerEvent`, updates the `ProgressState` and hands both to the adapter.
 */
export interface LearnerTracker {
  /** Scores and records an answer; returns the record (with its attempt number) to show feedback. */
  questionAnswered(question: QuestionData, response: LearnerResponse, latencyMs: number): AnswerRecord;
  /** Records that an activity was done; its text is recorded only when the activity is shared. */
  activitySubmitted(activity: ActivityData, text: string): void;
  /** The learner's latest answer to a question in this attempt, if any. */
  answerFor(questionId: string): AnswerRecord | undefined;
  /**
   * The learner's reflection for an activity: undefined when not done; `text` undefined when it was
   * done privately in an earlier visit (private text is not kept after the course is closed).
   */
  reflectionFor(activityId: string): { readonly text: string | undefined } | undefined;
  /** See `TrackingAdapter.responseLimit`: what a shared activity's text reaches, in characters. */
  readonly responseLimit: number | undefined;
  /** A question pool as the learner sees it now: its attempt, its draw and how the attempt stands. */
  poolFor(poolId: string): PoolView | undefined;
  /** "Try again": the pool's next attempt, with a new draw (ignored when no retry is allowed). */
  retryPool(poolId: string): void;
}

/** What a question pool shows: which attempt, the drawn questions, the attempt's score, whether "Try again" is offered. */
export interface PoolView {
  readonly attempt: number;
  /** Attempts allowed in all (retries + 1). */
  readonly attempts: number;
  readonly drawn: readonly string[];
  readonly result: { readonly answered: number; readonly drawn: number; readonly raw: number; readonly max: number; readonly finished: boolean };
  readonly canRetry: boolean;
  /** The pass mark in force, 0..1. */
  readonly mastery: number;
}

export const trackerContext = contextKey<LearnerTracker>(Symbol('coursemark-tracker'));
