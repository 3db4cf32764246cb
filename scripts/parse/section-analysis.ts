import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import type { InputLimits } from '../limits/input-limits.js';
import { withinLimits } from '../limits/input-limits.js';
import type { SectionDraft } from '../model/section-draft.js';
import { analyzeSection } from '../validate/analyze-section.js';
import { parseSection } from './markdown-processor.js';

/** One message as data, so that it can cross a thread boundary or be stored in the cache. */
export interface MessageRecord {
  readonly reason: string;
  readonly place: Position | Point | undefined;
  readonly ruleId: string | undefined;
  readonly source: string | undefined;
  readonly fatal: boolean | null | undefined;
}

/** A section draft without its VFile: plain data (mdast nodes, Maps keyed by those nodes). */
export type SectionDraftData = Omit<SectionDraft, 'file'>;

/**
 * What checking one section file yields, as structured-clone data: the draft (undefined when the
 * page cannot be built) and the messages found on the way. Depends only on the file's course path,
 * its text and the input limits, which is what makes it safe to compute in a worker or to cache.
 */
export interface SectionAnalysis {
  readonly draft: SectionDraftData | undefined;
  readonly messages: readonly MessageRecord[];
}

/** limits -> parse -> analyse, for one section given by its course path and text. */
export function analyzeSectionText(path: string, text: string, limits: InputLimits): SectionAnalysis {
  const file = new VFile({ path, value: text });
  let draft: SectionDraft | undefined;
  if (withinLimits(file, limits)) draft = analyzeSection(parseSection(file), file);
  const messages = file.messages.map((message): MessageRecord => ({
    reason: message.reason,
    place: message.place ?? undefined,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
  }));
  if (!draft) return { draft: undefined, messages };
  const { file: _scratch, ...data } = draft;
  return { draft: data, messages };
}

/**
 * Puts an analysis back on the section's real VFile: its messages (rebuilt, so that severity
 * overrides never touch a cached copy) and the draft bound to that file.
 */
export function restoreSection(file: VFile, analysis: SectionAnalysis): SectionDraft | undefined {
  for (const record of analysis.messages) {
    const message = file.message(record.reason, { ...(record.place ? { place: record.place } : {}), ...(record.ruleId ? { ruleId: record.ruleId } : {}), ...(record.source ? { source: record.source } : {}) });
    message.fatal = record.fatal;
  }
  return analysis.draft ? { ...analysis.draft, file } : undefined;
}

/**
 * A cheap check that a value read back from outside this process (a worker, a cache file) has the
 * shape of a SectionAnalysis, so that a foreign or damaged one is refused instead of trusted.
 */
export function isSectionAnalysis(value: unknown): value is SectionAnalysis {
  if (typeof value !== 'object' || value === null) return false;
  const { draft, messages } = value as Record<string, unknown>;
  if (!Array.isArray(messages) || !messages.every((message) => typeof message === 'object' && message !== null && typeof (message as Record<string, unknown>).reason === 'string')) return false;
  if (draft === undefined) return true;
  if (typeof draft !== 'object' || draft === null) return false;
  const fields = draft as Record<string, unknown>;
  const tree = fields.tree as Record<string, unknown> | undefined;
  return (
    typeof fields.fileName === 'string' &&
    typeof fields.pageId === 'string' &&
    typeof fields.frontmatter === 'object' &&
    tree?.type === 'root' &&
    Array.isArray(tree.children) &&
    fields.directives instanceof Map &&
    ['questions', 'activities', 'pools', 'headings', 'pageLinks', 'assetLinks', 'terms', 'declaredIds'].every((name) => Array.isArray(fields[name]))
  );
}
