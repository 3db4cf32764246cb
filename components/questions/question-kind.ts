/**
 * The browser half of a question type: everything the player, the tracking runtime and the
 * verify learner need to know about one type, in one module per type (registry.ts ties them).
 * The build half (reading the Markdown, attributes, validation) is in scripts/questions/.
 */
import type { TemplateResult } from 'lit';
import type { MatchItem, QuestionData } from '../course-data.js';
import type { Formatter, Messages } from '../i18n/index.js';
import type { LearnerResponse } from '../tracker.js';

export type QuestionType = QuestionData['type'];
export type QuestionOf<K extends QuestionType> = Extract<QuestionData, { readonly type: K }>;
export type ResponseOf<K extends QuestionType> = Extract<LearnerResponse, { readonly type: K }>;

/** What a learner has entered into a question but not yet submitted; each type uses its fields. */
export interface Draft {
  /** Selected choice ids (single choice, multiple response) or 'true'/'false' (true/false). */
  readonly selected: readonly string[];
  /** Typed text (fill-in, numeric). */
  readonly text: string;
  /** Matching: source id -> chosen target id. */
  readonly pairs: Readonly<Record<string, string>>;
  /** Sequencing: step ids in the learner's current order. */
  readonly order: readonly string[];
}

export const blankDraft: Draft = { selected: [], text: '', pairs: {}, order: [] };

/** The rich parts of a question, rendered by the build as Lit templates. */
export interface QuestionContent {
  readonly prompt: unknown;
  readonly choices?: Readonly<Record<string, unknown>>;
  readonly feedback?: {
    readonly correct?: unknown;
    readonly incorrect?: unknown;
    readonly choices?: Readonly<Record<string, unknown>>;
  };
}

/** What every type's controls get, whatever the type (controls.ts draws with this alone). */
export interface ControlBase {
  readonly content: QuestionContent | undefined;
  readonly draft: Draft;
  readonly t: Messages;
  readonly fmt: Formatter;
  /** Set when the draft could not be read as an answer (a typed number that is not one). */
  readonly invalid: boolean;
  readonly update: (draft: Draft) => void;
  /** Says something in the question's status region (a step moved). */
  readonly announce: (notice: string) => void;
  /** Focuses the element with this id in the question once the update has rendered. */
  readonly focusAfterUpdate: (id: string) => void;
}

export interface ControlContext<K extends QuestionType> extends ControlBase {
  readonly question: QuestionOf<K>;
}

/**
 * xAPI interaction types (xAPI Data 2.4.4.1.2), which SCORM 2004 shares (RTE 4.2.9.1) and SCORM
 * 1.2 names the same way (long-fill-in is its fill-in).
 */
export type InteractionType = 'choice' | 'true-false' | 'fill-in' | 'long-fill-in' | 'numeric' | 'matching' | 'sequencing';

/**
 * A response or a correct-response pattern as structure, with the player's ids ('a', 'b'; matching
 * sources '1', '2'). Each target writes it in its own format (statements/interaction-definitions.ts,
 * scorm/scorm12-model.ts, scorm/scorm2004-model.ts); nothing is ever parsed back from text.
 */
export type Pattern =
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [source: string, target: string])[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** A number (min === max) or an inclusive range. */
  | { readonly kind: 'number'; readonly min: number; readonly max: number }
  | { readonly kind: 'text'; readonly text: string; readonly caseMatters: boolean };

/** The items an interaction names: choices or steps, or matching's two sides. */
export interface InteractionItems {
  readonly choices: readonly MatchItem[];
  readonly source: readonly MatchItem[];
  readonly target: readonly MatchItem[];
}

/** How the verify learner works a question's controls, as data (scripts/verify/learner.ts runs it). */
export type AnswerStep =
  | { readonly op: 'check'; readonly selector: string }
  | { readonly op: 'fill'; readonly selector: string; readonly text: string }
  | { readonly op: 'select'; readonly selector: string; readonly value: string }
  /** Move steps with their "Move up" buttons until they are in this order. */
  | { readonly op: 'order'; readonly ids: readonly string[] };

/** How the scripted learner answers: from the answer key, against it, or the first option. */
export type AnswerMode = 'correct' | 'wrong' | 'first';

/**
 * One question type's browser half. Methods (not function properties) on purpose: the registry
 * looks kinds up by a type known only at run time, where each is used as the kind of any question.
 */
export interface QuestionKind<K extends QuestionType> {
  readonly type: K;
  /** The draft an unanswered question starts from. */
  emptyDraft(question: QuestionOf<K>): Draft;
  /** The draft that shows a saved response again. */
  draftFrom(question: QuestionOf<K>, response: ResponseOf<K>): Draft;
  /** The response a draft represents, or undefined while it is no answer yet. */
  responseFrom(question: QuestionOf<K>, draft: Draft): ResponseOf<K> | undefined;
  /** The notice for a draft that is not an answer: "give an answer first" or a reason. */
  incomplete(draft: Draft, t: Messages): string;
  renderControls(ctx: ControlContext<K>): TemplateResult;
  /** Option ids the response chose, whose `:feedback[...]` applies. */
  chosen(response: ResponseOf<K>): readonly string[];
  isCorrect(question: QuestionOf<K>, response: ResponseOf<K>): boolean;
  /** Reads a response back from untrusted JSON (localStorage); undefined when it is not one. */
  readResponse(value: Readonly<Record<string, unknown>>): ResponseOf<K> | undefined;
  readonly interaction: {
    readonly type: InteractionType;
    items(question: QuestionOf<K>): Partial<InteractionItems>;
    correct(question: QuestionOf<K>): readonly Pattern[];
    response(question: QuestionOf<K>, response: ResponseOf<K>): Pattern;
  };
  /** Compact resume codec (runtime/resume/response-codec.ts), ASCII from [0-9A-Za-z_~-]. */
  readonly codec: {
    encode(question: QuestionOf<K>, response: ResponseOf<K>): string | undefined;
    decode(question: QuestionOf<K>, code: string): ResponseOf<K> | undefined;
    /** Longest possible `encode` output for this question. */
    worst(question: QuestionOf<K>): number;
    /** What the codec's indices depend on: saved state from another shape must not decode. */
    shape(question: QuestionOf<K>): string;
  };
  answerSteps(question: QuestionOf<K>, mode: AnswerMode): readonly AnswerStep[];
  /** The right answer in words, a line each, shown once a wrong answer is final (`show-answer`). */
  answerText(question: QuestionOf<K>, t: Messages, fmt: Formatter): readonly string[];
}

export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Position of an item with `id`, or -1. */
export const indexOf = (items: readonly { readonly id: string }[], id: string): number => items.findIndex((item) => item.id === id);
