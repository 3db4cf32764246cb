import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../components/course-outline.js';
import { cmi5Manifest, type Cmi5Au } from '../../scripts/package/cmi5-manifest.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { readCourseConfig } from '../../scripts/validate/course-config.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

// course.yaml `completion` (named rules and the mapping form) and page frontmatter `optional`.
function config(completion: string): { rule: unknown; messages: string[] } {
  const file = new VFile({ path: 'course.yaml', value: `${baseConfig}${completion}\n` });
  const resolved = readCourseConfig(file);
  return { rule: resolved?.completion, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
}

const page = (title: string, extra = '', body = 'Text.\n'): string => `---\ntitle: ${title}\n${extra}---\n\n${body}`;
const question = ':::question{#q1 type=true-false answer=true}\nTrue?\n:::\n';

describe('course.yaml completion', () => {
  it('maps the three named rules to exactly what they have always meant', () => {
    expect(config('completion: all-pages').rule).toEqual({ pages: 1, questions: 'none' });
    expect(config('completion: all-questions').rule).toEqual({ pages: 0, questions: 'all' });
    expect(config('completion: all-pages-and-questions').rule).toEqual({ pages: 1, questions: 'all' });
    expect(config('').rule).toEqual({ pages: 1, questions: 'all' });
  });

  it('takes a mapping: pages as all, none or a whole percentage (quoted or not); a key left out does not count', () => {
    expect(config('completion: { pages: all }').rule).toEqual({ pages: 1, questions: 'none' });
    expect(config('completion: { pages: 80% }').rule).toEqual({ pages: 0.8, questions: 'none' });
    expect(config('completion:\n  pages: "75%"\n  questions: all').rule).toEqual({ pages: 0.75, questions: 'all' });
    expect(config('completion: { questions: all }').rule).toEqual({ pages: 0, questions: 'all' });
    expect(config('completion: { pages: none, questions: all }').rule).toEqual({ pages: 0, questions: 'all' });
    expect(config('completion: { pages: 100% }').rule).toEqual({ pages: 1, questions: 'none' });
  });

  it('reports each mistake at its value, with the fix', () => {
    expect(config('completion:\n  pages: 150%\n  questions: some').messages).toEqual([
      '6:10 config-invalid "completion.pages" in course.yaml is 150%: a share of the pages is at most 100% (100% is all of them).',
      '7:14 config-invalid "completion.questions" in course.yaml must be one of all, none, assessment.',
    ]);
    expect(config('completion: { pages: 0% }').messages).toEqual([
      '5:22 config-invalid "completion.pages" in course.yaml is 0%, which asks for no pages: write "none" if pages do not count, or a share from 1% to 100%.',
    ]);
    expect(config('completion: { pages: 80 }').messages[0]).toContain('5:22 config-invalid "completion.pages" in course.yaml is a number; write it as a percentage with a % sign, such as 80%');
    expect(config('completion: { pages: 0.8 }').messages[0]).toContain('such as 80%');
    expect(config('completion: { pages: 62.5% }').messages[0]).toContain('use a whole percentage, such as 63%');
    expect(config('completion: { pages: most }').messages[0]).toContain('must be all, none, or a share of the required pages such as 80%');
  });

  it('reports an unknown key once, with its suggestion, and a mapping that counts nothing at the mapping', () => {
    expect(config('completion: { pagez: all }').messages).toEqual(['5:15 config-invalid Unknown key "completion.pagez" in course.yaml. Did you mean "pages"?']);
    for (const nothing of ['{}', '{ pages: none }', '{ pages: none, questions: none }']) {
      expect(config(`completion: ${nothing}`).messages).toEqual([
        '5:13 config-invalid "completion" in course.yaml counts nothing: give "pages" (all, or a share such as 80%), "questions: all" (or "assessment": every question pool finished), or both.',
      ]);
    }
    expect(config('completion: 80%').messages).toEqual([
      '5:13 config-invalid "completion" in course.yaml must be one of all-pages, all-questions, all-pages-and-questions, or a mapping such as "{ pages: 80%, questions: all }".',
    ]);
  });
});

describe('optional pages', () => {
  it('writes optional only on optional pages, in the course data and the outline', () => {
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page('A'), 'sections/02-b.md': page('B', 'optional: true\n'), 'sections/03-c.md': page('C', 'optional: false\n') })).model;
    expect(model?.data.pages.map((info) => ['optional' in info, info.optional])).toEqual([[false, undefined], [true, true], [false, undefined]]);
    expect(model && outlineOf(model.data).pages).toEqual([
      { id: 'a', title: 'A', index: 0 },
      { id: 'b', title: 'B', index: 1, optional: true },
      { id: 'c', title: 'C', index: 2 },
    ]);
  });

  it('reports a value other than true or false at the value', () => {
    const { files } = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page('A', 'optional: yes please\n') }));
    expect(files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))).toEqual([
      'sections/01-a.md:3:11 frontmatter-invalid "optional" in the frontmatter must be true or false (without quotes).',
    ]);
  });

  it('refuses questions on an optional page, at its "optional" key', () => {
    const { files, model } = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page('A'), 'sections/02-b.md': page('B', 'optional: true\n', question) }));
    expect(model).toBeUndefined();
    const messages = files.flatMap((file) => file.messages.map((message) => ({ file: file.path, line: message.line, column: message.column, ruleId: message.ruleId, reason: message.reason })));
    expect(messages).toEqual([expect.objectContaining({ file: 'sections/02-b.md', line: 3, column: 1, ruleId: 'optional-page-questions' })]);
    expect(messages[0]?.reason).toContain('("q1")');
    const pool = '::::question-pool{#extra draw=1}\n:::question{#p1 type=true-false answer=true}\nOne?\n:::\n\n:::question{#p2 type=true-false answer=false}\nTwo?\n:::\n::::\n';
    const pooled = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page('A'), 'sections/02-b.md': page('B', 'optional: true\n', pool) }));
    expect(pooled.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))).toEqual(['sections/02-b.md:3:1 optional-page-questions']);
  });

  it('refuses a course whose every page is optional, at course.yaml completion (or its first line)', () => {
    const all = { 'sections/01-a.md': page('A', 'optional: true\n'), 'sections/02-b.md': page('B', 'optional: true\n') };
    const where = (yaml: string): string[] =>
      checkCourse(courseFromStrings({ 'course.yaml': yaml, ...all })).files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`));
    expect(where(`${baseConfig}completion: { pages: 80% }\n`)).toEqual(['course.yaml:5:1 no-required-pages']);
    expect(where(baseConfig)).toEqual(['course.yaml:1:1 no-required-pages']);
  });

  it('gives an AU of optional pages only moveOn NotApplicable; the others keep theirs', () => {
    const model = checkCourse(
      courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page('A'), 'sections/02-b.md': page('B', 'optional: true\n'), 'sections/03-c.md': page('C', '', question) }),
    ).model;
    if (model === undefined) throw new Error('the course has errors');
    const aus = cmi5Manifest(model, { layout: 'per-page' }).children as readonly Cmi5Au[];
    expect(aus.map((au) => [au.url, au.moveOn])).toEqual([
      ['index.html?au=a', 'Completed'],
      ['index.html?au=b', 'NotApplicable'],
      ['index.html?au=c', 'CompletedAndPassed'],
    ]);
    expect((cmi5Manifest(model, { layout: 'single' }).children[0] as Cmi5Au).moveOn).toBe('CompletedAndPassed');
  });
});
