/**
 * Where the text of private activities lives: in memory, and in this tab's sessionStorage so that a
 * reload of the page keeps it. It never enters `ProgressState`, so no tracking adapter sees it, and
 * it is gone when the tab or window is closed: on a shared computer the next person cannot read it.
 */

export interface PrivateNotes {
  get(activityId: string): string | undefined;
  set(activityId: string, text: string): void;
}

/**
 * sessionStorage can throw a `SecurityError` (storage disabled, some sandboxed frames): the notes
 * then live in memory only, for as long as the page is open.
 */
function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch (error: unknown) {
    if (error instanceof DOMException) return undefined;
    throw error;
  }
}

function readAll(storage: Storage | undefined, key: string): Map<string, string> {
  const notes = new Map<string, string>();
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [id, text] of Object.entries(parsed)) if (typeof text === 'string') notes.set(id, text);
    }
  } catch (error: unknown) {
    // Unreadable notes (storage refused, or JSON written by something else) are simply not there.
    if (!(error instanceof SyntaxError || error instanceof DOMException)) throw error;
  }
  return notes;
}

/** The private notes of one course in this tab. */
export function openPrivateNotes(courseId: string, storage: Storage | undefined = sessionStore()): PrivateNotes {
  const key = `coursemark-private:${courseId}`;
  const notes = readAll(storage, key);
  return {
    get: (activityId) => notes.get(activityId),
    set(activityId, text) {
      notes.set(activityId, text);
      try {
        storage?.setItem(key, JSON.stringify(Object.fromEntries(notes)));
      } catch (error: unknown) {
        // Full or refused: the note stays in memory for this page.
        if (!(error instanceof DOMException)) throw error;
      }
    },
  };
}
