/**
 * The elements that Markdown directives render to, with the module (in this folder) and class that
 * implement each. The build reads this table to make every page module import and define exactly
 * the elements it shows (scripts/render/render-modules.ts), so none of them is in the entry chunk.
 * Plain data: the build imports it in Node.
 */
export interface DirectiveElement {
  readonly tag: string;
  readonly module: string;
  readonly className: string;
}

export const DIRECTIVE_ELEMENTS: readonly DirectiveElement[] = [
  { tag: 'cm-activity', module: 'cm-activity.js', className: 'CmActivity' },
  { tag: 'cm-content-warning', module: 'cm-content-warning.js', className: 'CmContentWarning' },
  { tag: 'cm-figure', module: 'cm-figure.js', className: 'CmFigure' },
  { tag: 'cm-note', module: 'cm-note.js', className: 'CmNote' },
  { tag: 'cm-question', module: 'cm-question.js', className: 'CmQuestion' },
  { tag: 'cm-support-link', module: 'cm-support-link.js', className: 'CmSupportLink' },
  { tag: 'cm-term', module: 'cm-term.js', className: 'CmTerm' },
];

/** The directive elements a rendered template uses, in table order. */
export function directiveElementsIn(template: string): DirectiveElement[] {
  return DIRECTIVE_ELEMENTS.filter((element) => template.includes(`<${element.tag}`));
}
