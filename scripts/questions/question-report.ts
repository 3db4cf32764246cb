/**
 * What `coursemark report` needs from each question type: the response a recorded pattern stands
 * for (the inverse of the browser half's `interaction.response`, components/questions/), the
 * options an item analysis counts, and whether the response is text the learner wrote. Each type's
 * module in this folder holds its own; registry.ts makes a missing one a compile error.
 */
import type { Pattern, QuestionOf, QuestionType, ResponseOf } from '../../components/questions/question-kind.js';

/** One option of a question as the report counts it: a choice, a true/false value, a pair or a step in place. */
export interface ReportOption {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
}

export interface QuestionReport<K extends QuestionType> {
  /**
   * The learner's response that a recorded pattern stands for (ids already the player's 'a', 'b'),
   * or undefined when it names something this question does not have (the course changed).
   */
  fromPattern(question: QuestionOf<K>, pattern: Pattern): ResponseOf<K> | undefined;
  /** The options counted per question; empty when the learner types the answer. */
  options(question: QuestionOf<K>): readonly ReportOption[];
  /** Which of `options` the response picked (or, for pairs and steps, got right). */
  picked(question: QuestionOf<K>, response: ResponseOf<K>): readonly string[];
  /** True when the wrong options are distractors in the item-analysis sense: flagged when few choose them. */
  readonly distractors: boolean;
  /** The response in a few words, for the table of responses. */
  label(question: QuestionOf<K>, response: ResponseOf<K>): string;
  /** True when the response is text the learner wrote: reports hide it unless the author asks. */
  readonly freeText: boolean;
}

/** The ids a pattern lists when each is one of `known` and none repeats; undefined otherwise. */
export function knownIds(pattern: Pattern, known: readonly { readonly id: string }[]): string[] | undefined {
  if (pattern.kind !== 'ids') return undefined;
  const ids = new Set(known.map((item) => item.id));
  const unique = new Set(pattern.ids);
  return unique.size === pattern.ids.length && pattern.ids.every((id) => ids.has(id)) ? [...pattern.ids] : undefined;
}

/** The text of the item with this id, or the id itself. */
export const textOf = (items: readonly { readonly id: string; readonly text: string }[], id: string): string => items.find((item) => item.id === id)?.text ?? id;
