/**
 * Readable interaction ids for options, matching items and steps. The player names options 'a',
 * 'b'... (course-data.ts); an LMS report or an LRS showing `b[,]d` means nothing without the answer
 * key, so statements and SCORM 2004 interactions name each option after its text instead:
 * "The person who shared it" -> `person-who-shared-it`. The same text always gives the same id.
 *
 * SCORM 2004's short_identifier_type allows 250 characters (RTE 4.2.9.1); LMSs and scorm-again
 * accept `[A-Za-z0-9._-]`, so ids are ASCII. Text with nothing ASCII to keep (an Arabic option)
 * keeps its positional id. SCORM 1.2 still gets one character per option (1.2's CMIFeedback).
 */

const MAX_LENGTH = 40;
// Words that add length and no meaning to an id.
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'in', 'on', 'for', 'is', 'it']);

function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const meaningful = words.filter((word) => !SMALL_WORDS.has(word));
  let out = '';
  for (const word of meaningful.length > 0 ? meaningful : words) {
    const next = out === '' ? word : `${out}-${word}`;
    if (next.length > MAX_LENGTH) return out === '' ? word.slice(0, MAX_LENGTH) : out;
    out = next;
  }
  return out;
}

/**
 * Item id -> readable id, unique within the list: a repeated text gets `-2`, `-3`; an id that would
 * collide with another's positional id is kept apart the same way.
 */
export function readableIds(items: readonly { readonly id: string; readonly text: string }[]): ReadonlyMap<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const item of items) {
    const base = slug(item.text) || item.id;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
    taken.add(candidate);
    out.set(item.id, candidate);
  }
  return out;
}
