import type { ReferenceTable } from './messages.js';

/**
 * English: the reference table. Every other table has exactly these keys and, in each text, the
 * same `{placeholders}` (messages.ts `MessageTable`). Comments say where a string appears.
 */
export const en = {
  /** Heading of the footnotes section the build adds to a page. */
  footnotes: 'Footnotes',
  /** Shown by index.html when JavaScript is off. */
  noScript: 'This course needs JavaScript. Please turn it on, or open the course in another browser.',
  /** Common Cartridge (build only): the title of a page's quiz in the LMS. */
  cartridgeQuiz: '{page}: quiz',
  /** Common Cartridge: on a page, where a question or shared reflection is answered. */
  cartridgeInQuiz: 'Answer this in the quiz “{quiz}”.',
  /** Common Cartridge: opens a self-check's answer on a page (matching, sequencing). */
  cartridgeShowAnswer: 'Show the answer',
  /** Common Cartridge: under a private reflection's prompt on a page. */
  cartridgeNotCollected: 'Think about your answer, or write it down for yourself: it is not collected.',

  skipToContent: 'Skip to content',
  helpAndSupport: 'Help and support',
  courseProgress: 'Course progress',
  progressComplete: '{percent} complete',
  /** The heading of the contents list, and its button on narrow screens. */
  contents: 'Contents',
  showContents: 'Contents',
  statusNotStarted: 'Not started',
  statusVisited: 'Visited',
  statusCompleted: 'Completed',
  /** In the contents list, beside a page that does not count towards completion (frontmatter `optional: true`). */
  statusOptional: 'Optional',
  glossary: 'Glossary',
  results: 'Results',
  pageNavigation: 'Previous and next page',
  previous: 'Previous',
  next: 'Next',
  seeResults: 'See your results',
  loading: 'Loading…',
  loadFailed: 'This page could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  /** Shown when saved progress could be restored only in part. */
  partialRestore: 'Some of your earlier answers could not be restored, so the course continues from where the LMS says you were. Your results already recorded in the LMS are kept.',
  exitedTitle: 'You have left the course',
  exitedText: 'Your progress has been saved. You can close this window now.',
  /** Why an LMS launch cannot be tracked (tracker.ts LaunchProblem). */
  launchProblem: {
    'missing-launch-parameters': 'This course was not opened from a learning system, so your progress cannot be recorded. Open it from your LMS.',
    'relaunch-required': 'This session has ended. Close this window and open the course again from your LMS.',
    'lrs-unavailable': 'Your learning system cannot be reached, so your progress is not being recorded right now.',
    'other-tab': 'This course is open in another tab or window, which saves your progress. Nothing you do here is saved: continue there.',
    'other-tab-closed': 'The other tab or window has closed. Reload this page to continue here.',
  },
  notSaving: 'Your progress is not being saved on this device. You can keep going, but you may need to start again next time.',
  /** Announced when the course becomes complete. */
  courseCompleted: 'Course completed.',

  /** The cover page's button for a learner with no saved progress. */
  coverStart: 'Start',
  /** The cover page's button for a learner with saved progress. */
  coverResume: 'Continue where you left off',
  /** The cover page's heading above the list of what the learner will do. */
  coverOutcomes: 'What you will do',
  coverPages: { one: '{count} page', other: '{count} pages' },
  /** An estimated duration, on the cover and on a page. */
  duration: { one: 'About {count} minute', other: 'About {count} minutes' },
  /** On a link to a page that this launch (a cmi5 AU) does not present. */
  pageElsewhere: 'This page is in another part of the course: open it from your LMS.',
  /** The results view's button that ends the session. */
  exitCourse: 'Exit course',
  close: 'Close',
  objectives: 'Learning objectives',

  question: 'Question',
  checkAnswer: 'Check answer',
  correct: 'Correct.',
  incorrect: 'Not quite.',
  retryHint: 'You can change your answer and check it again.',
  chooseFirst: 'Give an answer first.',
  trueLabel: 'True',
  falseLabel: 'False',
  yourAnswer: 'Your answer',
  /** Under a numeric answer box; `whole` is 12 and `decimal` 3.5, written as the course language writes numbers. */
  enterNumber: 'Enter a number, for example {whole} or {decimal}.',
  /** Read by screen readers after a numeric answer box: the unit the answer is in. */
  unit: 'in {unit}',
  chooseMatch: 'Choose a match',
  moveUp: 'Move up',
  moveDown: 'Move down',
  /** Announced after a sequencing step moved. */
  moved: '{item}: now {position} of {total}.',
  stepPosition: '{position} of {total}',
  /** Under a wrong answer to a question with `attempts`: how many checks are left. */
  checksLeft: { one: 'You can change your answer and check it {count} more time.', other: 'You can change your answer and check it {count} more times.' },
  answerFinal: 'This answer is final.',
  /** Before the right answer, shown after a final wrong one (`show-answer`). */
  rightAnswer: 'The right answer:',
  /** A question pool: the kicker above it, and its attempt. */
  poolKicker: 'Question set',
  poolAttempt: 'Attempt {attempt} of {attempts}',
  poolDrawn: { one: '{count} question, drawn at random for this attempt.', other: '{count} questions, drawn at random for this attempt.' },
  /** A pool attempt's result; `count` is the number of points there are, `raw` those scored. */
  poolScore: { one: 'This attempt: {percent} ({raw} of {count} point).', other: 'This attempt: {percent} ({raw} of {count} points).' },
  poolPassed: 'You reached the pass mark of {percent}.',
  poolBelow: 'The pass mark is {percent}.',
  tryAgain: 'Try again',
  poolRetries: { one: 'You can try this set {count} more time, with new questions.', other: 'You can try this set {count} more times, with new questions.' },
  poolNoRetries: 'No attempts left: this result counts.',
  poolBestCounts: 'Your best attempt counts towards your score.',
  /** Announced when the learner starts a new attempt of a pool. */
  poolNewAttempt: 'Attempt {attempt}: new questions drawn.',

  activity: 'Activity',
  yourReflection: 'Your reflection',
  saveReflection: 'Save reflection',
  reflectionSaved: 'Your reflection has been saved.',
  /** Above a private activity's text area: where the text goes (nowhere) and when it is cleared. */
  reflectionPrivate: 'Private: only you can see this answer. It is not sent to your tutor or your LMS, and it is cleared when you close the course.',
  /** Above a shared activity's text area when it is recorded in the LMS or LRS; `count` is the number of characters kept. */
  reflectionShared: {
    one: 'Your tutor can read this answer: up to {count} character is saved with your course record.',
    other: 'Your tutor can read this answer: up to {count} characters are saved with your course record.',
  },
  /** Above a shared activity's text area when there is no LMS (the web build, no LMS found). */
  reflectionLocal: 'This answer is saved in this browser only.',
  reflectionSavedPrivate: 'Saved on this device until you close the course.',
  /** A private activity done in an earlier visit: done, but its text was not kept. */
  reflectionDoneEarlier: 'You completed this activity earlier. Private answers are not kept after the course is closed, so yours is not shown here.',
  mediaPlayToEnd: 'Play it to the end to complete this page.',
  mediaPlayedToEnd: 'Played to the end.',
  copyCode: 'Copy code',
  codeCopied: 'Copied',
  codeSelected: 'The code is selected: copy it with your keyboard or the menu.',
  writeFirst: 'Write your reflection first.',
  showDiscussion: 'Show discussion',

  contentWarning: 'Content warning',
  openSupport: 'Open help and support',
  note: 'Note',
  caseStudy: 'Case study',
  /** Read by screen readers on a glossary term's button. */
  glossaryTerm: 'glossary term',
  unknownTerm: 'No definition is available for this term.',

  resultsTitle: 'Your results',
  /** `count` is the number of points there are; `raw` those scored. */
  score: {
    one: 'Your score: {percent} ({raw} of {count} point).',
    other: 'Your score: {percent} ({raw} of {count} points).',
  },
  passMark: 'Pass mark: {percent}.',
  passed: 'You passed.',
  failed: 'You have not reached the pass mark yet. You can go back, change your answers and check them again.',
  notFinal: 'Questions still to answer: {remaining}. Your final result appears when you have answered them all.',
  /** Every question answered, below the pass mark, and a question set may be tried again. */
  retryOpen: 'You have not reached the pass mark yet. You can try a question set again.',
  /** Below the pass mark, with answers that cannot be changed any more. */
  failedFinal: 'You did not reach the pass mark.',
  unansweredHeading: 'Questions still to answer',
  noQuestions: 'This course has no scored questions.',
  completed: 'You have completed this course.',
  notCompleted: 'You have not completed this course yet.',
  completionAllPages: 'To complete it, view every page.',
  completionAllQuestions: 'To complete it, answer every question.',
  completionBoth: 'To complete it, view every page and answer every question.',
  /** `percent` is the share of the required pages the completion rule asks for. */
  completionSomePages: 'To complete it, view at least {percent} of the pages.',
  completionSomePagesAndQuestions: 'To complete it, view at least {percent} of the pages and answer every question.',
  /** `completion: { questions: assessment }`: every question pool (question set) finished once. */
  completionAssessment: 'To complete it, finish every question set.',
  completionPagesAndAssessment: 'To complete it, view every page and finish every question set.',
  completionSomePagesAndAssessment: 'To complete it, view at least {percent} of the pages and finish every question set.',
  /** The results view: the required pages not viewed yet, listed below it. */
  unviewedHeading: 'Pages still to view',
  /** How many more of the listed pages a percentage rule still needs. */
  pagesToView: { one: '{count} more page to view, from the pages below.', other: '{count} more pages to view, from the pages below.' },
  optionalNotCounted: 'Pages marked “Optional” do not count towards completion.',
  glossaryEmpty: 'This course has no glossary terms.',
} as const satisfies ReferenceTable;
