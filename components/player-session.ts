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
 */
export class PlayerContexts {
  private readonly course: ContextProvider<typeof courseContext>;
  private readonly support: ContextProvider<typeof supportContext>;

  constructor(host: ReactiveElement, values: { readonly tracker: LearnerTracker; readonly course: CourseData; readonly support: boolean }) {
    new ContextProvider(host, { context: trackerContext, initialValue: values.tracker });
    this.course = new ContextProvider(host, { context: courseContext, initialValue: values.course });
    this.support = new ContextProvider(host, { context: supportContext, initialValue: values.support });
  }

  /** Passes a changed course (the session's, with the passing score of this launch) or support panel on to consumers. */
  update(course: CourseData, support: boolean): void {
    this.course.setValue(course);
    this.support.setValue(support);
  }
}
