import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Point, Position } from 'unist';
import { messageSource, rules, type RuleId } from './rules.js';

/** Where a problem is: a unist position or point, or a character range in the file's text. */
export type Place = Position | Point | { readonly offset: number; readonly endOffset?: number };

/**
 * Records one author problem on `file` as a `VFileMessage`. Never throws: problems are collected
 * across all files and reported once (see cli/format-messages.ts).
 */
export function report(file: VFile, ruleId: RuleId, reason: string, place?: Place): void {
  const message = file.message(reason, { place: toUnistPlace(file, place), ruleId, source: messageSource });
  message.fatal = rules[ruleId] === 'error';
}

function toUnistPlace(file: VFile, place: Place | undefined): Position | Point | undefined {
  if (place === undefined || 'line' in place || 'start' in place) return place;
  const index = location(file);
  const start = index.toPoint(place.offset);
  const end = place.endOffset === undefined ? undefined : index.toPoint(place.endOffset);
  if (!start) return undefined;
  return end ? { start, end } : start;
}

/** A place as a unist position (for data that keeps where it was written, such as a course file's reference). */
export function positionOf(file: VFile, place: Place | undefined): Position | undefined {
  const unist = toUnistPlace(file, place);
  if (unist === undefined || 'start' in unist) return unist;
  return { start: unist, end: unist };
}

/** True when any file carries an error (as opposed to warnings only). */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
