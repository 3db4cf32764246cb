/**
 * The "last word" of a page that leaves: the statements it made that are not yet known to be in the
 * queue's store (or delivered), and the bookmark mirror written after them, kept together in one
 * localStorage item at `pagehide` (reliability X6). An IndexedDB transaction still waiting when the
 * document goes is aborted with it; a localStorage write is synchronous, so what it holds outlives
 * the page even then. The next launch merges it into the store before reading it.
 *
 * This module is the format and the merge, pure; `last-word-keeper.ts` reads and writes it.
 *
 * What goes in is what the store itself holds: the queued statements, as the LRS will receive them
 * (a private reflection is reported as done, without its text), and the bookmark mirror (the resume
 * codec's text and the markers); nothing else of the learner's.
 */
import { deliveryOrder, isQueuedItem, type QueuedItem } from './queue-store.js';

/** The localStorage item of one queue (endpoint, registration and activity; never a credential). */
export const lastWordName = (key: string): string => `coursemark:lrs-last-word:${key}`;

/**
 * Largest item written or read, in UTF-16 units: the origin's whole localStorage quota is about
 * 5 MB, and the queue's own fallback store and the player's position marks live there too.
 */
export const LAST_WORD_MAX_CHARS = 256 * 1024;

/** One page's part of the last word. */
export interface LastWordEntry {
  /** Statements not yet known to be stored or delivered, in the order they were made. */
  readonly items: readonly QueuedItem[];
  /** The bookmark mirror not yet stored (stamped, see `stampMirror`); only with all its statements. */
  readonly bookmark?: unknown;
}

/**
 * Every page of one queue writes its own entry (two tabs of one attempt share the queue, and one
 * must not overwrite what the other left); the next launch merges them all.
 */
export interface LastWord {
  readonly pages: Readonly<Record<string, LastWordEntry>>;
}

const VERSION = 1;

/**
 * The mirror, stamped with when the page saved it (ms since the epoch): the last word's bookmark
 * replaces the stored mirror only when it is the newer one (another tab may have gone further
 * since). The bookmark's reader ignores the extra field.
 */
export function stampMirror(value: unknown, savedAt: number): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return { ...(value as Record<string, unknown>), savedAt };
}

/** When a mirror was saved; a mirror from before stamps counts as the oldest. */
export function savedAtOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return Number.NEGATIVE_INFINITY;
  const savedAt = (value as Record<string, unknown>)['savedAt'];
  return typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : Number.NEGATIVE_INFINITY;
}

function parseEntry(value: unknown): LastWordEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const items = Array.isArray(record['items']) ? record['items'].filter(isQueuedItem) : [];
  const bookmark = record['bookmark'];
  return typeof bookmark === 'object' && bookmark !== null ? { items, bookmark } : { items };
}

/**
 * The last word in `text`, or undefined when there is none or it is not one we wrote whole (too
 * long, not JSON, another version): a launch never stalls or throws over it.
 */
export function parseLastWord(text: string | null): LastWord | undefined {
  if (text === null || text.length > LAST_WORD_MAX_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const pages = record['pages'];
  if (record['v'] !== VERSION || typeof pages !== 'object' || pages === null || Array.isArray(pages)) return undefined;
  const out: Record<string, LastWordEntry> = {};
  for (const [page, value] of Object.entries(pages)) {
    const entry = parseEntry(value);
    if (entry !== undefined) out[page] = entry;
  }
  return { pages: out };
}

const serialize = (pages: Readonly<Record<string, LastWordEntry>>): string => JSON.stringify({ v: VERSION, pages });

/**
 * The text of `word` with `page`'s entry made of `items` and `bookmark`, within `maxChars`: the
 * page's oldest statements first, then its bookmark only if every statement fitted (a bookmark
 * never goes further than the statements kept with it), then the other pages' entries while they
 * fit. Undefined when nothing is left to keep.
 */
export function writeLastWord(word: LastWord | undefined, page: string, own: LastWordEntry, maxChars = LAST_WORD_MAX_CHARS): string | undefined {
  // Sizes are added up piece by piece (this runs in `pagehide`): `{"v":1,"pages":{` ... `}}`.
  let size = serialize({}).length;
  const member = (name: string, entry: LastWordEntry): number => JSON.stringify(name).length + 1 + JSON.stringify(entry).length;
  const pages: Record<string, LastWordEntry> = {};
  const items: QueuedItem[] = [];
  let itemsSize = 0;
  const room = maxChars - size - member(page, { items: [] });
  for (const item of own.items) {
    const more = JSON.stringify(item).length + (items.length > 0 ? 1 : 0);
    if (itemsSize + more > room) break;
    itemsSize += more;
    items.push(item);
  }
  const bookmarkSize = own.bookmark === undefined ? 0 : ',"bookmark":'.length + JSON.stringify(own.bookmark).length;
  const whole = items.length === own.items.length && own.bookmark !== undefined && itemsSize + bookmarkSize <= room;
  if (items.length > 0 || whole) {
    pages[page] = whole ? { items, bookmark: own.bookmark } : { items };
    size += member(page, { items: [] }) + itemsSize + (whole ? bookmarkSize : 0);
  }
  for (const [other, entry] of Object.entries(word?.pages ?? {})) {
    if (other === page) continue;
    const more = member(other, entry) + (Object.keys(pages).length > 0 ? 1 : 0);
    if (size + more > maxChars) continue;
    size += more;
    pages[other] = entry;
  }
  return Object.keys(pages).length === 0 ? undefined : serialize(pages);
}

/** The text of `word` without the entries of `gone`, undefined when none is left. */
export function withoutPages(word: LastWord, gone: ReadonlySet<string>): string | undefined {
  const pages = Object.fromEntries(Object.entries(word.pages).filter(([page]) => !gone.has(page)));
  return Object.keys(pages).length === 0 ? undefined : serialize(pages);
}

export interface StoredState {
  /** Ids of the statements the store holds. */
  readonly ids: ReadonlySet<string>;
  /** The stored bookmark mirror, if any. */
  readonly mirror: unknown;
}

export interface LastWordMerge {
  /** Statements to add to the store, in the order they were made. */
  readonly items: readonly QueuedItem[];
  /** The mirror to store, when the last word's is newer than the stored one. */
  readonly mirror?: unknown;
}

/**
 * What the store lacks of `word`: each statement id once (an id names one statement, xAPI Data
 * 2.4.1, in 1.0.3 as in 2.0; an LRS stores an id once and answers a repeat with 204 or 409,
 * Communication 2.1.2, so a second copy would only cost a request and a split batch), and the
 * newest of the pages' bookmarks only if it is newer than the stored one.
 */
export function mergeLastWord(word: LastWord, stored: StoredState): LastWordMerge {
  const seen = new Set(stored.ids);
  const items: QueuedItem[] = [];
  let bookmark: unknown;
  for (const entry of Object.values(word.pages)) {
    for (const item of entry.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
    if (entry.bookmark !== undefined && savedAtOf(entry.bookmark) > savedAtOf(bookmark)) bookmark = entry.bookmark;
  }
  // Each page's statements are in the order made; between pages, by timestamp then number (X6).
  items.sort(deliveryOrder);
  const newer = bookmark !== undefined && (stored.mirror === undefined || savedAtOf(bookmark) > savedAtOf(stored.mirror));
  return newer ? { items, mirror: bookmark } : { items };
}
