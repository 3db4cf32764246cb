/** Titled boxes around Markdown: `:::note`, `:::case-study`, `:::content-warning`. */
import type { Properties } from 'hast';
import { element, titled } from '../render/hast-parts.js';
import { titleAttribute, titleOf, type DirectiveDescriptor, type DirectiveElement } from './directive.js';

export interface BoxInfo {
  readonly title: string | undefined;
}

function box(example: string, tag: DirectiveElement, properties: Properties): DirectiveDescriptor<BoxInfo> {
  return {
    spec: { kind: 'containerDirective', example, attributes: { title: titleAttribute } },
    analyze: (_node, attributes) => ({ title: titleOf(attributes) }),
    assets: () => [],
    render: ({ state, node, info }) => element(tag.tag, { ...properties, ...titled(info.title) }, state.all(node)),
    elements: [tag],
  };
}

const cmNote: DirectiveElement = { tag: 'cm-note', module: 'cm-note.js', className: 'CmNote' };

export const note = box(':::note{title="A title"}', cmNote, { kind: 'note' });
export const caseStudy = box(':::case-study{title="A title"}', cmNote, { kind: 'case-study' });
export const contentWarning = box(':::content-warning', { tag: 'cm-content-warning', module: 'cm-content-warning.js', className: 'CmContentWarning' }, {});
