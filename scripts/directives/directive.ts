/**
 * One directive, described whole (in the spirit of Markdoc's tag schemas): its attributes, what a
 * use of it contributes to the section (its analysis and messages), the course files it needs in the
 * package, how it renders, and the elements the page must define for it. registry.ts ties every
 * descriptor to its name, so a directive with a part missing does not compile.
 */
import type { Element, ElementContent } from 'hast';
import type { Root } from 'mdast';
import type { ContainerDirective, Directives, TextDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import type { ActivityDraft, AssetRef, DeclaredKind, DirectiveInfo, QuestionDraft } from '../model/section-draft.js';
import type { PoolInfo } from './question-pool.js';
import type { RenderContext } from '../render/section-to-hast.js';
import type { AttributeSpec, AttributeValues, DirectiveSpec } from '../validate/directive-specs.js';

/** An element of components/ that a directive renders to; the page module imports and defines it. */
export interface DirectiveElement {
  readonly tag: string;
  /** Module in components/ that exports the class. */
  readonly module: string;
  readonly className: string;
}

/** What the section analysis offers a directive while it reads one use. */
export interface AnalysisScope {
  readonly file: VFile;
  /** The container the directive sits in: the page or another container directive; undefined inside a paragraph or list. */
  readonly parent: Root | ContainerDirective | undefined;
  /** What each directive node became; a directive records here the directives it consumes. */
  readonly handled: Map<Directives, DirectiveInfo>;
  /** A course file named by the use, resolved from the page; undefined (reported) when it leads outside the course. */
  asset(path: string, place: AssetRef['position']): AssetRef | undefined;
  addQuestion(question: QuestionDraft): void;
  addActivity(activity: ActivityDraft): void;
  addPool(pool: PoolInfo): void;
  /** Records a question, activity or pool id as written, for the duplicate check across the course. */
  declareId(kind: DeclaredKind, id: string, node: Directives): void;
  addTerm(node: TextDirective, id: string): void;
  /** Makes this node the course's support panel; false when the page already has one. */
  claimSupport(node: ContainerDirective): boolean;
}

/**
 * What a use becomes: the directive's data (drawn by `render`), `omit` (draws nothing; its content
 * is still analysed) or `omit-all` (draws nothing and its content is not analysed).
 */
export type Analysis<Info> = Info | 'omit' | 'omit-all';

/** What `render` gets for one use. */
export interface RenderUse<Info> {
  readonly state: State;
  readonly node: Directives;
  readonly info: Info;
  readonly context: RenderContext;
}

export interface DirectiveDescriptor<Info extends object> {
  readonly spec: DirectiveSpec;
  analyze(node: Directives, attributes: AttributeValues, scope: AnalysisScope): Analysis<Info>;
  /** Course files this use needs packaged; their output paths are part of the page's cache key. */
  assets(info: Info): readonly AssetRef[];
  render(use: RenderUse<Info>): Element | ElementContent[] | undefined;
  /** The elements `render` may produce (none for directives that only mark parts of another). */
  readonly elements: readonly DirectiveElement[];
}

export const idAttribute: AttributeSpec = { type: 'id', required: true, hint: 'an id such as {#my-question}, in lowercase letters, digits and hyphens' };
export const titleAttribute: AttributeSpec = { type: 'text', hint: 'a short title, in quotes if it has spaces' };

/** The `title` attribute when given and not empty. */
export function titleOf(attributes: AttributeValues): string | undefined {
  return typeof attributes.title === 'string' && attributes.title !== '' ? attributes.title : undefined;
}

export const noAssets = (): readonly AssetRef[] => [];

/** Shortens a path or address quoted in a message. */
export function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
