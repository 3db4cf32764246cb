/** What questions and activities share: they stand on their own, between paragraphs, never nested. */
import type { ContainerDirective, Directives } from 'mdast-util-directive';
import { report } from '../diagnostics/report.js';
import type { AttributeValues } from '../validate/directive-specs.js';
import type { AnalysisScope } from './directive.js';

/**
 * The node as a container on its own with its id declared, or undefined after reporting that it is
 * nested in another question, activity or list.
 */
export function standalone(name: 'question' | 'activity', node: Directives, attributes: AttributeValues, scope: AnalysisScope): ContainerDirective | undefined {
  const { parent } = scope;
  const nested = parent?.type === 'containerDirective' && (parent.name === 'question' || parent.name === 'activity');
  if (nested || parent === undefined || node.type !== 'containerDirective') {
    report(scope.file, 'directive-misplaced', `A ${name} cannot sit inside another question, activity or list; put it on its own, between paragraphs.`, node.position);
    return undefined;
  }
  if (typeof attributes.id === 'string') scope.declareId(name, attributes.id, node);
  return node;
}
