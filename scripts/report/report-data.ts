/**
 * The figures of a report, as JSON (`coursemark report --json`) and as the HTML page shows them.
 * Shares are 0..1; times are milliseconds; a figure that could not be computed is null.
 */
import type { QuestionType } from '../../components/course-data.js';
import type { InputSummary } from './observations.js';

export type FlagRule = 'too-easy' | 'too-hard' | 'low-discrimination' | 'negative-discrimination' | 'rare-distractor' | 'high-drop-off';

export interface Flag {
  readonly rule: FlagRule;
  /** The question, option or page it is about. */
  readonly target: string;
  /** One sentence: what was found, against which threshold, and what to look at. */
  readonly message: string;
}

export interface OptionFigures {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  readonly count: number;
  readonly share: number | null;
}

export interface QuestionFigures {
  readonly id: string;
  readonly pageId: string;
  readonly type: QuestionType;
  readonly prompt: string;
  readonly weight: number;
  /** Learners whose answer could be judged. */
  readonly learners: number;
  readonly correct: number;
  /** Difficulty index p: the proportion who answered correctly. */
  readonly difficulty: number | null;
  /** Mean points of `weight` (p x weight, as answers are right or wrong). */
  readonly meanScore: number | null;
  /** Corrected point-biserial correlation with the rest score, over learners who answered every question. */
  readonly pointBiserial: number | null;
  /** Upper minus lower 27% proportion correct (groups by rest score), over the same learners. */
  readonly upperLower: number | null;
  readonly medianTimeMs: number | null;
  /** Learners who answered more than once (the latest answer counts). */
  readonly retried: number;
  /** Answers whose response could not be read against the course (it names options it no longer has). */
  readonly unread: number;
  /** Answers the LMS or LRS recorded as right or wrong the other way from the course's answer key now. */
  readonly disagreements: number;
  readonly options: readonly OptionFigures[];
  /** Responses by how often they were given, most frequent first; null while free text is hidden. */
  readonly responses: readonly { readonly label: string; readonly count: number }[] | null;
  readonly distinctResponses: number;
  readonly flags: readonly Flag[];
}

export interface AssessmentFigures {
  readonly questions: number;
  readonly maxPoints: number;
  /** Learners who answered every question: the score statistics are theirs. */
  readonly learners: number;
  /** Scores as a share of the maximum (0..1). */
  readonly mean: number | null;
  readonly standardDeviation: number | null;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly kr20: number | null;
  readonly alpha: number | null;
  readonly mastery: number;
  /** Share of those learners at or above the mastery score. */
  readonly passRate: number | null;
  readonly distribution: readonly { readonly from: number; readonly to: number; readonly count: number }[];
}

export interface PageFigures {
  readonly id: string;
  readonly title: string;
  readonly index: number;
  /** Learners who opened the page. */
  readonly reached: number;
  /** Learners whose furthest page this is and who did not finish the course. */
  readonly stoppedHere: number;
  readonly dropOff: number | null;
  readonly medianTimeMs: number | null;
  readonly flags: readonly Flag[];
}

export interface ActivityFigures {
  readonly id: string;
  readonly title: string;
  readonly submitted: number;
  /** The shared texts, only when the author asked for free text (`--show-text`). */
  readonly texts: readonly string[] | null;
}

export interface LearnerFigures {
  /** A pseudonym, never the identifier. */
  readonly id: string;
  readonly answered: number;
  /** Score as a share of the maximum, when every question was answered. */
  readonly score: number | null;
  readonly furthestPage: string | null;
  readonly completed: boolean;
}

export interface ReportData {
  readonly course: { readonly id: string; readonly title: string; readonly version: string; readonly language: string };
  readonly inputs: readonly InputSummary[];
  readonly learners: number;
  /** Learners with page statements (xAPI and cmi5 only: SCORM interactions say nothing of pages). */
  readonly learnersWithPages: number;
  readonly freeTextShown: boolean;
  readonly assessment: AssessmentFigures;
  readonly questions: readonly QuestionFigures[];
  readonly pages: readonly PageFigures[];
  readonly activities: readonly ActivityFigures[];
  readonly learnerList: readonly LearnerFigures[];
  /** Every flag, questions first, then pages. */
  readonly flags: readonly Flag[];
  /** Caveats about the data (few learners, unread answers...), one sentence each. */
  readonly notes: readonly string[];
}
