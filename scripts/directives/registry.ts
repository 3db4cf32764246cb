/**
 * Every directive an author can write, by name. The mapped type checks each entry against the
 * descriptor of its own data, so a directive with a part missing does not compile; the analysis,
 * the course model, the page cache and the renderer reach directives only through this table.
 * Adding a directive: its module in this folder, one line here, and its element in components/.
 */
import { activity } from './activity.js';
import { caseStudy, contentWarning, note } from './boxes.js';
import type { AssetRef, DirectiveInfo } from '../model/section-draft.js';
import type { DirectiveDescriptor, DirectiveElement } from './directive.js';
import { figure } from './figure.js';
import { media } from './media.js';
import { correct, discussion, feedback, incorrect } from './parts.js';
import { question } from './question.js';
import { questionPool } from './question-pool.js';
import { span } from './span.js';
import { support } from './support.js';
import { term } from './term.js';

/** What the table must be: every entry a complete descriptor (tested in test/unit/directive-registry.test.ts). */
export type DirectiveTable = Readonly<Record<string, DirectiveDescriptor<object>>>;

export const directives = {
  question,
  'question-pool': questionPool,
  correct,
  incorrect,
  feedback,
  activity,
  discussion,
  'content-warning': contentWarning,
  support,
  figure,
  media,
  note,
  'case-study': caseStudy,
  term,
  span,
} as const satisfies DirectiveTable;

export type DirectiveName = keyof typeof directives;

/** The data a use of directive `K` carries from the analysis to the renderer. */
export type InfoOf<K extends DirectiveName> = (typeof directives)[K] extends DirectiveDescriptor<infer Info> ? Info : never;

export function isDirectiveName(name: string): name is DirectiveName {
  return Object.hasOwn(directives, name);
}

/** The descriptor of a directive whose name is known only at run time. */
export function descriptorOf(name: DirectiveName): DirectiveDescriptor<object> {
  // Each entry is checked against its own data above; a run-time key cannot carry that pairing.
  return directives[name] as DirectiveDescriptor<object>;
}

/** Elements plain Markdown renders to (render/section-to-hast.ts): a code block's copy button. */
export const markdownElements: readonly DirectiveElement[] = [{ tag: 'cm-code', module: 'cm-code.js', className: 'CmCode' }];

/** Every element a directive or Markdown renders to, each once, in name order. */
export const directiveElements: readonly DirectiveElement[] = [
  ...new Map([...Object.values(directives).flatMap((descriptor: DirectiveDescriptor<object>) => descriptor.elements), ...markdownElements].map((element) => [element.tag, element] as const)).values(),
].sort((a, b) => a.tag.localeCompare(b.tag));

/** The directive elements a rendered template uses, in tag order. */
export function directiveElementsIn(template: string): DirectiveElement[] {
  return directiveElements.filter((element) => template.includes(`<${element.tag}`));
}

/** The course files a directive use needs packaged (none for prose read as a directive or an omitted use). */
export function directiveAssets(info: DirectiveInfo): readonly AssetRef[] {
  return info.kind === 'omit' || info.kind === 'literal' ? [] : descriptorOf(info.kind).assets(info.data);
}
