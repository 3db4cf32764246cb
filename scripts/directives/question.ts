/** `:::question{#id type=...}`: a scored question; each type reads its answers (scripts/questions/). */
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { QuestionDraft } from '../model/section-draft.js';
import { questionTypes } from '../questions/registry.js';
import { blocks, element, inline, inlineRecord } from '../render/hast-parts.js';
import type { LitValue } from '../render/lit-template.js';
import { attributePlace, type AttributeValues } from '../validate/directive-specs.js';
import { readQuestion } from '../validate/question.js';
import { report } from '../diagnostics/report.js';
import { poolAround } from './question-pool.js';
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
      attempts: { type: 'number', min: 1, hint: 'a whole number of 1 or more: how many times the learner may check an answer before it is final' },
      'show-answer': { type: 'boolean', hint: 'write show-answer on its own to show the right answer once a wrong one is final' },
      tag: { type: 'text', hint: 'a short word that groups questions in a pool, such as law or support' },
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
    const question = withTries(read, container, attributes, scope);
    scope.addQuestion(question);
    return { question };
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

/**
 * The settings every type shares about trying again: `attempts`, `show-answer`, `tag`, and the
 * pool the question sits in. A pooled question's answer is final at its first check unless the
 * author gives it more attempts: a pool is an assessment, retried as a whole.
 */
function withTries(read: QuestionDraft, node: ContainerDirective, attributes: AttributeValues, scope: AnalysisScope): QuestionDraft {
  const pool = poolAround(scope);
  let attempts = typeof attributes.attempts === 'number' ? attributes.attempts : undefined;
  if (attempts !== undefined && !Number.isInteger(attempts)) {
    report(scope.file, 'directive-attribute', `"attempts" is ${attempts}; it must be a whole number, such as ${Math.max(1, Math.round(attempts))}.`, attributePlace(scope.file, node, 'attempts'));
    attempts = undefined;
  }
  attempts ??= pool === undefined ? undefined : 1;
  const tag = typeof attributes.tag === 'string' && attributes.tag !== '' ? attributes.tag : undefined;
  const fields = {
    ...read.fields,
    ...(attempts === undefined ? {} : { attempts }),
    ...(attributes['show-answer'] === true ? { showAnswer: true as const } : {}),
    ...(pool === undefined ? {} : { poolId: pool.id }),
    ...(tag === undefined ? {} : { tag }),
  };
  return { ...read, fields };
}

function omitFeedback(node: ContainerDirective, scope: AnalysisScope): void {
  visit(node, (child) => {
    if ((child.type === 'textDirective' || child.type === 'leafDirective') && (child.name === 'feedback' || child.name === 'correct' || child.name === 'incorrect') && !scope.handled.has(child)) {
      scope.handled.set(child, { kind: 'omit' });
    }
  });
}
