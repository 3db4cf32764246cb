/**
 * Reads an `answered` statement (xAPI Data 2.4.4.1 interaction definition, result) back into a
 * version-neutral interaction record, from which each SCORM version writes its own formats.
 */
import type { Statement } from '@xapi/xapi';
import { ACTIVITY_TYPES } from '../vocabulary.js';
import { parseIsoDuration, toIdentifier } from './formats.js';

export type InteractionType = 'true-false' | 'choice' | 'fill-in' | 'long-fill-in' | 'matching' | 'sequencing' | 'numeric';

/** A response or pattern, parsed out of its xAPI text form. */
export type Response =
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'number'; readonly min: number | undefined; readonly max: number | undefined }
  | { readonly kind: 'text'; readonly text: string; readonly caseMatters: boolean };

export interface InteractionRecord {
  readonly id: string;
  readonly type: InteractionType;
  /** undefined for a private reflection: the LMS learns only that it was done. */
  readonly response: Response | undefined;
  readonly patterns: readonly Response[];
  /** undefined for reflections, which have no right answer. */
  readonly correct: boolean | undefined;
  readonly weighting: number | undefined;
  readonly latencyMs: number | undefined;
  /** ISO 8601 time of the answer. */
  readonly timestamp: string;
  readonly description: string;
  /** Component ids in definition order (choices/steps, sources, targets), for 1.2's one-character ids. */
  readonly components: { readonly choices: readonly string[]; readonly source: readonly string[]; readonly target: readonly string[] };
}

const TYPES: readonly InteractionType[] = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'sequencing', 'numeric'];

const isType = (value: unknown): value is InteractionType => TYPES.some((type) => type === value);

function componentIds(list: unknown): readonly string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const id: unknown = item !== null && typeof item === 'object' ? Reflect.get(item, 'id') : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

function firstText(map: unknown): string {
  if (map === null || typeof map !== 'object') return '';
  const first: unknown = Object.values(map)[0];
  return typeof first === 'string' ? first : '';
}

const numberOrUndefined = (text: string | undefined): number | undefined =>
  text === undefined || text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);

/** Parses one xAPI response or pattern string of `type` (xAPI Data 2.4.4.1.2). */
export function parseResponse(type: InteractionType, text: string): Response {
  switch (type) {
    case 'true-false':
      return { kind: 'boolean', value: text === 'true' };
    case 'choice':
    case 'sequencing':
      return { kind: 'ids', ids: text === '' ? [] : text.split('[,]') };
    case 'matching':
      return {
        kind: 'pairs',
        pairs: (text === '' ? [] : text.split('[,]')).map((pair) => {
          const [source = '', target = ''] = pair.split('[.]');
          return [source, target] as const;
        }),
      };
    case 'numeric': {
      const [min, max] = text.includes('[:]') ? text.split('[:]') : [text, text];
      return { kind: 'number', min: numberOrUndefined(min), max: numberOrUndefined(max) };
    }
    case 'fill-in':
    case 'long-fill-in': {
      const caseMatters = text.startsWith('{case_matters=true}');
      return { kind: 'text', text: caseMatters ? text.slice('{case_matters=true}'.length) : text, caseMatters };
    }
  }
}

/** The record for an `answered` statement about an interaction, or undefined for anything else. */
export function interactionFromStatement(
  statement: Statement,
  localId: (iri: string) => string,
  now: () => number,
): InteractionRecord | undefined {
  const object = statement.object;
  if (!('id' in object) || typeof object.id !== 'string') return undefined;
  const definition: unknown = 'definition' in object ? object.definition : undefined;
  if (definition === null || typeof definition !== 'object') return undefined;
  if (Reflect.get(definition, 'type') !== ACTIVITY_TYPES.interaction) return undefined;
  const type: unknown = Reflect.get(definition, 'interactionType');
  if (!isType(type)) return undefined;
  const patterns: unknown = Reflect.get(definition, 'correctResponsesPattern');
  const result = statement.result;
  const choices = componentIds(Reflect.get(definition, 'choices'));
  return {
    id: toIdentifier(localId(object.id)),
    type,
    response: result?.response === undefined ? undefined : parseResponse(type, result.response),
    patterns: Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string').map((p) => parseResponse(type, p)) : [],
    correct: result?.success,
    weighting: result?.score?.max,
    latencyMs: parseIsoDuration(result?.duration),
    timestamp: statement.timestamp ?? new Date(now()).toISOString(),
    description: firstText(Reflect.get(definition, 'description')) || firstText(Reflect.get(definition, 'name')),
    components: {
      choices,
      source: componentIds(Reflect.get(definition, 'source')),
      target: componentIds(Reflect.get(definition, 'target')),
    },
  };
}
