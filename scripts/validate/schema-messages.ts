import type { z } from 'zod';
import { report } from '../diagnostics/report.js';
import type { RuleId } from '../diagnostics/rules.js';
import { closestName } from '../diagnostics/suggest.js';
import { yamlRange, type YamlSource } from '../parse/yaml-source.js';

/**
 * Turns schema issues into positioned messages: each issue points at the YAML key or value it is
 * about (unknown keys at the key, wrong values at the value, missing keys at the mapping that lacks them).
 * `keysAt` gives the keys a mapping may have, for a "did you mean" under an unknown key.
 */
export function reportSchemaIssues(source: YamlSource, reported: readonly z.core.$ZodIssue[], ruleId: RuleId, what: string, keysAt?: (path: readonly PropertyKey[]) => readonly string[] | undefined): void {
  const issues = reported.flatMap(intoBranch);
  // A misspelled key ("titel") is one mistake: reported as unknown with its suggestion, not also as a missing "title".
  const meant = new Set<string>();
  const unknown = issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ path: issue.path, key, suggestion: closestName(key, keysAt?.(issue.path) ?? []) })) : []));
  for (const { path, suggestion } of unknown) if (suggestion !== undefined) meant.add([...path.map(String), suggestion].join('.'));
  for (const { path, key, suggestion } of unknown) {
    const hint = suggestion === undefined ? ` Check the spelling ("coursemark explain ${ruleId}" lists the keys).` : ` Did you mean "${suggestion}"?`;
    report(source.file, ruleId, `Unknown key "${[...path.map(String), key].join('.')}" in ${what}.${hint}`, yamlRange(source, [...path, key], { key: true }));
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path;
    const name = path.length > 0 ? `"${path.map(String).join('.')}"` : what;
    const missing = path.length > 0 && !source.document.hasIn(path);
    if (missing && meant.has(path.map(String).join('.'))) continue;
    const reason = missing ? `${capitalize(what)} needs ${name}, which ${issue.message}.` : `${name} in ${what} ${issue.message}.`;
    report(source.file, ruleId, reason, yamlRange(source, missing ? path.slice(0, -1) : path));
  }
}

/**
 * A value that may take several shapes (`font: sans` or a mapping) fails as a whole; when its shape
 * is one of them (a mapping), the problems are those of that shape, each at its own key.
 */
function intoBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const wrongShape = (inner: z.core.$ZodIssue): boolean => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value');
  const matching = issue.errors.filter((branch) => !branch.some(wrongShape));
  const branch = matching.length === 1 ? matching[0] : undefined;
  if (branch === undefined) return [issue];
  return branch.flatMap((inner) => intoBranch({ ...inner, path: [...issue.path, ...inner.path] }));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
