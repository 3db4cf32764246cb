/**
 * Text that is safe to print on a terminal. File names, link addresses, zip entry names, page
 * titles and anything a package or a course folder holds can carry control characters: an escape
 * sequence (ESC, or the one-byte CSI U+009B) can move the cursor, clear the screen, change the
 * window title or forge a line such as "Result: OK"; text-direction controls can make a name
 * read differently from what it is (CVE-2021-42574). Every such character is shown as a `\uXXXX`
 * escape instead, so the reader sees exactly what is there.
 */

// C0 controls, DEL, C1 controls, bidirectional embeddings, overrides, isolates and marks, and the
// line and paragraph separators (which some terminals and editors treat as line breaks).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One name, address or message as one printable line: every control character escaped. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A multi-line report: line breaks kept, every other control character escaped. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_KEEP_LINES, escape);
}

// JSON.stringify escapes C0 controls already; these it leaves raw.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, text-direction controls)
 * written as `\uXXXX` escapes: the same value for a JSON reader, harmless when printed. They can
 * only occur inside strings, where a `\u` escape means the same character.
 */
export function printableJson(json: string): string {
  return json.replace(JSON_UNSAFE, escape);
}
