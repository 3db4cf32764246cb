/**
 * The catalogue of author-facing rules. Ids are permanent: tools and docs refer to them
 * (docs/authoring.md lists them; docs/rules/<id>.md explains each, as `coursemark explain` prints
 * it). Severity is the default; a message may not change it.
 */
export const rules = {
  'yaml-syntax': 'error',
  'config-missing': 'error',
  'config-invalid': 'error',
  'course-parts': 'error',
  'lrs-credentials': 'error',
  'glossary-invalid': 'error',
  'frontmatter-missing': 'error',
  'frontmatter-invalid': 'error',
  'no-sections': 'error',
  'unknown-directive': 'error',
  'directive-attribute': 'error',
  'directive-misplaced': 'error',
  'duplicate-id': 'error',
  'question-no-correct': 'error',
  'question-answers': 'error',
  'question-prompt': 'error',
  'question-pool': 'error',
  'figure-alt': 'error',
  'missing-asset': 'error',
  'path-escape': 'error',
  'raw-html': 'error',
  'unsafe-url': 'error',
  'broken-link': 'error',
  'unknown-term': 'error',
  'heading-level': 'warning',
  'support-duplicate': 'error',
  // Pages marked optional, and the completion rule.
  'optional-page-questions': 'error',
  'no-required-pages': 'error',
  'resume-budget': 'error',
  'unused-attribute': 'warning',
  'file-encoding': 'error',
  'file-link': 'error',
  'file-name': 'warning',
  'input-limit': 'error',
  // Directive lines that Markdown could not read, media in the place of images.
  'directive-syntax': 'error',
  'directive-unclosed': 'error',
  'image-type': 'error',
  'file-type': 'error',
  'active-asset': 'error',
  'unsafe-svg': 'error',
  'url-credentials': 'error',
  // The course's look and language (course.yaml theme, strings, language).
  'theme-contrast': 'warning',
  'font-file': 'error',
  'font-license': 'warning',
  'interface-language': 'warning',
  // Formulas, code, media.
  'math-syntax': 'error',
  'captions-invalid': 'error',
  'captions-missing': 'error',
  'media-embed': 'warning',
  // What a Common Cartridge (--target cc) cannot carry into the LMS's own quizzes.
  'cc-question-type': 'warning',
  'cc-question-pool': 'warning',
} as const satisfies Record<string, Severity>;

export type Severity = 'error' | 'warning';
export type RuleId = keyof typeof rules;

/** The `source` every coursemark message carries, as unified tools do. */
export const messageSource = 'coursemark';
