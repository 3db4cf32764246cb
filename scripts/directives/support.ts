/** `:::support{title=...}`: the course's one help-and-support panel; the page shows a link that opens it. */
import { report } from '../diagnostics/report.js';
import { element } from '../render/hast-parts.js';
import type { BoxInfo } from './boxes.js';
import { titleAttribute, titleOf, type DirectiveDescriptor } from './directive.js';

export const support: DirectiveDescriptor<BoxInfo> = {
  spec: { kind: 'containerDirective', example: ':::support{title="Help and support"}', attributes: { title: titleAttribute } },
  analyze(node, attributes, scope) {
    if (node.type === 'containerDirective' && !scope.claimSupport(node)) {
      report(scope.file, 'support-duplicate', 'A course has one help-and-support panel; this page already has a ":::support". Merge them.', node.position);
    }
    return { title: titleOf(attributes) };
  },
  assets: () => [],
  render: () => element('cm-support-link', {}, []),
  elements: [{ tag: 'cm-support-link', module: 'cm-support-link.js', className: 'CmSupportLink' }],
};
