import GithubSlugger from 'github-slugger';
import type { VFile } from 'vfile';
import { z } from 'zod';
import type { GlossaryEntry } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import { parseYaml, yamlRange } from '../parse/yaml-source.js';
import { reportSchemaIssues } from './schema-messages.js';
import { isValidId } from './value-checks.js';

const glossarySchema = z.array(
  z.strictObject({
    term: z.string({ error: 'must be text: the term as learners see it' }).trim().min(1, { error: 'must not be empty' }),
    id: z.string({ error: 'must be text' }).refine(isValidId, { error: 'must use lowercase letters, digits and hyphens, such as ibsa' }).optional(),
    definition: z.string({ error: 'must be text: one or two sentences' }).trim().min(1, { error: 'must not be empty' }),
  }),
  { error: 'must be a list of entries, each "- term: ..." with a "definition: ..."' },
);

/** Reads glossary.yaml (a list of term/definition entries). Problems become positioned messages. */
export function readGlossary(file: VFile): GlossaryEntry[] {
  const source = parseYaml(file, String(file.value), 0);
  if (!source || source.document.contents === null) return [];
  const result = glossarySchema.safeParse(source.document.toJS());
  if (!result.success) {
    reportSchemaIssues(source, result.error.issues, 'glossary-invalid', 'glossary.yaml', (path) => (path.length === 1 ? Object.keys(glossarySchema.element.shape) : undefined));
    return [];
  }
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  result.data.forEach((entry, index) => {
    const id = entry.id ?? new GithubSlugger().slug(entry.term);
    if (seen.has(id)) {
      report(file, 'duplicate-id', `Glossary term id "${id}" is used twice. Give one of the entries its own "id".`, yamlRange(source, [index]));
      return;
    }
    seen.add(id);
    entries.push({ id, term: entry.term, definition: entry.definition });
  });
  return entries;
}

/** The glossary id a `:term[label]` refers to when it has no explicit id. */
export function termIdFor(label: string): string {
  return new GithubSlugger().slug(label.replace(/\s+/g, ' ').trim());
}
