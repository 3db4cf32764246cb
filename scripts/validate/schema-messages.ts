import type { z } from 'zod';
import { report } from '../diagnostics/report.js';
import type { RuleId } from '../diagnostics/rules.js';
import { yamlRange, type YamlSource } from '../parse/yaml-source.js';

/**
 * Turns schema issues into positioned messages: each issue points at the YAML key or value it is
 * about (unknown keys at the key, wrong values at the value, missing keys at the mapping that lacks them).
 */
export function reportSchemaIssues(source: YamlSource, issues: readonly z.core.$ZodIssue[], ruleId: RuleId, what: string): void {
  for (const issue of issues) {
    const path = issue.path;
    const name = path.length > 0 ? `"${path.map(String).join('.')}"` : what;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report(source.file, ruleId, `Unknown key "${[...path.map(String), key].join('.')}" in ${what}. Check the spelling; docs/authoring.md lists the keys.`, yamlRange(source, [...path, key], { key: true }));
      }
      continue;
    }
    const missing = path.length > 0 && !source.document.hasIn(path);
    const reason = missing ? `${capitalize(what)} needs ${name}, which ${issue.message}.` : `${name} in ${what} ${issue.message}.`;
    report(source.file, ruleId, reason, yamlRange(source, missing ? path.slice(0, -1) : path));
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
