/**
 * Reads a `:::question` container: what every type shares (id, prompt, `::correct`/`::incorrect`
 * feedback, the answer list's Markdown pitfalls); the type's own reader (scripts/questions/) reads
 * its answer key.
 */
import type { List, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, Directives } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { QuestionType } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import type { DirectiveInfo, QuestionDraft, QuestionParts } from '../model/section-draft.js';
import { plain, type TypeSetting } from '../questions/question-reader.js';
import { readerOf, typesReading } from '../questions/registry.js';
import type { AttributeValues } from './directive-specs.js';


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
  const built = readerOf(type).read({ ...base, label, node, attributes, answers: split.answers, file, handled });
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
  const needsList = type !== undefined && readerOf(type).answersInList;
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

const TYPE_SETTINGS: readonly TypeSetting[] = ['answer', 'tolerance', 'unit', 'case-sensitive'];

function warnUnusedAttributes(type: QuestionType, attributes: AttributeValues, node: ContainerDirective, file: VFile): void {
  for (const name of TYPE_SETTINGS) {
    if (name in attributes && !readerOf(type).settings.includes(name)) {
      report(file, 'unused-attribute', `"${name}" has no effect on a ${type} question (it applies to ${typesReading(name).join(', ')}); remove it.`, node.position);
    }
  }
}
