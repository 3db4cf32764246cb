/** `:::activity{#id}`: a reflection the learner writes, private unless `shared`; `::discussion` splits off the model answer. */
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { report } from '../diagnostics/report.js';
import type { ActivityDraft } from '../model/section-draft.js';
import { blocks, element } from '../render/hast-parts.js';
import type { LitValue } from '../render/lit-template.js';
import type { AttributeValues } from '../validate/directive-specs.js';
import { idAttribute, titleAttribute, titleOf, type AnalysisScope, type DirectiveDescriptor } from './directive.js';
import { standalone } from './scorable.js';

export interface ActivityInfo {
  readonly activity: ActivityDraft;
}

export const activity: DirectiveDescriptor<ActivityInfo> = {
  spec: {
    kind: 'containerDirective',
    example: ':::activity{#my-activity}',
    attributes: {
      id: idAttribute,
      title: titleAttribute,
      shared: {
        type: 'boolean',
        hint: 'write shared on its own to record the learner\'s text in the LMS for tutors to read; without it the text stays on the learner\'s device',
      },
    },
  },
  analyze(node, attributes, scope) {
    const container = standalone('activity', node, attributes, scope);
    if (!container) return 'omit-all';
    const read = readActivity(container, attributes, scope);
    if (!read) return 'omit';
    scope.addActivity(read);
    return { activity: read };
  },
  assets: () => [],
  render({ state, info, context }) {
    const data = context.activities.get(info.activity.id);
    if (!data) return undefined;
    const content: Record<string, LitValue> = { prompt: blocks(state, info.activity.prompt) };
    if (info.activity.discussion) content.discussion = blocks(state, info.activity.discussion);
    return element('cm-activity', {}, [], { activity: { json: data }, content: { record: content } });
  },
  elements: [{ tag: 'cm-activity', module: 'cm-activity.js', className: 'CmActivity' }],
};

function readActivity(node: ContainerDirective, attributes: AttributeValues, scope: AnalysisScope): ActivityDraft | undefined {
  const { file } = scope;
  const separator = node.children.findIndex((child) => child.type === 'leafDirective' && child.name === 'discussion');
  const separatorNode = node.children[separator];
  if (separatorNode?.type === 'leafDirective') scope.handled.set(separatorNode, { kind: 'omit' });
  const prompt = separator >= 0 ? node.children.slice(0, separator) : node.children;
  const discussion = separator >= 0 ? node.children.slice(separator + 1) : undefined;
  if (prompt.length === 0) {
    report(file, 'question-prompt', 'This activity has no prompt: write what the learner should reflect on after the ":::activity" line.', node.position);
  }
  if (discussion?.length === 0) {
    report(file, 'directive-misplaced', '"::discussion" is followed by nothing: write the discussion below it, or remove it.', separatorNode?.position);
  }
  const id = typeof attributes.id === 'string' ? attributes.id : undefined;
  if (id === undefined || prompt.length === 0) return undefined;
  const promptText = prompt.map((child) => toString(child)).join(' ').replace(/\s+/g, ' ').trim();
  return { id, kind: 'reflection', title: titleOf(attributes), promptText, prompt, discussion: discussion?.length ? discussion : undefined, shared: attributes.shared === true, position: node.position };
}
