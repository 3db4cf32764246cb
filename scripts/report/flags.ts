/**
 * The usual item-analysis thresholds, each with the sentence that explains a flag to an author.
 * (Difficulty outside 0.2-0.9, discrimination under 0.2 and distractors chosen by under 5% are the
 * rules of thumb of classical item analysis; the drop-off threshold is this tool's.)
 */
import type { Flag, OptionFigures } from './report-data.js';

export const THRESHOLDS = {
  easy: 0.9,
  hard: 0.2,
  discrimination: 0.2,
  distractor: 0.05,
  dropOff: 0.2,
} as const;

export const percent = (share: number): string => `${Math.round(share * 100)}%`;
const fixed = (value: number): string => value.toFixed(2);

export function questionFlags(id: string, difficulty: number | null, pointBiserial: number | null, options: readonly OptionFigures[], distractors: boolean): Flag[] {
  const flags: Flag[] = [];
  if (difficulty !== null && difficulty > THRESHOLDS.easy) {
    flags.push({ rule: 'too-easy', target: id, message: `${percent(difficulty)} answered correctly (above ${percent(THRESHOLDS.easy)}): the question tells little about who has learned; make it harder, or keep it as a warm-up.` });
  }
  if (difficulty !== null && difficulty < THRESHOLDS.hard) {
    flags.push({ rule: 'too-hard', target: id, message: `Only ${percent(difficulty)} answered correctly (under ${percent(THRESHOLDS.hard)}): check the answer key, then whether the course teaches this before asking it.` });
  }
  if (pointBiserial !== null && pointBiserial < 0) {
    flags.push({ rule: 'negative-discrimination', target: id, message: `Its correlation with the rest of the score is negative (${fixed(pointBiserial)}): learners who did well overall got it wrong more often than the others, which usually means a wrong answer key or a misleading wording.` });
  } else if (pointBiserial !== null && pointBiserial < THRESHOLDS.discrimination) {
    flags.push({ rule: 'low-discrimination', target: id, message: `Its correlation with the rest of the score is ${fixed(pointBiserial)} (under ${fixed(THRESHOLDS.discrimination)}): learners who did well overall were hardly more likely to get it right; look for an ambiguous wording or a second defensible answer.` });
  }
  if (distractors) {
    for (const option of options) {
      if (option.correct || option.share === null || option.share >= THRESHOLDS.distractor) continue;
      flags.push({ rule: 'rare-distractor', target: `${id}/${option.id}`, message: `The wrong option "${option.text}" was chosen by ${percent(option.share)} (under ${percent(THRESHOLDS.distractor)}): it draws no one who does not know the answer; replace it with a mistake learners really make.` });
    }
  }
  return flags;
}

export function pageFlags(id: string, reached: number, stoppedHere: number): Flag[] {
  if (reached === 0 || stoppedHere / reached < THRESHOLDS.dropOff) return [];
  return [{ rule: 'high-drop-off', target: id, message: `${stoppedHere} of the ${reached} learners who reached this page (${percent(stoppedHere / reached)}, at least ${percent(THRESHOLDS.dropOff)}) went no further and did not finish: look at its length, its difficulty and what comes next.` }];
}
