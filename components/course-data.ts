/**
 * The data the build hands to the browser: `CourseOutline` in the `virtual:coursemark/course`
 * module (the entry chunk, what the shell paints), `CourseData` in `virtual:coursemark/details`
 * (its own chunk, loaded as the player starts).
 * The build (scripts/) produces these shapes from its course model; the player (components/)
 * only reads them. Everything here is plain JSON: no functions, no author HTML.
 */
import type { BrandPalette } from './styles/theme-colors.js';

/** The seven question types an author can write (see docs/authoring.md). */
export type QuestionType =
  | 'single-choice'
  | 'multiple-response'
  | 'true-false'
  | 'fill-in'
  | 'numeric'
  | 'matching'
  | 'sequencing';

/**
 * What a SCORM 1.2 package reports in its one status element (`cmi.core.lesson_status`), from
 * `scorm12.status` in course.yaml: the status for a learner who passes, then for one who does not.
 * `completed-*` suits an LMS whose completion rule asks for "completed" (Moodle's usual setting);
 * `passed-*` tells tutors who passed. A course without questions reports `completed` in every mode.
 */
export type Scorm12StatusMode = 'completed-incomplete' | 'completed-failed' | 'passed-incomplete' | 'passed-failed';

/** What the questions part of a completion rule asks: every question answered, or questions not counted. */
/** Which questions completion waits for: all, none, or the assessment (every question pool's attempt finished). */
export type QuestionsRule = 'all' | 'none' | 'assessment';

/**
 * A course-wide completion rule, from `completion` in course.yaml (docs/authoring.md). Pages marked
 * `optional` never count. `all-pages` is `{ pages: 1, questions: 'none' }`, `all-questions`
 * `{ pages: 0, questions: 'all' }`, `all-pages-and-questions` `{ pages: 1, questions: 'all' }`.
 */
export interface CompletionRule {
  /**
   * The share of the required (not optional) pages to view, 0..1, rounded up to whole pages (0.8 of
   * 7 pages is 6 pages); 0 when pages do not count.
   */
  readonly pages: number;
  readonly questions: QuestionsRule;
}

/** An image from the course folder, by its path in the package. */
export interface ImageData {
  readonly src: string;
  /** What the image shows, for people who cannot see it; empty for a decorative image. */
  readonly alt: string;
  /** Its size in pixels as packaged, written on the `<img>` so its box is kept before it loads. */
  readonly width?: number;
  readonly height?: number;
}

/** The institution's logo, with a version for dark mode when the course has one. */
export interface LogoData extends ImageData {
  readonly dark?: string;
}

/** One file of a font the course ships (woff2), by its path in the package. */
export interface FontFaceData {
  readonly src: string;
  /** CSS font-weight, 1 to 1000 (400 regular, 700 bold). */
  readonly weight: number;
  readonly style: 'normal' | 'italic';
}

/** The course's look, from course.yaml `theme` (colours validated at build time as #rrggbb). */
export interface ThemeData {
  /** The brand's main colour: buttons and brand bars as given; links and focus rings in a readable shade. */
  readonly accent: string;
  /** A second brand colour: the cover's band as given; the cover's small print in a readable shade. */
  readonly secondary?: string;
  /** The background of the header and the cover, as given. */
  readonly surface?: string;
  /** The brand's own colours for dark mode; the ones above serve both schemes otherwise. */
  readonly dark?: { readonly accent?: string; readonly secondary?: string; readonly surface?: string };
  /** The font stack: the course's own font falls back to it. */
  readonly font: 'sans' | 'serif';
  /** The family of the font the course ships, first in the stack. */
  readonly fontFamily?: string;
  readonly fontFaces?: readonly FontFaceData[];
  /** The institution's logo, in the header and on the cover. */
  readonly logo?: LogoData;
}

/**
 * The cover page shown when the course opens (course.yaml `cover`): what the course is about, how
 * long it takes, what the learner will do, and a button to start or to continue.
 */
export interface CoverData {
  readonly description: string;
  readonly image?: ImageData;
  /** Estimated minutes: course.yaml's, else the sum of the pages' `duration` when every page has one. */
  readonly duration?: number;
  /** What the learner will do, one sentence each. */
  readonly outcomes: readonly string[];
}

export interface PageInfo {
  /** Stable page slug, from frontmatter `id` or the file name without its order prefix. */
  readonly id: string;
  /** Absolute IRI: `<course id>/pages/<id>`. Used as the xAPI activity id. */
  readonly iri: string;
  readonly title: string;
  /** Position in the course, 0-based. */
  readonly index: number;
  /** The page's language (frontmatter `lang`), when it is not the course's: a BCP 47 tag. */
  readonly lang?: string;
  /** The writing direction of `lang`, given with it. */
  readonly dir?: 'ltr' | 'rtl';
  readonly objectives: readonly string[];
  /** Estimated minutes, when the author gave one. */
  readonly duration?: number;
  /** Frontmatter `optional: true`: listed and navigable, but not counted towards completion or progress. */
  readonly optional?: true;
  /** Question ids (local ids) on this page, in order. */
  readonly questions: readonly string[];
  /** Activity ids (local ids) on this page, in order. */
  readonly activities: readonly string[];
  /** Headings of the page body (level 2 and 3), for in-page anchors. */
  readonly headings: readonly { readonly id: string; readonly text: string; readonly depth: number }[];
}

interface QuestionBase {
  /** Author's id, unique in the course (`{#id}` on the directive). */
  readonly id: string;
  /** Absolute IRI: `<course id>/questions/<id>`. */
  readonly iri: string;
  readonly pageId: string;
  /** Relative weight in the course score; >= 0, default 1. */
  readonly weight: number;
  /** Plain-text prompt, for LMS interaction descriptions (the page shows the rich one). */
  readonly promptText: string;
  /**
   * How many checks the learner has before the answer is final (`attempts=N`); a right answer is
   * final at once. Absent: unlimited, except in a question pool, where the build writes 1.
   */
  readonly attempts?: number;
  /** `show-answer`: once the answer is final and wrong, the right answer is shown. */
  readonly showAnswer?: true;
  /** The question pool it belongs to (`:::question-pool`), if any. */
  readonly poolId?: string;
  /** `tag=...`: the group a stratified pool draws evenly from. */
  readonly tag?: string;
}

export interface ChoiceOption {
  /** 'a', 'b', ... in the order the author wrote them. */
  readonly id: string;
  /** Plain-text label, for LMS descriptions and screen readers. */
  readonly text: string;
  readonly correct: boolean;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly type: 'single-choice';
  readonly choices: readonly ChoiceOption[];
}
export interface MultipleResponseQuestion extends QuestionBase {
  readonly type: 'multiple-response';
  readonly choices: readonly ChoiceOption[];
}
export interface TrueFalseQuestion extends QuestionBase {
  readonly type: 'true-false';
  readonly answer: boolean;
}
export interface FillInQuestion extends QuestionBase {
  readonly type: 'fill-in';
  /** Accepted answers; compared after trimming and collapsing white space. */
  readonly answers: readonly string[];
  readonly caseSensitive: boolean;
}
export interface NumericQuestion extends QuestionBase {
  readonly type: 'numeric';
  readonly answer: number;
  /** Accepted distance from `answer`, inclusive; 0 means exact. */
  readonly tolerance: number;
  readonly unit?: string;
}
export interface MatchItem {
  readonly id: string;
  readonly text: string;
}
export interface MatchingQuestion extends QuestionBase {
  readonly type: 'matching';
  /** Left-hand items ('1', '2', ...), in author order. */
  readonly sources: readonly MatchItem[];
  /** Right-hand items ('a', 'b', ...), in author order; may contain unused distractors. */
  readonly targets: readonly MatchItem[];
  /** The correct pairs: source id -> target id. */
  readonly pairs: readonly (readonly [source: string, target: string])[];
}
export interface SequencingQuestion extends QuestionBase {
  readonly type: 'sequencing';
  /** Steps ('a', 'b', ...) in the correct order. */
  readonly steps: readonly MatchItem[];
}

export type QuestionData =
  | SingleChoiceQuestion
  | MultipleResponseQuestion
  | TrueFalseQuestion
  | FillInQuestion
  | NumericQuestion
  | MatchingQuestion
  | SequencingQuestion;

/**
 * What an activity asks of the learner: a reflection to write (`:::activity`), or a video or a sound
 * to play to its end (`:::media{required}`). None is scored; each counts towards its page.
 */
export type ActivityKind = 'reflection' | 'video' | 'audio';

export interface ActivityData {
  readonly id: string;
  readonly kind: ActivityKind;
  /** Absolute IRI: `<course id>/activities/<id>`. */
  readonly iri: string;
  readonly pageId: string;
  readonly title: string;
  readonly promptText: string;
  readonly hasDiscussion: boolean;
  /**
   * `shared` on the directive: the learner's text is recorded in the LMS or LRS for tutors to read.
   * Otherwise the activity is private: the text stays on the learner's device and the LMS learns
   * only that the activity was done.
   */
  readonly shared: boolean;
}

/**
 * A named group of pages, from `parts` in course.yaml: how a cmi5 package can split the course into
 * assignable units (one AU per part, or one block of page AUs per part).
 */
export interface PartData {
  /** From the part's `id`, else its title; never the id of a page (a launch's `?au=` names either). */
  readonly id: string;
  readonly title: string;
  /** Page ids, in course order. */
  readonly pages: readonly string[];
}

/**
 * A question pool (`::::question-pool`): each attempt shows a random draw of `draw` of its
 * questions (stratified by their tags when asked), and the learner may try the whole set again
 * `retries` times while below the pass mark. Only drawn questions are recorded and scored.
 */
export interface PoolData {
  readonly id: string;
  /** Absolute IRI: `<course id>/pools/<id>`. */
  readonly iri: string;
  readonly pageId: string;
  readonly title: string;
  /** Question ids, in the author's order. */
  readonly questions: readonly string[];
  /** How many questions each attempt draws: 1..questions.length. */
  readonly draw: number;
  /** Draw evenly from each `tag` group of the pool's questions. */
  readonly stratify: boolean;
  /** How many more attempts of the whole set the learner may take: 0 or more. */
  readonly retries: number;
  /** Which attempt counts towards the course score: the last one taken, or the best one. */
  readonly counts: 'last' | 'best';
}

export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  readonly definition: string;
}

export interface CourseData {
  /** Absolute IRI from course.yaml `id`: the course's activity id. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** BCP 47 tag from course.yaml. */
  readonly language: string;
  /** Writing direction derived from `language`. */
  readonly dir: 'ltr' | 'rtl';
  readonly version: string;
  readonly authors: readonly string[];
  readonly license: string;
  /** Passing score, 0..1 of the weighted question score. */
  readonly mastery: number;
  /**
   * `passing: pools` in course.yaml: the score and the pass are over the questions of question pools
   * only, the others being practice; absent: over every question.
   */
  readonly scoreOver?: 'pools';
  readonly completion: CompletionRule;
  readonly scorm12Status: Scorm12StatusMode;
  readonly theme: ThemeData;
  readonly pages: readonly PageInfo[];
  /** Every question in the course, in page order (a pool's questions too, drawn or not). */
  readonly questions: readonly QuestionData[];
  /** The course's question pools, in page order; absent when it has none. */
  readonly pools?: readonly PoolData[];
  readonly activities: readonly ActivityData[];
  readonly glossary: readonly GlossaryEntry[];
  /** Parts declared in course.yaml, in course order; empty when there are none. */
  readonly parts: readonly PartData[];
  /** Title of the help-and-support panel, when the course has one. */
  readonly supportTitle?: string;
  /** The cover page, when course.yaml asks for one. */
  readonly cover?: CoverData;
}

/** A page as the contents list and the page navigation show it. */
export interface PageOutline {
  readonly id: string;
  readonly title: string;
  /** Position in the course, 0-based. */
  readonly index: number;
  /** The page's language, when it is not the course's (its title is read in that language). */
  readonly lang?: string;
  readonly dir?: 'ltr' | 'rtl';
  /** The contents list says so (`PageInfo.optional`). */
  readonly optional?: true;
}

/**
 * What the player shell paints before the rest of the course data has arrived: kept small, since it
 * is in the entry chunk (a 500-page course adds only its page titles). Derived from `CourseData` by
 * `outlineOf` (course-outline.ts).
 */
export interface CourseOutline {
  readonly title: string;
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
  readonly theme: ThemeData;
  /** The brand colours and their contrast-safe shades, computed by the build (styles/theme-colors.ts). */
  readonly palette: BrandPalette;
  readonly pages: readonly PageOutline[];
  /** Whether the contents list links to a glossary. */
  readonly hasGlossary: boolean;
  /** The course's parts (see `PartData`): a cmi5 AU launch may ask for one of them. */
  readonly parts: readonly PartData[];
  /** Whether the course opens on its cover page (a cmi5 AU launched for part of the course does not). */
  readonly cover: boolean;
}
