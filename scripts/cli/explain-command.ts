import { readFile } from 'node:fs/promises';
import { didYouMean } from '../diagnostics/suggest.js';
import { rules, type RuleId } from '../diagnostics/rules.js';
import { fromRoot } from '../project-root.js';
import { UsageError } from './usage.js';

/** The documentation of one rule, shipped in the package: docs/rules/<rule-id>.md. */
export const ruleDocPath = (ruleId: string): string => fromRoot('docs', 'rules', `${ruleId}.md`);

const isRuleId = (name: string): name is RuleId => Object.hasOwn(rules, name);

/**
 * `coursemark explain [rule-id]`: the rule's page (what it means, an example, the fix), or the list
 * of every rule id with its default severity.
 */
export async function explainRule(ruleId: string | undefined): Promise<string> {
  if (ruleId === undefined) {
    const width = Math.max(...Object.keys(rules).map((id) => id.length));
    const lines = Object.entries(rules).map(([id, severity]) => `  ${id.padEnd(width)}  ${severity}`);
    return `Rules (coursemark explain <rule-id> for one of them):\n${lines.join('\n')}\n`;
  }
  if (!isRuleId(ruleId)) throw new UsageError(`there is no rule "${ruleId}".${didYouMean(ruleId, Object.keys(rules))} "coursemark explain" lists them all.`);
  const text = await readFile(ruleDocPath(ruleId), 'utf8');
  return `${text.trimEnd()}\n\nAll rules and the whole format: ${fromRoot('docs', 'authoring.md')}\n`;
}
