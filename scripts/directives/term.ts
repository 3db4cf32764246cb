/** `:term[text]{id=...}`: a glossary term; the id defaults to the text's (glossary.ts). */
import { toString } from 'mdast-util-to-string';
import { report } from '../diagnostics/report.js';
import { element } from '../render/hast-parts.js';
import { termIdFor } from '../validate/glossary.js';
import type { DirectiveDescriptor } from './directive.js';

export interface TermInfo {
  readonly id: string;
}

export const term: DirectiveDescriptor<TermInfo> = {
  spec: { kind: 'textDirective', example: ':term[sextortion]', attributes: { id: { type: 'id', hint: 'the id of a glossary.yaml entry' } } },
  analyze(node, attributes, scope) {
    const label = toString(node).trim();
    const id = typeof attributes.id === 'string' ? attributes.id : termIdFor(label);
    if (label === '') report(scope.file, 'directive-attribute', 'A term needs its text in brackets: :term[sextortion].', node.position);
    if (node.type === 'textDirective') scope.addTerm(node, id);
    return { id };
  },
  assets: () => [],
  render: ({ state, node, info }) => element('cm-term', { term: info.id }, state.all(node)),
  elements: [{ tag: 'cm-term', module: 'cm-term.js', className: 'CmTerm' }],
};
