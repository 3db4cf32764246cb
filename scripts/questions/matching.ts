/** Matching, as written: "- Item -> Its match" lines; equal right-hand texts are one target. */
import type { MatchItem } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import { letters, MAX_CHOICES, plain, requireList, type QuestionReader } from './question-reader.js';
import { textOf } from './question-report.js';
import { notInProfile } from '../package/cc/qti-question.js';

export const matching: QuestionReader<'matching'> = {
  answersInList: true,
  settings: [],
  read(input) {
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
    const { id, weight, promptText } = input;
    return { fields: { id, weight, promptText, type: 'matching', sources, targets, pairs } };
  },
  report: {
    fromPattern(question, pattern) {
      if (pattern.kind !== 'pairs') return undefined;
      const known = pattern.pairs.every(([source, target]) => question.sources.some((item) => item.id === source) && question.targets.some((item) => item.id === target));
      const sources = new Set(pattern.pairs.map(([source]) => source));
      return known && sources.size === pattern.pairs.length ? { type: 'matching', pairs: pattern.pairs } : undefined;
    },
    // One option per item, "matched rightly": how many learners got each pair tells which one confuses.
    options: (question) => question.pairs.map(([source, target]) => ({ id: source, text: `${textOf(question.sources, source)} → ${textOf(question.targets, target)}`, correct: true })),
    picked: (question, response) => response.pairs.filter(([source, target]) => question.pairs.some(([from, to]) => from === source && to === target)).map(([source]) => source),
    distractors: false,
    label: (question, response) => response.pairs.map(([source, target]) => `${textOf(question.sources, source)} → ${textOf(question.targets, target)}`).join('; '),
    freeText: false,
  },
  cartridge: () => notInProfile('matching (the Common Cartridge quiz profile has no matching question)'),
};
