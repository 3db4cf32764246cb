/** `:::question{#id type=...}`: a scored question; each type reads its answers (scripts/questions/). */
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { QuestionDraft } from '../model/section-draft.js';
import { questionTypes } from '../questions/registry.js';
import { blocks, element, inline, inlineRecord } from '../render/hast-parts.js';
import type { LitValue } from '../render/lit-template.js';
import { readQuestion } from '../validate/question.js';
import { idAttribute, type AnalysisScope, type DirectiveDescriptor } from './directive.js';
import { standalone } from './scorable.js';

export interface QuestionInfo {
  readonly question: QuestionDraft;
}

export const question: DirectiveDescriptor<QuestionInfo> = {
  spec: {
    kind: 'containerDirective',
    example: ':::question{#my-question type=single-choice}',
    attributes: {
      id: idAttribute,
      type: { type: 'enum', required: true, values: questionTypes, hint: `one of ${questionTypes.join(', ')}` },
      weight: { type: 'number', min: 0, hint: 'a number of 0 or more; 2 makes the question count twice' },
      answer: { type: 'text', hint: 'true or false (true-false), or a number (numeric)' },
      tolerance: { type: 'number', min: 0, hint: 'a number of 0 or more' },
      unit: { type: 'text', hint: 'a unit shown after the answer box, such as "%"' },
      'case-sensitive': { type: 'boolean', hint: 'write case-sensitive on its own' },
    },
  },
  analyze(node, attributes, scope) {
    const container = standalone('question', node, attributes, scope);
    if (!container) return 'omit-all';
    const read = readQuestion(container, attributes, scope.file, scope.handled);
    if (!read) {
      // A question that cannot be read is reported once: its feedback lines are not misplaced.
      omitFeedback(container, scope);
      return 'omit';
    }
    scope.addQuestion(read);
    return { question: read };
  },
  assets: () => [],
  render({ state, info, context }) {
    const draft = info.question;
    const data = context.questions.get(draft.fields.id);
    if (!data) return undefined;
    const content: Record<string, LitValue> = { prompt: blocks(state, draft.parts.prompt) };
    if (draft.parts.choices) content.choices = inlineRecord(state, draft.parts.choices);
    const feedback: Record<string, LitValue> = {};
    if (draft.parts.feedback.correct) feedback.correct = inline(state, draft.parts.feedback.correct);
    if (draft.parts.feedback.incorrect) feedback.incorrect = inline(state, draft.parts.feedback.incorrect);
    if (draft.parts.feedback.choices) feedback.choices = inlineRecord(state, draft.parts.feedback.choices);
    content.feedback = { record: feedback };
    return element('cm-question', {}, [], { question: { json: data }, content: { record: content } });
  },
  elements: [{ tag: 'cm-question', module: 'cm-question.js', className: 'CmQuestion' }],
};

function omitFeedback(node: ContainerDirective, scope: AnalysisScope): void {
  visit(node, (child) => {
    if ((child.type === 'textDirective' || child.type === 'leafDirective') && (child.name === 'feedback' || child.name === 'correct' || child.name === 'incorrect') && !scope.handled.has(child)) {
      scope.handled.set(child, { kind: 'omit' });
    }
  });
}
