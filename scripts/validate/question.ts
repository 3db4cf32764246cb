import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, Directives, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { ChoiceOption, MatchItem, QuestionType } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import type { DirectiveInfo, QuestionDraft, QuestionFields, QuestionParts } from '../model/section-draft.js';
import type { AttributeValues } from './directive-specs.js';

// SCORM 1.2 choice responses are single characters [0-9a-z] (RTE 1.2 3.4.4); a-z keeps ids portable.
const MAX_CHOICES = 26;
const letters = 'abcdefghijklmnopqrstuvwxyz';

interface Split {
  readonly prompt: RootContent[];
  readonly answers: List | undefined;
  /** Set when the answers cannot be read and the problem has been reported (no further messages). */
  readonly unreadable?: true;
  readonly feedback: { correct?: PhrasingContent[]; incorrect?: PhrasingContent[] };
}

/**
 * Reads a `:::question` container: prompt, answers (by type), feedback. Problems become positioned
 * messages; returns undefined when the question cannot be scored. Feedback directives it consumes are
 * recorded in `handled` so the generic directive pass leaves them alone.
 */
export function readQuestion(node: ContainerDirective, attributes: AttributeValues, file: VFile, handled: Map<Directives, DirectiveInfo>): QuestionDraft | undefined {
  const id = typeof attributes.id === 'string' ? attributes.id : undefined;
  const type = attributes.type as QuestionType | undefined;
  const label = id ? `Question "${id}"` : 'This question';
  const split = splitQuestion(node, file, handled, type);
  if (split.prompt.length === 0) {
    report(file, 'question-prompt', `${label} has no prompt. Write the question as a paragraph after the ":::question" line.`, node.position);
  }
  if (!id || !type || split.unreadable) return undefined;
  const weight = typeof attributes.weight === 'number' ? attributes.weight : 1;
  const base = { id, weight, promptText: plain(split.prompt) };
  const built = buildFields(type, { ...base, label, node, attributes, answers: split.answers, file, handled });
  if (!built) return undefined;
  warnUnusedAttributes(type, attributes, node, file);
  const parts: QuestionParts = {
    prompt: split.prompt,
    ...(built.choices ? { choices: built.choices } : {}),
    feedback: { ...split.feedback, ...(built.choiceFeedback ? { choices: built.choiceFeedback } : {}) },
  };
  return { fields: built.fields, parts, position: node.position };
}

function splitQuestion(node: ContainerDirective, file: VFile, handled: Map<Directives, DirectiveInfo>, type: QuestionType | undefined): Split {
  const needsList = type !== 'true-false' && type !== 'numeric';
  const lists = node.children.filter((child): child is List => child.type === 'list');
  // The answers are the last list: a prompt may itself contain a list before them.
  const answers = needsList ? lists.at(-1) : undefined;
  const label = typeof node.attributes?.id === 'string' ? `Question "${node.attributes.id}"` : 'This question';
  if (needsList && answersProblem(node, answers, file, label)) return { prompt: node.children.filter((child) => child.type === 'paragraph'), answers: undefined, feedback: {}, unreadable: true };
  const prompt: RootContent[] = [];
  const feedback: { correct?: PhrasingContent[]; incorrect?: PhrasingContent[] } = {};
  for (const child of node.children) {
    if (child === answers) continue;
    if (child.type === 'leafDirective' && (child.name === 'correct' || child.name === 'incorrect')) {
      handled.set(child, { kind: 'omit' });
      if (feedback[child.name]) report(file, 'directive-misplaced', `This question already has "::${child.name}" feedback; keep one.`, child.position);
      else if (child.children.length === 0) report(file, 'question-answers', `"::${child.name}" needs its text in brackets: ::${child.name}[Your feedback].`, child.position);
      else feedback[child.name] = child.children;
      continue;
    }
    prompt.push(child);
  }
  return { prompt, answers, feedback };
}

// An indented code block (four spaces or a tab) whose lines are list items: answers indented too far.
const LIST_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/**
 * The ways Markdown reads an author's answers as something else: indented into a code block, split
 * into two lists by a change of marker ("- " then "1."), or one answer nested under another. Each is
 * reported once, where it happens, instead of the "no answers" or "no correct answer" it would cause.
 */
function answersProblem(node: ContainerDirective, answers: List | undefined, file: VFile, label: string): boolean {
  const text = String(file.value);
  const code = node.children.find((child) => child.type === 'code' && child.position !== undefined && !/^[ \t>]*(`{3,}|~{3,})/.test(text.slice(text.lastIndexOf('\n', (child.position.start.offset ?? 0) - 1) + 1)));
  if (code?.type === 'code' && code.value.split('\n').some((line) => LIST_LINE.test(line)) && answers === undefined) {
    report(file, 'question-answers', `The answers of ${label.replace(/^Question/, 'question').replace(/^This question/, 'this question')} are indented four spaces or more, so Markdown shows them as code instead of a list. Start each answer line at the margin, like "- [x] A right answer".`, code.position);
    return true;
  }
  if (answers === undefined) return false;
  const index = node.children.indexOf(answers);
  const before = node.children[index - 1];
  if (before?.type === 'list') {
    const marker = (list: List): string => (list.ordered === true ? '"1."' : `"${text.charAt(list.position?.start.offset ?? 0)} "`);
    const first = before.position?.start.line;
    report(file, 'question-answers', `The answers of ${label.replace(/^Question/, 'question').replace(/^This question/, 'this question')} are split into two lists: line ${first ?? '?'} starts with ${marker(before)} and line ${answers.position?.start.line ?? '?'} with ${marker(answers)}, and Markdown starts a new list when the marker changes. Write every answer with the same marker.`, before.position);
    return true;
  }
  for (const item of answers.children) {
    const nested = item.children.find((child): child is List => child.type === 'list');
    if (nested) {
      report(file, 'question-answers', `This answer is indented under the one above it, so Markdown nests it inside that answer. Start every answer at the same indentation as the first.`, nested.position);
      return true;
    }
  }
  return false;
}

interface FieldInput {
  readonly id: string;
  readonly weight: number;
  readonly promptText: string;
  readonly label: string;
  readonly node: ContainerDirective;
  readonly attributes: AttributeValues;
  readonly answers: List | undefined;
  readonly file: VFile;
  readonly handled: Map<Directives, DirectiveInfo>;
}

interface Built {
  readonly fields: QuestionFields;
  readonly choices?: Record<string, PhrasingContent[]>;
  readonly choiceFeedback?: Record<string, PhrasingContent[]>;
}

function buildFields(type: QuestionType, input: FieldInput): Built | undefined {
  const { id, weight, promptText } = input;
  const base = { id, weight, promptText };
  switch (type) {
    case 'single-choice':
    case 'multiple-response':
      return buildChoice(type, input);
    case 'true-false': {
      const answer = input.attributes.answer;
      if (answer !== 'true' && answer !== 'false') {
        report(input.file, 'question-no-correct', `${input.label} (true-false) needs its answer: add answer=true or answer=false to the braces.`, input.node.position);
        return undefined;
      }
      return { fields: { ...base, type, answer: answer === 'true' } };
    }
    case 'numeric': {
      const answer = Number(input.attributes.answer);
      if (input.attributes.answer === undefined || input.attributes.answer === '' || !Number.isFinite(answer)) {
        report(input.file, 'question-no-correct', `${input.label} (numeric) needs its answer as a number: add answer=42 (and optionally tolerance=1) to the braces.`, input.node.position);
        return undefined;
      }
      const tolerance = typeof input.attributes.tolerance === 'number' ? input.attributes.tolerance : 0;
      const unit = typeof input.attributes.unit === 'string' && input.attributes.unit !== '' ? { unit: input.attributes.unit } : {};
      return { fields: { ...base, type, answer, tolerance, ...unit } };
    }
    case 'fill-in': {
      const items = requireList(input, 'an accepted answer per "- " line');
      if (!items) return undefined;
      const answers = items.map((item) => plain(item.children));
      if (items.some((item) => item.checked !== null && item.checked !== undefined)) {
        report(input.file, 'question-answers', `${input.label} (fill-in) lists accepted answers as plain "- answer" lines, without [ ] or [x].`, input.answers?.position);
      }
      return { fields: { ...base, type, answers, caseSensitive: input.attributes['case-sensitive'] === true } };
    }
    case 'matching':
      return buildMatching(input);
    case 'sequencing': {
      const items = requireList(input, 'the steps as a numbered list (1. 2. 3.) in the correct order');
      if (!items) return undefined;
      if (input.answers?.ordered !== true) {
        report(input.file, 'question-answers', `${input.label} (sequencing) needs its steps as a numbered list (1. 2. 3.) in the correct order.`, input.answers?.position);
        return undefined;
      }
      if (items.length < 2 || items.length > MAX_CHOICES) {
        report(input.file, 'question-answers', `${input.label} (sequencing) needs from 2 to ${MAX_CHOICES} steps; it has ${items.length}.`, input.answers.position);
        return undefined;
      }
      const steps: MatchItem[] = items.map((item, index) => ({ id: letters[index] ?? String(index), text: plain(item.children) }));
      return { fields: { ...base, type, steps } };
    }
  }
}

function requireList(input: FieldInput, what: string): ListItem[] | undefined {
  if (!input.answers || input.answers.children.length === 0) {
    report(input.file, 'question-no-correct', `${input.label} has no answers: add ${what} after the prompt.`, input.node.position);
    return undefined;
  }
  return input.answers.children;
}

function buildChoice(type: 'single-choice' | 'multiple-response', input: FieldInput): Built | undefined {
  const items = requireList(input, 'the choices as a task list ("- [ ] wrong", "- [x] right")');
  if (!items) return undefined;
  if (items.length > MAX_CHOICES) {
    report(input.file, 'question-answers', `${input.label} has ${items.length} choices; the most an LMS can record is ${MAX_CHOICES}.`, input.answers?.position);
    return undefined;
  }
  const options: ChoiceOption[] = [];
  const choices: Record<string, PhrasingContent[]> = {};
  const choiceFeedback: Record<string, PhrasingContent[]> = {};
  let valid = true;
  items.forEach((item, index) => {
    const choiceId = letters[index] ?? String(index);
    if (item.checked === null || item.checked === undefined) {
      report(input.file, 'question-answers', `In ${input.label}, each choice starts with "[ ]" (wrong) or "[x]" (right), like "- [x] A right answer".`, item.position);
      valid = false;
      return;
    }
    const paragraph = item.children[0];
    if (paragraph?.type !== 'paragraph' || item.children.length > 1) {
      report(input.file, 'question-answers', 'A choice is one line of text; put explanations in :feedback[...] at the end of the line.', item.position);
      valid = false;
      return;
    }
    const label: PhrasingContent[] = [];
    for (const child of paragraph.children) {
      if (child.type === 'textDirective' && child.name === 'feedback') {
        input.handled.set(child, { kind: 'omit' });
        choiceFeedback[choiceId] = child.children;
      } else label.push(child);
    }
    trimTrailingSpace(label);
    choices[choiceId] = label;
    options.push({ id: choiceId, text: plain(label), correct: item.checked });
  });
  if (!valid) return undefined;
  const correct = options.filter((option) => option.correct).length;
  if (correct === 0) {
    report(input.file, 'question-no-correct', `${input.label} has no correct answer: mark the right choice with [x], like "- [x] The right answer".`, input.node.position);
    return undefined;
  }
  if (type === 'single-choice' && correct > 1) {
    report(input.file, 'question-answers', `${input.label} is single-choice but marks ${correct} choices [x]. Mark one, or use type=multiple-response.`, input.answers?.position);
    return undefined;
  }
  const fields: QuestionFields = { id: input.id, weight: input.weight, promptText: input.promptText, type, choices: options };
  return { fields, choices, ...(Object.keys(choiceFeedback).length > 0 ? { choiceFeedback } : {}) };
}

function buildMatching(input: FieldInput): Built | undefined {
  const items = requireList(input, 'pairs as "- Item -> Its match" lines');
  if (!items) return undefined;
  const sources: MatchItem[] = [];
  const targets: MatchItem[] = [];
  const pairs: [string, string][] = [];
  for (const [index, item] of items.entries()) {
    const sides = plain(item.children).split('->').map((side) => side.trim());
    const [left, right] = sides;
    if (sides.length !== 2 || !left || !right) {
      report(input.file, 'question-answers', 'Write each matching pair as "- Item -> Its match", with one "->".', item.position);
      return undefined;
    }
    let target = targets.find((candidate) => candidate.text === right);
    if (!target) {
      target = { id: letters[targets.length] ?? String(targets.length), text: right };
      targets.push(target);
    }
    const sourceId = String(index + 1);
    sources.push({ id: sourceId, text: left });
    pairs.push([sourceId, target.id]);
  }
  if (sources.length < 2 || sources.length > MAX_CHOICES) {
    report(input.file, 'question-answers', `${input.label} (matching) needs from 2 to ${MAX_CHOICES} pairs; it has ${sources.length}.`, input.answers?.position);
    return undefined;
  }
  return { fields: { id: input.id, weight: input.weight, promptText: input.promptText, type: 'matching', sources, targets, pairs } };
}

const typeAttributes: Readonly<Record<string, readonly QuestionType[]>> = {
  answer: ['true-false', 'numeric'],
  tolerance: ['numeric'],
  unit: ['numeric'],
  'case-sensitive': ['fill-in'],
};

function warnUnusedAttributes(type: QuestionType, attributes: AttributeValues, node: ContainerDirective, file: VFile): void {
  for (const [name, types] of Object.entries(typeAttributes)) {
    if (name in attributes && !types.includes(type)) {
      report(file, 'unused-attribute', `"${name}" has no effect on a ${type} question (it applies to ${types.join(', ')}); remove it.`, node.position);
    }
  }
}

function plain(nodes: readonly (RootContent | PhrasingContent | TextDirective | LeafDirective)[]): string {
  return nodes.map((node) => toString(node)).join(' ').replace(/\s+/g, ' ').trim();
}

function trimTrailingSpace(nodes: PhrasingContent[]): void {
  const last = nodes.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.replace(/\s+$/, '');
    if (last.value === '') nodes.pop();
  }
}
