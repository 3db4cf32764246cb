import { z } from 'zod';
import type { CompletionRule, QuestionsRule } from '../../components/course-data.js';

/** The named rules course.yaml has always taken, and the rule each one is. */
const NAMED_RULES = {
  'all-pages': { pages: 1, questions: 'none' },
  'all-questions': { pages: 0, questions: 'all' },
  'all-pages-and-questions': { pages: 1, questions: 'all' },
} as const satisfies Readonly<Record<string, CompletionRule>>;

type NamedRule = keyof typeof NAMED_RULES;
const NAMES = Object.keys(NAMED_RULES) as [NamedRule, ...NamedRule[]];

export const QUESTIONS_RULES = ['all', 'none', 'assessment'] as const satisfies readonly QuestionsRule[];

const PAGES_HELP = 'must be all, none, or a share of the required pages such as 80%';

/**
 * `pages` as a share 0..1, or why it cannot be one. A percentage is whole (1% to 100%): it is
 * rounded up to whole pages anyway, so a finer share would only look more precise.
 */
export function pagesShareOf(value: string | number): number | string {
  if (value === 'all') return 1;
  if (value === 'none') return 0;
  if (typeof value === 'number') {
    const percent = value > 0 && value <= 1 ? Math.round(value * 100) : value;
    return `is a number; write it as a percentage with a % sign, such as ${Number.isInteger(percent) && percent >= 1 && percent <= 100 ? percent : 80}%, or write all or none`;
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (match === null) return PAGES_HELP;
  const percent = Number(match[1]);
  if (!Number.isInteger(percent)) return `is ${value.trim()}: use a whole percentage, such as ${Math.ceil(percent)}%`;
  if (percent === 0) return 'is 0%, which asks for no pages: write "none" if pages do not count, or a share from 1% to 100%';
  if (percent > 100) return `is ${percent}%: a share of the pages is at most 100% (100% is all of them)`;
  return percent / 100;
}

const pagesSchema = z.union([z.string(), z.number()], { error: PAGES_HELP }).transform((value, context) => {
  const share = pagesShareOf(value);
  if (typeof share === 'number') return share;
  context.issues.push({ code: 'custom', message: share, input: value });
  return z.NEVER;
});

/**
 * course.yaml `completion`: one of the named rules, or a mapping of what counts. A key left out of
 * the mapping does not count (`{ pages: 80% }` asks nothing of questions); a mapping must count
 * something.
 */
export const completionSchema = z
  .union(
    [
      z.enum(NAMES),
      z
        .strictObject({
          pages: pagesSchema.optional(),
          questions: z.enum(QUESTIONS_RULES, { error: `must be one of ${QUESTIONS_RULES.join(', ')}` }).optional(),
        })
        .refine((rule) => (rule.pages ?? 0) > 0 || rule.questions === 'all' || rule.questions === 'assessment', {
          error: 'counts nothing: give "pages" (all, or a share such as 80%), "questions: all" (or "assessment": every question pool finished), or both',
          // A misspelled key is one mistake, reported as unknown, not also as a rule that counts nothing.
          when: (payload) => payload.issues.length === 0,
        }),
    ],
    { error: `must be one of ${NAMES.join(', ')}, or a mapping such as "{ pages: 80%, questions: all }"` },
  )
  .default('all-pages-and-questions');

/** The keys of the `completion` mapping, for a "did you mean" under an unknown key. */
export const COMPLETION_KEYS = ['pages', 'questions'] as const;

export type CompletionInput = z.output<typeof completionSchema>;

/** The rule the browser receives: named rules as the mapping they stand for. */
export function resolveCompletion(input: CompletionInput): CompletionRule {
  if (typeof input === 'string') return NAMED_RULES[input];
  return { pages: input.pages ?? 0, questions: input.questions ?? 'none' };
}
