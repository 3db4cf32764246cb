/**
 * Contexts the player provides to everything inside it, next to `trackerContext` (tracker.ts).
 * Components consume them with `ContextConsumer` and fall back to sensible defaults when used
 * outside a player (in isolation tests, for instance).
 */
import { createContext } from '@lit/context';
import type { CourseData, GlossaryEntry } from './course-data.js';
import { messages } from 'virtual:coursemark/messages';
import { formatterFor, type Formatter } from './i18n/formatter.js';
import type { Messages } from './i18n/messages.js';

/** The course being played: language, glossary, questions and activities by id. */
export const courseContext = createContext<CourseData>(Symbol('coursemark-course'));

/** Whether the course has a help-and-support panel that `cm-open-support` can open. */
export const supportContext = createContext<boolean>(Symbol('coursemark-support'));

/**
 * The player's strings in the course language. The build generates `virtual:coursemark/messages`
 * with that language's table only, so a package never carries the others.
 */
export function messagesOf(): Messages {
  return messages;
}

export function formatterOf(course: Pick<CourseData, 'language'> | undefined): Formatter {
  return formatterFor(course?.language ?? 'en');
}

function normaliseTerm(text: string): string {
  return text.trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
}

/**
 * Finds a glossary entry by id or by term, ignoring letter case and extra spaces, as
 * docs/authoring.md promises for `:term[...]`.
 */
export function findTerm(course: CourseData | undefined, key: string): GlossaryEntry | undefined {
  if (course === undefined) return undefined;
  const wanted = normaliseTerm(key);
  return (
    course.glossary.find((entry) => entry.id === key) ??
    course.glossary.find((entry) => normaliseTerm(entry.term) === wanted || entry.id === wanted)
  );
}

/** Name of the event components dispatch to open the help-and-support panel. */
export const OPEN_SUPPORT_EVENT = 'cm-open-support';

/** Fired (bubbling, composed) by the results view when the learner asks to leave the course. */
export const EXIT_EVENT = 'cm-exit';

export function openSupportEvent(): Event {
  return new Event(OPEN_SUPPORT_EVENT, { bubbles: true, composed: true });
}
