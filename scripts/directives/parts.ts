/**
 * Directives that only mark a part of another: `::correct[...]`, `::incorrect[...]` and
 * `:feedback[...]` inside a question, `::discussion` inside an activity. Their container consumes
 * them; anywhere else they are misplaced.
 */
import { report } from '../diagnostics/report.js';
import type { DirectiveSpec } from '../validate/directive-specs.js';
import type { DirectiveDescriptor } from './directive.js';

function partOf(spec: DirectiveSpec, misplaced: string): DirectiveDescriptor<object> {
  return {
    spec,
    analyze(node, _attributes, scope) {
      report(scope.file, 'directive-misplaced', misplaced, node.position);
      return 'omit-all';
    },
    assets: () => [],
    render: () => undefined,
    elements: [],
  };
}

export const correct = partOf({ kind: 'leafDirective', example: '::correct[Feedback for a right answer]', attributes: {} }, '"::correct" belongs inside a ":::question".');
export const incorrect = partOf({ kind: 'leafDirective', example: '::incorrect[Feedback for a wrong answer]', attributes: {} }, '"::incorrect" belongs inside a ":::question".');
export const feedback = partOf(
  { kind: 'textDirective', example: '- [ ] A choice :feedback[Why this choice is right or wrong]', attributes: {} },
  '":feedback[...]" belongs at the end of a choice line inside a single-choice or multiple-response question.',
);
export const discussion = partOf(
  { kind: 'leafDirective', example: '::discussion', attributes: {} },
  '"::discussion" belongs inside an ":::activity", on its own line between the prompt and the discussion.',
);
