/**
 * The SCORM tracking adapter, one implementation for both versions (the differences live in a
 * `ScormModel`). Each learner event becomes a statement (the runtime's one event format), and the
 * statement is translated into data-model calls; the progress is saved as suspend_data.
 */
import type { Statement } from '@xapi/xapi';
import type { CourseData } from '../../course-data.js';
import type { LearnerEvent, ProgressState, TrackingAdapter } from '../../tracker.js';
import { encodeProgress } from '../resume/progress-codec.js';
import { createStatementEmitter, type StatementEmitter } from '../statements/statement-emitter.js';
import { CMI5, VERBS } from '../vocabulary.js';
import { discoverApi, type Timers } from './api-discovery.js';
import { createCommitScheduler, type CommitScheduler } from './commit-scheduler.js';
import { parseIsoDuration, truncate } from './formats.js';
import { interactionRecord } from './interaction-record.js';
import { watchLifecycle } from './lifecycle.js';
import { apiMethods, createLmsConnection, type LmsConnection } from './lms-connection.js';
import { restoreProgress } from './restore-progress.js';
import type { LaunchData, ScormModel } from './scorm-model.js';
import { defaultTimers, defaultWindow, isHostWindow, objectId, storageOf } from './scorm-host.js';
import { createStandaloneStore, type StandaloneStore, type StorageLike } from './standalone-store.js';

export interface ScormAdapterOptions {
  /** The content's window: where discovery starts and lifecycle events come from. */
  readonly window?: unknown;
  readonly timers?: Timers;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly uuid?: () => string;
  /** Where a launch without an LMS keeps progress (default: the window's localStorage). */
  readonly storage?: StorageLike | undefined;
  readonly discovery?: { readonly intervalMs?: number; readonly timeoutMs?: number };
}

/** `lms`: talking to the LMS; `standalone`: no API found; `unavailable`: the LMS refused Initialize. */
export type ScormMode = 'pending' | 'lms' | 'standalone' | 'unavailable';

export interface ScormTrackingAdapter extends TrackingAdapter {
  readonly restoreNotice?: 'partial';
  readonly mode: ScormMode;
}

class ScormAdapter implements ScormTrackingAdapter {
  restoreNotice?: 'partial';
  mode: ScormMode = 'pending';
  private ok = true;
  private started: Promise<ProgressState | undefined> | undefined;
  private lms: LmsConnection | undefined;
  private launch: LaunchData | undefined;
  private scheduler: CommitScheduler | undefined;
  private standalone: StandaloneStore | undefined;
  private stopWatching: (() => void) | undefined;
  private readonly statements: StatementEmitter;
  private latest: ProgressState | undefined;
  /** The furthest page index committed or restored: the LMS location only moves forward. */
  private furthest = -1;
  private written: string | undefined;
  private interactionIndex = 0;
  private interactionsFull = false;
  /** The latest verdict on the final score, if any (a pass is never replaced by a fail). */
  private verdict: boolean | undefined = undefined;
  private passedOnce = false;
  private completed = false;
  /** Whether the status written says the attempt is done (see ScormModel.status). */
  private finished = false;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly timers: Timers;

  constructor(
    private readonly course: CourseData,
    private readonly model: ScormModel,
    private readonly options: ScormAdapterOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? defaultTimers;
    this.startedAt = this.now();
    this.statements = createStatementEmitter({
      course,
      // SCORM has no xAPI actor: the LMS knows the learner; the statement stays anonymous.
      actor: { account: { homePage: course.id, name: 'scorm-learner' } },
      rootId: course.id,
      now: this.now,
      ...(options.uuid === undefined ? {} : { uuid: options.uuid }),
    });
  }

  get saving(): boolean {
    return this.ok;
  }

  get mastery(): number | undefined {
    return this.launch?.mastery;
  }

  /** A shared reflection reaches the LMS only when there is one (not in standalone mode). */
  get responseLimit(): number | undefined {
    return this.mode === 'lms' ? this.model.responseLimit : undefined;
  }

  resume(): Promise<ProgressState | undefined> {
    this.started ??= this.start().catch((error: unknown) => {
      console.warn('coursemark: SCORM launch failed', error);
      this.mode = 'unavailable';
      this.ok = false;
      return undefined;
    });
    return this.started;
  }

  record(event: LearnerEvent, state: ProgressState): void {
    try {
      this.latest = state;
      const statement = this.statements.statementFor(event);
      if (this.mode === 'standalone') this.standalone?.save(state);
      else if (this.mode === 'lms' && statement !== undefined) this.translate(statement, event);
    } catch (error: unknown) {
      // A tracking fault must never break the course: report it and keep the learner going.
      console.warn('coursemark: could not record a learner event', error);
    }
  }

  private async start(): Promise<ProgressState | undefined> {
    const win = this.options.window ?? defaultWindow();
    const api = await discoverApi(win, {
      name: this.model.apiName,
      methods: apiMethods(this.model.version),
      maxParents: this.model.maxParents,
      timers: this.timers,
      ...this.options.discovery,
    });
    if (api === undefined) {
      // No LMS (opened from disk or a plain web server): progress stays on this device, 0 network calls.
      this.mode = 'standalone';
      this.standalone = createStandaloneStore(this.course, this.model.version, this.options.storage ?? storageOf(win));
      const loaded = this.standalone.load();
      if (loaded.partial) this.restoreNotice = 'partial';
      return loaded.state;
    }
    const lms = createLmsConnection(api, this.model.version);
    if (!lms.initialize()) {
      // R11: another instance or a reload within the launch; make no further calls.
      this.mode = 'unavailable';
      this.ok = false;
      return undefined;
    }
    this.lms = lms;
    this.mode = 'lms';
    const launch = this.model.read(lms);
    this.launch = launch;
    this.interactionIndex = launch.interactionCount;
    this.passedOnce = launch.passed;
    this.scheduler = createCommitScheduler({
      commit: () => this.commit(),
      timers: this.timers,
      now: this.now,
      random: this.options.random ?? Math.random,
      onResult: (ok) => {
        this.ok = ok;
      },
    });
    if (isHostWindow(win)) {
      this.stopWatching = watchLifecycle(win, { hidden: () => this.scheduler?.flush(), leaving: () => this.finish(undefined) });
    }
    const restored = restoreProgress(launch, this.course);
    if (restored.partial) this.restoreNotice = 'partial';
    this.latest = restored.state;
    this.furthest = restored.state?.location ?? -1;
    this.written = launch.suspendData;
    return restored.state;
  }

  /** The interaction of an answer or an activity, if the event is one: a journal, appended at the LMS's _count (never overwritten). */
  private writeInteraction(lms: LmsConnection, statement: Statement, event: LearnerEvent): void {
    const record = interactionRecord(event, statement.timestamp ?? new Date(this.now()).toISOString());
    if (record === undefined || this.interactionsFull) return;
    if (this.model.writeInteraction(lms, this.interactionIndex, record)) this.interactionIndex += 1;
    else this.interactionsFull = true;
  }

  /** One statement -> data-model calls (standards.md 1.3, 2.3); interactions come from the event's structure. */
  private translate(statement: Statement, event: LearnerEvent): void {
    const lms = this.lms;
    const launch = this.launch;
    const scheduler = this.scheduler;
    if (lms === undefined || launch === undefined || scheduler === undefined || lms.state !== 'open') return;
    const result = statement.result;
    switch (statement.verb.id) {
      case VERBS.initialized:
        this.model.start(lms, launch);
        scheduler.request();
        scheduler.flush(); // R5: the first commit already carries exit=suspend
        return;
      case VERBS.experienced: {
        const page = this.course.pages.find((candidate) => candidate.iri === objectId(statement));
        // Going back to an earlier page does not move the bookmark back (progress is forward only).
        if (page !== undefined && page.index >= this.furthest) {
          this.furthest = page.index;
          lms.setValue(this.model.locationElement, truncate(page.id, this.model.locationLimit));
        }
        // A video or sound played to its end is an activity of its page: an interaction, as a reflection is.
        this.writeInteraction(lms, statement, event);
        scheduler.request();
        return;
      }
      case VERBS.answered:
        this.writeInteraction(lms, statement, event);
        scheduler.request();
        return;
      case VERBS.attempted:
        // A pool's new attempt: nothing of its own in the data model, but its draw is in suspend_data.
        scheduler.request();
        return;
      case VERBS.progressed: {
        const value: unknown = result?.extensions?.[CMI5.progress];
        if (typeof value === 'number' && this.model.progress(lms, value / 100, launch)) scheduler.request();
        return;
      }
      case VERBS.passed:
      case VERBS.failed: {
        const scaled = result?.score?.scaled;
        if (scaled === undefined) return;
        const passed = this.model.passes(scaled, launch.mastery ?? this.course.mastery);
        // Never downgrade a pass to a fail (R7); Moodle would recompute the status from raw anyway (C4).
        if (!passed && this.passedOnce) return;
        this.model.score(lms, scaled);
        this.verdict = passed;
        this.passedOnce ||= passed;
        this.writeStatus(lms, launch);
        scheduler.request();
        return;
      }
      case VERBS.completed:
        this.completed = true;
        this.writeStatus(lms, launch);
        scheduler.request();
        return;
      case VERBS.suspended:
        this.model.exit(lms, false);
        scheduler.request();
        scheduler.flush();
        return;
      case VERBS.terminated:
        this.finish(parseIsoDuration(result?.duration));
        return;
      default:
        return;
    }
  }

  /** The status elements for what the learner has achieved so far; remembers whether the attempt is done. */
  private writeStatus(lms: LmsConnection, launch: LaunchData): void {
    const outcome = {
      completed: this.completed || launch.completed,
      scored: this.course.questions.length > 0,
      passed: this.passedOnce || launch.passed ? true : this.verdict,
    };
    this.finished = this.model.status(lms, outcome, this.course);
  }

  /** Writes the latest progress as suspend_data (when it changed) and commits. */
  private commit(): boolean {
    const lms = this.lms;
    if (lms === undefined || lms.state !== 'open') return false;
    this.writeState(lms);
    return lms.commit();
  }

  private writeState(lms: LmsConnection): void {
    if (this.latest === undefined) return;
    this.furthest = Math.max(this.furthest, this.latest.location);
    let encoded = encodeProgress({ ...this.latest, location: this.furthest }, this.course);
    // The build keeps every state under budget; should one still be over, keep the bookmark only.
    if (encoded.length > this.model.suspendDataLimit) encoded = '';
    if (encoded === this.written && this.ok) return;
    if (lms.setValue(this.model.suspendDataElement, encoded)) this.written = encoded;
  }

  /** The end of the launch: session time, exit, a last commit, then LMSFinish / Terminate (once). */
  private finish(durationMs: number | undefined): void {
    const lms = this.lms;
    const launch = this.launch;
    if (lms === undefined || launch === undefined || lms.state !== 'open') return;
    this.stopWatching?.();
    this.scheduler?.dispose();
    this.model.sessionTime(lms, durationMs ?? this.now() - this.startedAt);
    // An attempt the LMS does not see as done (an `incomplete` after a failed test) stays suspended, so
    // the learner comes back to their answers and can try again.
    this.model.exit(lms, launch.completed || this.finished);
    this.writeState(lms);
    this.ok = lms.commit();
    lms.terminate();
  }
}

export function createScormAdapter(course: CourseData, model: ScormModel, options: ScormAdapterOptions = {}): ScormTrackingAdapter {
  return new ScormAdapter(course, model, options);
}
