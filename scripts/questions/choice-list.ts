/** The task list that single-choice and multiple-response questions share: "- [x] right", "- [ ] wrong". */
import type { PhrasingContent } from 'mdast';
import type { ChoiceOption } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import { letters, MAX_CHOICES, plain, requireList, type ReaderInput } from './question-reader.js';

export interface ChoiceList {
  readonly options: readonly ChoiceOption[];
  readonly choices: Record<string, PhrasingContent[]>;
  readonly choiceFeedback?: Record<string, PhrasingContent[]>;
  /** How many options are marked [x]; at least one. */
  readonly correctCount: number;
}

/** Reads the choices, or reports why they cannot be read and returns undefined. */
export function readChoiceList(input: ReaderInput): ChoiceList | undefined {
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
  const correctCount = options.filter((option) => option.correct).length;
  if (correctCount === 0) {
    report(input.file, 'question-no-correct', `${input.label} has no correct answer: mark the right choice with [x], like "- [x] The right answer".`, input.node.position);
    return undefined;
  }
  return { options, choices, correctCount, ...(Object.keys(choiceFeedback).length > 0 ? { choiceFeedback } : {}) };
}

function trimTrailingSpace(nodes: PhrasingContent[]): void {
  const last = nodes.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.replace(/\s+$/, '');
    if (last.value === '') nodes.pop();
  }
}
