/**
 * Progress as a whole percentage, the one figure the learner and the LMS both see: the player's bar,
 * cmi5's `progress` extension (an integer 0..100, cmi5 9.5.x) and, via `progress_measure`, SCORM
 * 2004. Rounded down, so 100 means done: 99.6% of the way is 99, never a 100 beside "incomplete".
 */
export function progressPercent(progress: number): number {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  return progress >= 1 ? 100 : Math.min(99, Math.floor(progress * 100));
}
