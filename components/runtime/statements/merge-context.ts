/**
 * cmi5 9.6.2.1 / 10.2.1: the AU uses the LMS's contextTemplate as the template for the context of
 * every statement; it may add values but must not overwrite the template's. So: objects merge
 * recursively, the template wins on any other conflict, and activity lists are joined (by id).
 */
import type { Context } from '@xapi/xapi';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idOf(v: Json): Json {
  return isObject(v) ? v['id'] : undefined;
}

function mergeValue(own: Json, template: Json): Json {
  if (Array.isArray(own) && Array.isArray(template)) {
    const ids = new Set<unknown>(template.map(idOf).filter((id) => id !== undefined));
    return [...template, ...own.filter((item: Json) => idOf(item) === undefined || !ids.has(idOf(item)))];
  }
  if (isObject(own) && isObject(template)) {
    const out: Record<string, Json> = { ...own };
    for (const [key, value] of Object.entries(template)) out[key] = key in own ? mergeValue(own[key], value) : copyJson(value);
    return out;
  }
  return template === undefined ? own : copyJson(template);
}

/** A JSON deep copy, so statements never share (and can never mutate) the template's objects. */
function copyJson(v: Json): Json {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** `own` with `template` merged in (template values win). Neither argument is modified. */
export function mergeContext(own: Context, template: Context | undefined): Context {
  return template ? (mergeValue(own, template) as Context) : own;
}
