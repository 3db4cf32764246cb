/** A structural check of xAPI 1.0.3 statements (Data 2.4), enough to catch a missing or mistyped property. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DURATION = /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

type Problems = string[];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function languageMap(v: unknown, path: string, out: Problems): void {
  if (!isObj(v) || Object.keys(v).length === 0 || !Object.values(v).every((s) => typeof s === 'string')) out.push(`${path}: not a language map`);
}

function extensions(v: unknown, path: string, out: Problems): void {
  if (!isObj(v) || !Object.keys(v).every((k) => IRI.test(k))) out.push(`${path}: extension keys must be IRIs`);
}

function activity(v: unknown, path: string, out: Problems): void {
  if (!isObj(v) || typeof v['id'] !== 'string' || !IRI.test(v['id'])) return void out.push(`${path}.id: not an IRI`);
  if (v['objectType'] !== undefined && v['objectType'] !== 'Activity') out.push(`${path}.objectType`);
  const d = v['definition'];
  if (d === undefined) return;
  if (!isObj(d)) return void out.push(`${path}.definition`);
  if (d['type'] !== undefined && (typeof d['type'] !== 'string' || !IRI.test(d['type']))) out.push(`${path}.definition.type`);
  for (const key of ['name', 'description'] as const) if (d[key] !== undefined) languageMap(d[key], `${path}.definition.${key}`, out);
  if (d['interactionType'] !== undefined) {
    if (!['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'].includes(String(d['interactionType']))) out.push(`${path}.definition.interactionType`);
    const crp = d['correctResponsesPattern'];
    if (crp !== undefined && (!Array.isArray(crp) || !crp.every((p) => typeof p === 'string'))) out.push(`${path}.definition.correctResponsesPattern`);
    for (const key of ['choices', 'source', 'target', 'steps', 'scale']) {
      const list = d[key];
      if (list !== undefined && (!Array.isArray(list) || !list.every((c) => isObj(c) && typeof c['id'] === 'string'))) out.push(`${path}.definition.${key}`);
    }
  }
}

export function statementProblems(s: unknown): Problems {
  const out: Problems = [];
  if (!isObj(s)) return ['not an object'];
  if (typeof s['id'] !== 'string' || !UUID.test(s['id'])) out.push('id: not a UUID v4');
  if (typeof s['timestamp'] !== 'string' || !ISO_TIME.test(s['timestamp'])) out.push('timestamp: not UTC ISO 8601 with ms');
  const actor = s['actor'];
  const ifis = isObj(actor) ? ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => actor[k] !== undefined) : [];
  if (ifis.length !== 1) out.push('actor: needs exactly one inverse functional identifier');
  const verb = s['verb'];
  if (!isObj(verb) || typeof verb['id'] !== 'string' || !IRI.test(verb['id'])) out.push('verb.id');
  else if (verb['display'] !== undefined) languageMap(verb['display'], 'verb.display', out);
  activity(s['object'], 'object', out);
  const result = s['result'];
  if (result !== undefined) {
    if (!isObj(result)) out.push('result');
    else {
      for (const key of ['success', 'completion']) if (result[key] !== undefined && typeof result[key] !== 'boolean') out.push(`result.${key}`);
      if (result['response'] !== undefined && typeof result['response'] !== 'string') out.push('result.response');
      if (result['duration'] !== undefined && (typeof result['duration'] !== 'string' || !ISO_DURATION.test(result['duration']))) out.push('result.duration');
      if (result['extensions'] !== undefined) extensions(result['extensions'], 'result.extensions', out);
      const score = result['score'];
      if (score !== undefined) {
        if (!isObj(score)) out.push('result.score');
        else {
          const { scaled, raw, min, max } = score as Record<string, number | undefined>;
          if (scaled !== undefined && (typeof scaled !== 'number' || scaled < -1 || scaled > 1)) out.push('result.score.scaled');
          if (min !== undefined && max !== undefined && min > max) out.push('result.score: min > max');
          if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) out.push('result.score.raw out of range');
        }
      }
    }
  }
  const ctx = s['context'];
  if (ctx !== undefined) {
    if (!isObj(ctx)) out.push('context');
    else {
      if (ctx['registration'] !== undefined && (typeof ctx['registration'] !== 'string' || !ANY_UUID.test(ctx['registration']))) out.push('context.registration');
      const ca = ctx['contextActivities'];
      if (ca !== undefined) {
        if (!isObj(ca)) out.push('context.contextActivities');
        else
          for (const [key, list] of Object.entries(ca)) {
            if (!['parent', 'grouping', 'category', 'other'].includes(key) || !Array.isArray(list)) out.push(`context.contextActivities.${key}`);
            else list.forEach((a, i) => activity(a, `context.contextActivities.${key}[${i}]`, out));
          }
      }
      if (ctx['extensions'] !== undefined) extensions(ctx['extensions'], 'context.extensions', out);
    }
  }
  return out;
}
