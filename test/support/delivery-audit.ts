/**
 * What an LRS stored, against what the learner did: statements lost, and duplicated, either as the
 * same id twice or as the same verb, object and result twice (a relaunch that reports an outcome or
 * a progress again). Session markers (initialized, resumed, suspended, terminated) and page views
 * belong to each launch and are not outcomes.
 */
import { appendFileSync } from 'node:fs';
import type { Statement } from '@xapi/xapi';

const PER_LAUNCH = new Set(['initialized', 'resumed', 'suspended', 'terminated', 'experienced'].map((verb) => `http://adlnet.gov/expapi/verbs/${verb}`));

export interface Audit {
  readonly expected: number;
  readonly stored: number;
  readonly lost: readonly string[];
  /** Ids stored twice, then `verb object result` keys stored twice. */
  readonly duplicated: readonly string[];
}

function outcomeKey(statement: Statement): string | undefined {
  if (PER_LAUNCH.has(statement.verb.id)) return undefined;
  const { duration: _duration, ...result } = statement.result ?? {};
  const object = statement.object as { id?: string };
  return `${statement.verb.id.split('/').pop() ?? ''} ${object.id ?? ''} ${JSON.stringify(result)}`;
}

export function audit(stored: readonly Statement[], expectedIds: readonly string[]): Audit {
  const ids = stored.map((statement) => statement.id ?? '');
  const have = new Set(ids);
  const twice = (keys: readonly (string | undefined)[]): string[] => {
    const seen = new Set<string>();
    const again: string[] = [];
    for (const key of keys) {
      if (key === undefined) continue;
      if (seen.has(key)) again.push(key);
      seen.add(key);
    }
    return again;
  };
  return {
    expected: expectedIds.length,
    stored: stored.length,
    lost: expectedIds.filter((id) => !have.has(id)),
    duplicated: [...twice(ids), ...twice(stored.map(outcomeKey))],
  };
}

/**
 * Appends one case's figures to the file named by DELIVERY_NOTES (JSON lines), when set: the
 * closing figures of a long run (DELIVERY_RUNS=10) come from the same tests as CI's.
 */
export function noteFigures(name: string, figures: { expected: number; stored: number; lost: number; duplicated: number }): void {
  const file = process.env['DELIVERY_NOTES'];
  if (file === undefined || file === '') return;
  appendFileSync(file, `${JSON.stringify({ case: name, ...figures })}\n`);
}
