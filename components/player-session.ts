/**
 * What the player loads to start the learner's session, in one chunk fetched in parallel with the
 * tracking runtime rather than before the first paint: the session, the contexts the player
 * provides, and every interface string (the notices about the session are among them).
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { CourseData } from './course-data.js';
import { courseContext, supportContext } from './course-context.js';
import { trackerContext, type LearnerTracker } from './tracker.js';

export { CourseSession } from './course-session.js';
export { messagesOf } from './view-messages.js';

/**
 * `trackerContext`, `courseContext` and `supportContext`, provided by the player to everything
 * inside it. Created with the session and before anything that consumes them is rendered: pages,
 * views, the cover and the support panel all wait for the session (or, for the panel, the course).
 * The tracker comes once the session has restored the learner's progress (`track`): a page shown
 * before (cm-player.ts `showEarly`) renders as outside a player, and its elements prepare their
 * saved answers when it arrives, as they do for a tracker that comes late.
 */
export class PlayerContexts {
  private readonly tracker: ContextProvider<typeof trackerContext>;
  private readonly course: ContextProvider<typeof courseContext>;
  private readonly support: ContextProvider<typeof supportContext>;

  constructor(host: ReactiveElement, values: { readonly course: CourseData; readonly support: boolean }) {
    this.tracker = new ContextProvider(host, { context: trackerContext });
    this.course = new ContextProvider(host, { context: courseContext, initialValue: values.course });
    this.support = new ContextProvider(host, { context: supportContext, initialValue: values.support });
  }

  /** Hands the started session to the elements that record what the learner does. */
  track(tracker: LearnerTracker): void {
    this.tracker.setValue(tracker);
  }

  /** Passes a changed course (the session's, with the passing score of this launch) or support panel on to consumers. */
  update(course: CourseData, support: boolean): void {
    this.course.setValue(course);
    this.support.setValue(support);
  }
}
