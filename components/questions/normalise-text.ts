/** How fill-in answers are compared, in a module of its own so that Node tools use it without the controls. */

/** Trim and collapse runs of white space, as docs/authoring.md promises for fill-in answers. */
export function normaliseText(text: string, caseSensitive: boolean): string {
  const collapsed = text.trim().replace(/\s+/gu, ' ');
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase();
}
