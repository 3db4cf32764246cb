import type { LaunchProblem } from '../tracker.js';
/**
 * Every string the player shows. Author text never goes through this table; only the player's
 * own interface does. Functions take already formatted numbers (see `format.ts`) so that each
 * language controls its own digits and word order.
 */
export interface Messages {
  /** Heading of the footnotes section the build adds to a page. */
  readonly footnotes: string;
  /** Shown by index.html when JavaScript is off. */
  readonly noScript: string;
  readonly skipToContent: string;
  readonly helpAndSupport: string;
  readonly courseProgress: string;
  readonly progressComplete: (percent: string) => string;
  readonly contents: string;
  readonly showContents: string;
  readonly statusNotStarted: string;
  readonly statusVisited: string;
  readonly statusCompleted: string;
  readonly statusCurrent: string;
  readonly glossary: string;
  readonly results: string;
  readonly pageNavigation: string;
  readonly previous: string;
  readonly next: string;
  readonly seeResults: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly notSaving: string;
  /** Why an LMS launch cannot be tracked (tracker.ts LaunchProblem). */
  readonly launchProblem: Readonly<Record<LaunchProblem, string>>;
  /** The results view's button that ends the session. */
  readonly exitCourse: string;
  readonly exitedTitle: string;
  readonly exitedText: string;
  /** Shown when saved progress could be restored only in part. */
  readonly partialRestore: string;
  /** On a link to a page that this launch (a cmi5 AU) does not present. */
  readonly pageElsewhere: string;
  readonly close: string;
  readonly objectives: string;
  readonly duration: (minutes: string) => string;
  readonly pageOf: (page: string, total: string) => string;

  readonly question: string;
  readonly checkAnswer: string;
  readonly correct: string;
  readonly incorrect: string;
  readonly retryHint: string;
  readonly chooseFirst: string;
  readonly trueLabel: string;
  readonly falseLabel: string;
  readonly yourAnswer: string;
  readonly enterNumber: string;
  readonly unit: (unit: string) => string;
  readonly chooseMatch: string;
  readonly matchFor: (item: string) => string;
  readonly moveUp: string;
  readonly moveDown: string;
  readonly moved: (item: string, position: string, total: string) => string;
  readonly stepPosition: (position: string, total: string) => string;
  readonly attempt: (attempt: string) => string;

  readonly activity: string;
  readonly yourReflection: string;
  readonly saveReflection: string;
  readonly reflectionSaved: string;
  /** Above a private activity's text area: where the text goes (nowhere) and when it is cleared. */
  readonly reflectionPrivate: string;
  /** Above a shared activity's text area when it is recorded in the LMS or LRS. */
  readonly reflectionShared: (characters: string) => string;
  /** Above a shared activity's text area when there is no LMS (the web build, no LMS found). */
  readonly reflectionLocal: string;
  readonly reflectionSavedPrivate: string;
  /** A private activity done in an earlier visit: done, but its text was not kept. */
  readonly reflectionDoneEarlier: string;
  readonly writeFirst: string;
  readonly showDiscussion: string;
  readonly discussion: string;

  readonly contentWarning: string;
  readonly openSupport: string;
  readonly note: string;
  readonly caseStudy: string;
  readonly glossaryTerm: string;
  readonly unknownTerm: string;

  readonly resultsTitle: string;
  readonly score: (percent: string, raw: string, max: string) => string;
  readonly passMark: (percent: string) => string;
  readonly passed: string;
  readonly failed: string;
  readonly notFinal: (remaining: string) => string;
  readonly unansweredHeading: string;
  readonly noQuestions: string;
  readonly completed: string;
  readonly notCompleted: string;
  readonly completionAllPages: string;
  readonly completionAllQuestions: string;
  readonly completionBoth: string;
  readonly courseCompleted: string;
  readonly glossaryEmpty: string;
}
