import type { Result } from 'lighthouse';

type Audit = Result['audits'][string];
type Details = NonNullable<Audit['details']>;

/** The element Lighthouse took for the largest contentful paint, as its report names it. */
export interface LcpElement {
  readonly selector: string;
  readonly snippet: string;
  readonly nodeLabel: string;
  /** Lighthouse's DOM path through shadow roots: `...,CM-PAGE-4,a,#document-fragment,...,P`. */
  readonly path: string;
}

/** The five metrics of the performance score, in the units Lighthouse reports them. */
export interface LighthouseMetrics {
  /** 0-100, as the report shows it (the LHR keeps 0..1). */
  readonly score: number;
  readonly lcpMs: number;
  readonly fcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
}

const numericValue = (lhr: Result, id: string): number => {
  const value = lhr.audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse gave no value for "${id}"${lhr.audits[id]?.errorMessage ? `: ${lhr.audits[id]?.errorMessage}` : ''}.`);
  return value;
};

export function metricsOf(lhr: Result): LighthouseMetrics {
  const score = lhr.categories['performance']?.score;
  // A null score means a metric failed (no paint, a page error): the run measured nothing usable.
  if (score === null || score === undefined) throw new Error(`Lighthouse could not score ${lhr.requestedUrl ?? lhr.finalDisplayedUrl}: ${lhr.runtimeError?.message ?? 'no performance score'}.`);
  return {
    score: Math.round(score * 100),
    lcpMs: numericValue(lhr, 'largest-contentful-paint'),
    fcpMs: numericValue(lhr, 'first-contentful-paint'),
    tbtMs: numericValue(lhr, 'total-blocking-time'),
    cls: numericValue(lhr, 'cumulative-layout-shift'),
  };
}

/** The tables of a details value: the value itself, or the sections of a list (LCP element, LCP phases). */
function tablesOf(details: Details | undefined): Extract<Details, { type: 'table' }>[] {
  if (details === undefined) return [];
  if (details.type === 'table') return [details];
  if (details.type !== 'list') return [];
  return details.items.flatMap((item) => (item.type === 'table' ? [item] : item.type === 'list-section' && item.value.type === 'table' ? [item.value] : []));
}

export function lcpElementOf(lhr: Result): LcpElement | undefined {
  for (const table of tablesOf(lhr.audits['largest-contentful-paint-element']?.details)) {
    for (const item of table.items) {
      const node = item['node'];
      if (typeof node === 'object' && 'type' in node && node.type === 'node') {
        return { selector: node.selector ?? '', snippet: node.snippet ?? '', nodeLabel: node.nodeLabel ?? '', path: node.path ?? '' };
      }
    }
  }
  return undefined;
}

/** Where the LCP time went (TTFB, load delay, load time, render delay), in ms. */
export function lcpPhasesOf(lhr: Result): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const table of tablesOf(lhr.audits['largest-contentful-paint-element']?.details)) {
    for (const item of table.items) {
      if (typeof item['phase'] === 'string' && typeof item['timing'] === 'number') phases[item['phase']] = Math.round(item['timing']);
    }
  }
  return phases;
}

/** The audit's own figure, or for the network dependency tree insight (which shows none) its longest chain. */
function figureOf(audit: Audit): string | undefined {
  if (audit.displayValue !== undefined && audit.displayValue !== '') return audit.displayValue;
  const details = audit.details;
  const tree = details?.type === 'list' ? details.items.find((item) => item.type === 'list-section' && item.value.type === 'network-tree') : undefined;
  return tree?.type === 'list-section' && tree.value.type === 'network-tree' ? `longest chain ${Math.round(tree.value.longestChain.duration)} ms` : undefined;
}

const savingsOf = (audit: Audit): number => Math.max(0, ...Object.values(audit.metricSavings ?? {}).filter((value): value is number => value !== undefined));

/**
 * The lines a developer reads first in the report's performance section: every opportunity,
 * diagnostic or insight that fails (score below 0.9, as the report flags them), largest estimated
 * metric savings first, then the informative diagnostics that carry a figure (request chains, long
 * tasks, main-thread work). Insights are what PageSpeed shows since Lighthouse 13; 12 computes them
 * as hidden audits, so they are read here too.
 */
export function findingsOf(lhr: Result): string[] {
  const refs = lhr.categories['performance']?.auditRefs ?? [];
  // Hidden refs are the insights and a few retired metrics (TTI, max potential FID) that no longer count.
  const audits = refs.filter((ref) => ref.group !== 'metrics' && (ref.group !== 'hidden' || ref.id.endsWith('-insight'))).flatMap((ref) => lhr.audits[ref.id] ?? []);
  const failing = audits.filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative').sort((a, b) => savingsOf(b) - savingsOf(a));
  const figures = audits.filter((audit) => !failing.includes(audit) && figureOf(audit) !== undefined && audit.scoreDisplayMode !== 'notApplicable');
  const line = (audit: Audit, mark: string): string => {
    const savings = Object.entries(audit.metricSavings ?? {}).filter(([, value]) => value !== undefined && value > 0);
    const estimate = savings.length === 0 ? '' : ` (est. savings ${savings.map(([metric, value]) => `${metric} ${metric === 'CLS' ? value : `${Math.round(value ?? 0)} ms`}`).join(', ')})`;
    const figure = figureOf(audit);
    return `${mark} ${audit.title}${figure === undefined ? '' : `: ${figure}`}${estimate} [${audit.id}]`;
  };
  return [...failing.map((audit) => line(audit, 'FAIL')), ...figures.map((audit) => line(audit, 'info'))];
}
