/**
 * "Did you mean" for names an author misspelled (directives, settings, glossary terms, page files,
 * headings, page and part ids, rule ids): the known name closest to what was written, when it is close
 * enough to be a slip rather than another word (letter case alone counts as a slip).
 */
export function closestName(written: string, known: Iterable<string>): string | undefined {
  const target = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // About one slip in three letters: "tpye" -> "type", "fume cuboard" -> "fume cupboard", not "note" -> "term".
  const allowed = Math.max(1, Math.floor(Math.min(target.length, best?.length ?? 0) / 3));
  return best !== undefined && (bestDistance > 0 || best !== written) && bestDistance <= allowed ? best : undefined;
}

/** ` Did you mean "x"?` or '' (for the end of a message). */
export function didYouMean(written: string, known: Iterable<string>, show: (name: string) => string = (name) => `"${name}"`): string {
  const match = closestName(written, known);
  return match === undefined ? '' : ` Did you mean ${show(match)}?`;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
 * letters each count one (typing slips are mostly these).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[(i - 1) * cols + j] ?? 0) + 1, (d[i * cols + j - 1] ?? 0) + 1, (d[(i - 1) * cols + j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1] ?? 0;
}
