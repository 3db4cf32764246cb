/**
 * The build half of a question type: how it reads its answer key from the `:::question` Markdown
 * and what it reports when it cannot. Its browser half is components/questions/ (same file name);
 * registry.ts ties both to the type names.
 */
import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, Directives, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { QuestionType } from '../../components/course-data.js';
import type { QuestionOf } from '../../components/questions/question-kind.js';
import type { NotInProfile, QtiQuestion } from '../package/cc/qti-question.js';
import { report } from '../diagnostics/report.js';
import type { DirectiveInfo, QuestionFields } from '../model/section-draft.js';
import type { AttributeValues } from '../validate/directive-specs.js';
import type { QuestionReport } from './question-report.js';

// SCORM 1.2 choice responses are single characters [0-9a-z] (RTE 1.2 3.4.4); a-z keeps ids portable.
export const MAX_CHOICES = 26;
export const letters = 'abcdefghijklmnopqrstuvwxyz';

/** The `:::question` settings that only some types read (`id`, `type` and `weight` apply to all). */
export type TypeSetting = 'answer' | 'tolerance' | 'unit' | 'case-sensitive';

/** What a type's reader gets: the question as written, its prompt already split off. */
export interface ReaderInput {
  readonly id: string;
  readonly weight: number;
  readonly promptText: string;
  /** `Question "id"`, for messages. */
  readonly label: string;
  readonly node: ContainerDirective;
  readonly attributes: AttributeValues;
  /** The question's last list, when the type reads one. */
  readonly answers: List | undefined;
  readonly file: VFile;
  /** Directives the question consumes (`:feedback[...]`), so the generic pass leaves them alone. */
  readonly handled: Map<Directives, DirectiveInfo>;
}

export interface ReaderOutput<K extends QuestionType> {
  readonly fields: Extract<QuestionFields, { readonly type: K }>;
  /** Rich labels of the choices, by choice id. */
  readonly choices?: Record<string, PhrasingContent[]>;
  /** `:feedback[...]` written on a choice, by choice id. */
  readonly choiceFeedback?: Record<string, PhrasingContent[]>;
}

export interface QuestionReader<K extends QuestionType> {
  /** True when the answers are a list after the prompt (choices, accepted answers, pairs, steps). */
  readonly answersInList: boolean;
  /** Type-specific settings it reads; any other one on the question is reported as unused. */
  readonly settings: readonly TypeSetting[];
  /** The question's fields, or undefined after reporting why it cannot be scored. */
  read(input: ReaderInput): ReaderOutput<K> | undefined;
  /** How `coursemark report` reads the type's recorded responses and counts its options. */
  readonly report: QuestionReport<K>;
  /**
   * What the question becomes in a Common Cartridge quiz (scripts/package/cc/), or why it cannot be
   * one and stays a self-check on its page (`build --target cc` warns, rule cc-question-type).
   */
  cartridge(question: QuestionOf<K>): QtiQuestion | NotInProfile;
}

/** The answer list's items, or undefined after reporting that there are none. */
export function requireList(input: ReaderInput, what: string): ListItem[] | undefined {
  if (!input.answers || input.answers.children.length === 0) {
    report(input.file, 'question-no-correct', `${input.label} has no answers: add ${what} after the prompt.`, input.node.position);
    return undefined;
  }
  return input.answers.children;
}

/** Plain text of Markdown nodes, white space collapsed (LMS descriptions, accepted answers). */
export function plain(nodes: readonly (RootContent | PhrasingContent | TextDirective | LeafDirective)[]): string {
  return nodes.map((node) => toString(node)).join(' ').replace(/\s+/g, ' ').trim();
}
