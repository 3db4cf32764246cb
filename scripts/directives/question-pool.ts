/**
 * `::::question-pool{#id draw=N retries=R counts=best stratify}`: questions of which each learner
 * gets a random draw per attempt, and "Try again" for the whole set while below the pass mark
 * (components/pools.ts). The pool's questions are `:::question` containers inside it; the course
 * model checks the draw against them (build-course-model.ts).
 */
import type { Directives } from 'mdast-util-directive';
import type { Position } from 'unist';
import { report } from '../diagnostics/report.js';
import { attributePlace } from '../validate/directive-specs.js';
import { element } from '../render/hast-parts.js';
import type { AnalysisScope, DirectiveDescriptor } from './directive.js';
import { idAttribute, titleAttribute, titleOf } from './directive.js';

export interface PoolInfo {
  readonly id: string;
  readonly title: string | undefined;
  /** How many questions each attempt shows; undefined: all of them. */
  readonly draw: number | undefined;
  readonly retries: number;
  readonly counts: 'last' | 'best';
  readonly stratify: boolean;
  readonly position: Position | undefined;
}

export const questionPool: DirectiveDescriptor<PoolInfo> = {
  spec: {
    kind: 'containerDirective',
    example: '::::question-pool{#final-check draw=3 retries=2}',
    attributes: {
      id: idAttribute,
      title: titleAttribute,
      draw: { type: 'number', min: 1, hint: 'a whole number of 1 or more: how many of the pool\'s questions each attempt shows' },
      retries: { type: 'number', min: 0, hint: 'a whole number of 0 or more: how many times the learner may try the whole set again' },
      counts: { type: 'enum', values: ['last', 'best'], hint: 'last or best: which attempt counts towards the score' },
      stratify: { type: 'boolean', hint: 'write stratify on its own to draw evenly from each tag of the pool\'s questions' },
    },
  },
  analyze(node, attributes, scope) {
    if (!placed(node, scope)) return 'omit';
    const whole = (name: 'draw' | 'retries'): number | undefined => {
      const value = attributes[name];
      if (typeof value !== 'number') return undefined;
      if (Number.isInteger(value)) return value;
      report(scope.file, 'directive-attribute', `"${name}" on "question-pool" is ${value}; it must be a whole number, such as ${Math.max(name === 'draw' ? 1 : 0, Math.round(value))}.`, attributePlace(scope.file, node, name));
      return undefined;
    };
    if (typeof attributes.id !== 'string') return 'omit';
    scope.declareId('pool', attributes.id, node);
    const info: PoolInfo = {
      id: attributes.id,
      title: titleOf(attributes),
      draw: whole('draw'),
      retries: whole('retries') ?? 0,
      counts: attributes.counts === 'best' ? 'best' : 'last',
      stratify: attributes.stratify === true,
      position: node.position,
    };
    scope.addPool(info);
    return info;
  },
  assets: () => [],
  render({ state, node, info, context }) {
    const data = context.pools.get(info.id);
    const children = state.all(node);
    // A pool the model refused (reported) is drawn as its questions alone.
    if (!data) return children;
    return element('cm-pool', {}, children, { pool: { json: data } });
  },
  elements: [{ tag: 'cm-pool', module: 'cm-pool.js', className: 'CmPool' }],
};

/** A pool stands on the page (or in a box), never in another pool, question or activity. */
function placed(node: Directives, scope: AnalysisScope): boolean {
  const { parent } = scope;
  const inside = parent?.type === 'containerDirective' && (parent.name === 'question-pool' || parent.name === 'question' || parent.name === 'activity');
  if (inside || parent === undefined || node.type !== 'containerDirective') {
    report(scope.file, 'directive-misplaced', 'A question pool cannot sit inside another pool, a question, an activity or a list; put it on its own, between paragraphs, with its questions inside it.', node.position);
    return false;
  }
  return true;
}

/** The pool a question sits in directly, as analysed (undefined outside pools or in a refused one). */
export function poolAround(scope: AnalysisScope): PoolInfo | undefined {
  const { parent } = scope;
  if (parent?.type !== 'containerDirective' || parent.name !== 'question-pool') return undefined;
  const info = scope.handled.get(parent);
  return info?.kind === 'question-pool' ? info.data : undefined;
}
