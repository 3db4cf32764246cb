import type { VFile } from 'vfile';
import { z } from 'zod';
import type { CourseData, Scorm12StatusMode } from '../../components/course-data.js';
import { report } from '../diagnostics/report.js';
import type { Severity } from '../diagnostics/rules.js';
import { isScalar, visit as visitYaml } from 'yaml';
import { parseYaml, yamlRange, type YamlSource } from '../parse/yaml-source.js';
import type { StringOverrides } from '../render/message-modules.js';
import { COMPLETION_KEYS, completionSchema, resolveCompletion } from './completion-config.js';
import { coverKeysAt, coverSchema, resolveCover, type CoverConfig } from './cover-config.js';
import { checkInterfaceLanguage, checkStrings, stringsSchema } from './interface-strings.js';
import { reportSchemaIssues } from './schema-messages.js';
import { reportShadeChanges, resolveTheme, themeKeysAt, themeSchema, type ThemeConfig } from './theme-config.js';
import { directionOf, isAbsoluteIri, isLanguageTag } from './value-checks.js';

/** course.yaml once checked, with every default filled in: the course-level part of CourseData. */
export type ResolvedCourseConfig = Pick<
  CourseData,
  'id' | 'title' | 'description' | 'language' | 'dir' | 'version' | 'authors' | 'license' | 'mastery' | 'completion' | 'scorm12Status'
> & {
  /** The look, with the course paths of the logo and font files (the model resolves them). */
  readonly theme: ThemeConfig;
  /** The cover page, when course.yaml asks for one. */
  readonly cover: CoverConfig | undefined;
  /** Interface messages this course words its own way (`strings:`). */
  readonly strings: StringOverrides;
  /** Severity overrides for the rules an author may relax or tighten (build-time only). */
  readonly rules: Readonly<Partial<Record<AdjustableRule, Severity>>>;
  /** `parts` as written, with where each piece is, for the model to resolve against the pages. */
  readonly parts: readonly PartDeclaration[];
  /** How a cmi5 package splits the course into AUs (`cmi5.aus`); `--cmi5-aus` overrides it. */
  readonly cmi5Layout: { readonly value: Cmi5Layout; readonly place: Place };
  /** `passing`: which questions the score and the pass are over, and where it is written. */
  readonly passing: { readonly value: 'all' | 'pools'; readonly place: Place };
  /** Where `completion` is written, for messages about the rule; undefined when it is left out. */
  readonly completionPlace: Place | undefined;
};

type Place = { readonly offset: number; readonly endOffset: number };

/** One entry of `parts` in course.yaml, before its pages are matched with the course's. */
export interface PartDeclaration {
  readonly id: string | undefined;
  readonly title: string;
  readonly place: Place;
  readonly idPlace: Place;
  /** Page ids or file names, each with its place in course.yaml. */
  readonly pages: readonly { readonly name: string; readonly place: Place }[];
}

/**
 * cmi5 AU layouts: `single`, one AU for the course; `per-page`, one AU per page (grouped in a block
 * per part when parts are declared); `per-part`, one AU per part.
 */
export const CMI5_LAYOUTS = ['single', 'per-page', 'per-part'] as const;
export type Cmi5Layout = (typeof CMI5_LAYOUTS)[number];

/** The four SCORM 1.2 status modes that authoring tools offer (course-data.ts Scorm12StatusMode). */
export const SCORM12_STATUS_MODES = ['completed-incomplete', 'completed-failed', 'passed-incomplete', 'passed-failed'] as const satisfies readonly Scorm12StatusMode[];

/** Rules whose severity course.yaml may change: drafts often link to pages and images still to come. */
export const ADJUSTABLE_RULES = ['missing-asset', 'broken-link'] as const;
export type AdjustableRule = (typeof ADJUSTABLE_RULES)[number];

const text = (what: string) =>
  z.string({ error: `must be text${what ? `, ${what}` : ''} (put it in quotes if YAML reads it as a number or date)` }).trim().min(1, { error: 'must not be empty' });

const courseConfigSchema = z.strictObject({
  id: text('an absolute IRI such as https://example.org/courses/my-course').refine(isAbsoluteIri, {
    error: 'must be an absolute IRI such as https://example.org/courses/my-course or urn:example:my-course (an https, http, urn or tag address; no spaces, no #fragment, no user name or password); it names the course in every LMS',
  }),
  title: text(''),
  description: z.string({ error: 'must be text' }).default(''),
  language: text('a BCP 47 tag such as en-GB').refine(isLanguageTag, { error: 'is not a BCP 47 language tag; use a tag such as en, en-GB or ar' }).optional(),
  version: text('such as "1.0.0"'),
  authors: z.array(z.string({ error: 'must be a list of names' }), { error: 'must be a list of names' }).default([]),
  license: z.string({ error: 'must be text, such as CC-BY-4.0' }).default(''),
  mastery: z
    .number({ error: 'must be a number from 0 to 1, such as 0.8 (80%)' })
    .min(0, { error: 'must be from 0 to 1, such as 0.8 for 80%' })
    .max(1, { error: 'must be from 0 to 1, such as 0.8 for 80% (not a percentage)' })
    .default(0.8),
  completion: completionSchema,
  passing: z
    .enum(['all', 'pools'], { error: 'must be all (every question counts towards the score) or pools (only the questions of question pools: the others are practice)' })
    .default('all'),
  scorm12: z
    .strictObject({
      status: z
        .enum(SCORM12_STATUS_MODES, { error: `must be one of ${SCORM12_STATUS_MODES.join(', ')}: the SCORM 1.2 status for a learner who passes, then for one who does not` })
        .default('completed-incomplete'),
    })
    .default({ status: 'completed-incomplete' }),
  parts: z
    .array(
      z.strictObject({
        id: z.string({ error: 'must be text: an id in lowercase letters, digits and hyphens' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens, such as "part-one"' }).optional(),
        title: text('the part\'s title'),
        pages: z.array(text('a page id or file name, such as sexting or 03-sexting.md'), { error: 'must be a list of page ids or file names, such as [introduction, 02-sexting.md]' }).min(1, { error: 'must list at least one page' }),
      }),
      { error: 'must be a list of parts, each with a title and its pages' },
    )
    .default([]),
  cmi5: z
    .strictObject({
      aus: z.enum(CMI5_LAYOUTS, { error: `must be one of ${CMI5_LAYOUTS.join(', ')}` }).default('single'),
    })
    .default({ aus: 'single' }),
  rules: z
    .partialRecord(z.enum(ADJUSTABLE_RULES, { error: `must be one of ${ADJUSTABLE_RULES.join(', ')}` }), z.enum(['error', 'warning'], { error: 'must be error or warning' }), {
      error: 'must map rule ids to error or warning, such as "broken-link: warning"',
    })
    .default({}),
  theme: themeSchema,
  cover: coverSchema,
  strings: stringsSchema,
});

/** The keys a mapping of course.yaml may have, for a "did you mean" under an unknown key. */
function keysAt(path: readonly PropertyKey[]): readonly string[] | undefined {
  if (path.length === 1 && path[0] === 'completion') return COMPLETION_KEYS;
  return path.length === 0 ? Object.keys(courseConfigSchema.shape) : (themeKeysAt(path) ?? coverKeysAt(path));
}

/**
 * Reads and checks course.yaml. Every problem becomes a positioned message on `file`; returns
 * undefined when the configuration cannot be used.
 */
export function readCourseConfig(file: VFile): ResolvedCourseConfig | undefined {
  const source = parseYaml(file, String(file.value), 0);
  if (!source) return undefined;
  const credentials = reportCredentials(source);
  const raw: unknown = source.document.toJS();
  if (credentials.length > 0 && typeof raw === 'object' && raw !== null) {
    for (const key of credentials) delete (raw as Record<string, unknown>)[key];
  }
  const result = courseConfigSchema.safeParse(raw);
  if (!result.success) {
    if (source.document.contents === null) {
      report(file, 'config-invalid', 'course.yaml is empty: it needs at least id, title, language and version.', { line: 1, column: 1 });
    } else reportSchemaIssues(source, result.error.issues, 'config-invalid', 'course.yaml', keysAt);
    return undefined;
  }
  const { scorm12, cmi5, parts, theme: themeInput, cover, strings: stringsInput, language = 'en', passing, completion, ...config } = result.data;
  const theme = resolveTheme(themeInput, source);
  reportShadeChanges(file, source, theme);
  const strings = checkStrings(file, source, stringsInput);
  checkInterfaceLanguage(file, source, result.data.language, strings);
  return {
    ...config,
    theme,
    cover: resolveCover(cover, source),
    strings,
    scorm12Status: scorm12.status,
    completion: resolveCompletion(completion),
    completionPlace: source.document.has('completion') ? yamlRange(source, ['completion'], { key: true }) : undefined,
    parts: parts.map((part, i) => ({
      id: part.id,
      title: part.title,
      place: yamlRange(source, ['parts', i]),
      idPlace: yamlRange(source, ['parts', i, part.id === undefined ? 'title' : 'id']),
      pages: part.pages.map((name, j) => ({ name, place: yamlRange(source, ['parts', i, 'pages', j]) })),
    })),
    cmi5Layout: { value: cmi5.aus, place: yamlRange(source, ['cmi5', 'aus']) },
    passing: { value: passing, place: yamlRange(source, ['passing']) },
    id: config.id.replace(/\/+$/, ''),
    language: Intl.getCanonicalLocales(language)[0] ?? language,
    dir: directionOf(language),
  };
}

// Keys that carry LRS or LMS credentials. A package is a public file: anyone who can download it could
// read them. The LMS (SCORM) or the cmi5 launch (cmi5 8.1) provides the endpoint and credentials at run time.
const CREDENTIAL_KEY = /^(lrs|endpoint|auth|authorization|secret|password|passwd|username|user|key|token|api[-_]?key|client[-_]?secret)$/i;

/** Reports every credential-like key, at any depth, and returns the top-level keys to drop before the schema check. */
function reportCredentials(source: YamlSource): string[] {
  const topLevel: string[] = [];
  visitYaml(source.document, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !CREDENTIAL_KEY.test(pair.key.value)) return undefined;
      const name = pair.key.value;
      const range = pair.key.range ?? [0, 0, 0];
      report(
        source.file,
        'lrs-credentials',
        `"${name}" looks like LRS or LMS credentials. coursemark never puts credentials in a package, which anyone with the file can read: the LMS provides them at launch (the SCORM API, or the cmi5 fetch URL). Remove "${name}" from course.yaml.`,
        { offset: source.offset + range[0], endOffset: source.offset + range[1] },
      );
      // [Document, top-level map]: a key of course.yaml itself.
      if (path.length === 2) topLevel.push(name);
      // One message per credentials block, not one per key inside it.
      return visitYaml.SKIP;
    },
  });
  return topLevel;
}
