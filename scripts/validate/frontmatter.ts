import type { Root } from 'mdast';
import type { Position } from 'unist';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { report } from '../diagnostics/report.js';
import { parseYaml, yamlRange, type YamlSource } from '../parse/yaml-source.js';
import { reportSchemaIssues } from './schema-messages.js';
import { isLanguageTag, isValidId } from './value-checks.js';

export interface SectionFrontmatter {
  readonly title: string;
  readonly id?: string;
  readonly objectives: readonly string[];
  readonly duration?: number;
  /** The page's language, when it is not the course's: a canonical BCP 47 tag. */
  readonly lang?: string;
  /** `optional: true`: the page does not count towards completion (never written when false). */
  readonly optional?: true;
  /** Where `id` is written, for messages about the page id. */
  readonly idPlace?: Position;
  /** Where `optional` is written, for messages about an optional page. */
  readonly optionalPlace?: Position;
}

const frontmatterSchema = z.strictObject({
  title: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }),
  id: z
    .string({ error: 'must be text' })
    .refine(isValidId, { error: 'must use lowercase letters, digits and hyphens, such as sexting' })
    .optional(),
  objectives: z.array(z.string({ error: 'must be a list of sentences' }), { error: 'must be a list, one objective per "- " line' }).default([]),
  duration: z
    .number({ error: 'must be a number of minutes, such as 10' })
    .positive({ error: 'must be a positive number of minutes' })
    .optional(),
  lang: z
    .string({ error: 'must be a BCP 47 language tag, such as cy or fr-CA' })
    .refine(isLanguageTag, { error: 'is not a BCP 47 language tag; use a tag such as cy, fr or zh-Hans' })
    .optional(),
  optional: z.boolean({ error: 'must be true or false (without quotes)' }).optional(),
});

/**
 * Reads and checks a section's YAML frontmatter. Positions point into the Markdown file itself
 * (the YAML's offset is the frontmatter node's start plus its `---` line).
 */
export function readFrontmatter(tree: Root, file: VFile): SectionFrontmatter | undefined {
  const node = tree.children[0];
  if (node?.type !== 'yaml') {
    report(file, 'frontmatter-missing', 'This page has no frontmatter. Start the file with a "---" line, "title: Your page title", and another "---" line.', { line: 1, column: 1 });
    return undefined;
  }
  const start = node.position?.start.offset ?? 0;
  const text = String(file.value);
  const valueOffset = text.indexOf('\n', start) + 1;
  const source = parseYaml(file, node.value, valueOffset);
  if (!source) return undefined;
  if (source.document.contents === null) {
    report(file, 'frontmatter-invalid', 'The frontmatter is empty: it needs at least "title: Your page title".', node.position);
    return undefined;
  }
  const result = frontmatterSchema.safeParse(withLangKey(source, source.document.toJS()));
  if (!result.success) {
    reportSchemaIssues(source, result.error.issues, 'frontmatter-invalid', 'the frontmatter', (path) => (path.length === 0 ? Object.keys(frontmatterSchema.shape) : undefined));
    return undefined;
  }
  const { id, duration, lang, optional, ...rest } = result.data;
  const idPlace = id === undefined ? undefined : toPosition(file, yamlRange(source, ['id']));
  const optionalPlace = optional === true ? toPosition(file, yamlRange(source, ['optional'], { key: true })) : undefined;
  return {
    ...rest,
    ...(id === undefined ? {} : { id }),
    ...(duration === undefined ? {} : { duration }),
    ...(lang === undefined ? {} : { lang: Intl.getCanonicalLocales(lang)[0] ?? lang }),
    ...(idPlace ? { idPlace } : {}),
    ...(optional === true ? { optional, ...(optionalPlace ? { optionalPlace } : {}) } : {}),
  };
}

/**
 * course.yaml names the course's language "language"; a page's is "lang", as in HTML. A page that
 * says "language" gets a message saying so, and the rest of the checks read it as "lang".
 */
function withLangKey(source: YamlSource, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('language' in raw) || 'lang' in raw) return raw;
  report(source.file, 'frontmatter-invalid', 'A page\'s language is set with "lang" (as in HTML), such as "lang: cy"; "language" is the key for the whole course, in course.yaml.', yamlRange(source, ['language'], { key: true }));
  const { language, ...rest } = raw as Record<string, unknown>;
  return { ...rest, lang: language };
}

function toPosition(file: VFile, range: { offset: number; endOffset: number }): Position | undefined {
  const index = location(file);
  const start = index.toPoint(range.offset);
  const end = index.toPoint(range.endOffset);
  return start && end ? { start, end } : undefined;
}
