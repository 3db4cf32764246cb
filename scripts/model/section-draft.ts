import type { ActivityKind } from '../../components/course-data.js';
import type { Heading, Image, Link, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, Directives, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { QuestionData } from '../../components/course-data.js';
import type { PoolInfo } from '../directives/question-pool.js';
import type { DirectiveName, InfoOf } from '../directives/registry.js';
import type { SectionFrontmatter } from '../validate/frontmatter.js';

/** A question as written, before it gets its IRI and page: the data part of QuestionData. */
export type QuestionFields = QuestionData extends infer Q ? (Q extends QuestionData ? Omit<Q, 'iri' | 'pageId'> : never) : never;

/** The rich (Markdown) parts of a question, rendered on the page. */
export interface QuestionParts {
  readonly prompt: readonly RootContent[];
  readonly choices?: Readonly<Record<string, readonly PhrasingContent[]>>;
  readonly feedback: {
    readonly correct?: readonly PhrasingContent[];
    readonly incorrect?: readonly PhrasingContent[];
    readonly choices?: Readonly<Record<string, readonly PhrasingContent[]>>;
  };
}

export interface QuestionDraft {
  readonly fields: QuestionFields;
  readonly parts: QuestionParts;
  readonly position: Position | undefined;
}

/** What a declared id names: ids are unique per kind across the course. */
export type DeclaredKind = 'question' | 'activity' | 'pool';

export interface ActivityDraft {
  readonly id: string;
  /** What the learner does: writes a reflection, or plays a video or a sound to its end. */
  readonly kind: ActivityKind;
  readonly title: string | undefined;
  readonly promptText: string;
  readonly prompt: readonly RootContent[];
  readonly discussion: readonly RootContent[] | undefined;
  /** `shared` on the directive; activities are private otherwise. */
  readonly shared: boolean;
  readonly position: Position | undefined;
}

/**
 * What a directive node turned into: a directive's own data (scripts/directives/), drawn by its
 * descriptor, or one of the two kinds that draw no directive.
 */
export type DirectiveInfo =
  | { readonly [K in DirectiveName]: { readonly kind: K; readonly data: InfoOf<K> } }[DirectiveName]
  /**
   * Prose that Markdown read as a text directive, such as "10:30", "16:9{approx}" or "Python:list[int]":
   * drawn as the text it was, `open` + the label's content + `close`.
   */
  | { readonly kind: 'literal'; readonly open: string; readonly close: string }
  /** Consumed by its parent (feedback lines, discussion separators) or invalid: draws nothing. */
  | { readonly kind: 'omit' };

/** A reference from a page to a file in the course folder (image, figure, download). */
export interface AssetRef {
  /** Path relative to the course folder, with `/` separators. */
  readonly path: string;
  readonly position: Position | undefined;
}

/** A link to another page (by file name) or to a heading, resolved once every page is known. */
export interface PageLinkRef {
  readonly node: Link;
  /** Where the address is written: the link itself, or the definition of a reference-style link. */
  readonly place: Position | undefined;
  /** Section file name (`02-sexting.md`); undefined for an anchor on the same page. */
  readonly fileName: string | undefined;
  readonly anchor: string | undefined;
}

/** One section after analysis: its tree plus everything the course model needs from it. */
export interface SectionDraft {
  readonly file: VFile;
  /** File name inside sections/, e.g. `02-sexting.md`. */
  readonly fileName: string;
  readonly frontmatter: SectionFrontmatter;
  /** Page id: frontmatter `id`, else the file name without order prefix and extension. */
  readonly pageId: string;
  readonly tree: Root;
  readonly directives: ReadonlyMap<Directives, DirectiveInfo>;
  readonly questions: readonly QuestionDraft[];
  readonly activities: readonly ActivityDraft[];
  /** Question pools, in page order. */
  readonly pools: readonly PoolInfo[];
  readonly headings: readonly { readonly id: string; readonly text: string; readonly depth: number; readonly node: Heading }[];
  readonly pageLinks: readonly PageLinkRef[];
  readonly assetLinks: readonly { readonly node: Link | Image; readonly asset: AssetRef }[];
  readonly terms: readonly { readonly node: TextDirective; readonly id: string }[];
  readonly support: ContainerDirective | undefined;
  /** Every question and activity id as written, valid or not, for duplicate checks. */
  readonly declaredIds: readonly { readonly kind: DeclaredKind; readonly id: string; readonly position: Position | undefined }[];
  /** Where the page's id comes from: the frontmatter `id` value, or the top of the file. */
  readonly idPlace: Position | undefined;
}

export type { ContainerDirective, LeafDirective, Nodes, TextDirective };
