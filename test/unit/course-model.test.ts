import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

const intro = '---\ntitle: Introduction\nobjectives:\n  - Name the forms of abuse.\nduration: 5\n---\n\n## Why it matters\n\nText.\n';
const quiz = `---\ntitle: Quiz\n---\n\n:::question{#pick type=single-choice weight=2}\nPick.\n\n- [ ] No :feedback[Not this one.]\n- [x] Yes\n::correct[Right.]\n:::\n\n:::question{#match type=matching}\nMatch.\n\n- A -> one\n- B -> two\n- C -> one\n:::\n\n:::activity{#reflect title="Reflect"}\nThink.\n\n::discussion\n\nDiscuss.\n:::\n`;

describe('course model', () => {
  it('derives stable IRIs from the course id that survive reordering and renumbering', () => {
    const first = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-introduction.md': intro, 'sections/02-quiz.md': quiz })).model;
    const reordered = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/05-quiz.md': quiz, 'sections/09-introduction.md': intro })).model;
    expect(first?.data.pages.map((page) => page.iri)).toEqual(['https://example.org/courses/test/pages/introduction', 'https://example.org/courses/test/pages/quiz']);
    expect(reordered?.data.pages.map((page) => page.iri)).toEqual(['https://example.org/courses/test/pages/quiz', 'https://example.org/courses/test/pages/introduction']);
    expect(reordered?.data.questions.map((question) => question.iri)).toEqual(first?.data.questions.map((question) => question.iri));
    expect(first?.data.activities[0]?.iri).toBe('https://example.org/courses/test/activities/reflect');
  });

  it('builds typed question data for the browser', () => {
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/02-quiz.md': quiz })).model;
    const [pick, match] = model?.data.questions ?? [];
    expect(pick).toMatchObject({ type: 'single-choice', weight: 2, pageId: 'quiz', choices: [{ id: 'a', text: 'No', correct: false }, { id: 'b', text: 'Yes', correct: true }] });
    // Equal right-hand texts share one target, so matching can reuse a target.
    expect(match).toMatchObject({ type: 'matching', targets: [{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }], pairs: [['1', 'a'], ['2', 'b'], ['3', 'a']] });
    expect(model?.data.pages[0]).toMatchObject({ questions: ['pick', 'match'], activities: ['reflect'] });
  });

  it('fills defaults from course.yaml and derives the writing direction', () => {
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig.replace('language: en', 'language: ar-EG'), 'sections/01-introduction.md': intro })).model;
    expect(model?.data).toMatchObject({ language: 'ar-EG', dir: 'rtl', mastery: 0.8, completion: { pages: 1, questions: 'all' }, theme: { accent: '#3b5ba9', font: 'sans' } });
    expect(model?.data.pages[0]).toMatchObject({ objectives: ['Name the forms of abuse.'], duration: 5, headings: [{ id: 'why-it-matters', text: 'Why it matters', depth: 2 }] });
  });

  it('gives no model while any error remains, and keeps warnings', () => {
    const withError = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': intro + '\n<b>raw</b>\n' }));
    expect(withError.model).toBeUndefined();
    const withWarning = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': intro + '\n# Extra\n' }));
    expect(withWarning.model).toBeDefined();
    expect(withWarning.files.flatMap((file) => file.messages).map((message) => message.ruleId)).toEqual(['heading-level']);
  });

  it('resolves page links to routes and media to ASCII output paths', () => {
    const page = '---\ntitle: Links\n---\n\nSee [the intro](01-introduction.md#why-it-matters) and ![A chart](<../assets/Chärt 1.svg>) and [the table](../assets/Ch%C3%A4rt%201.svg).\n';
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-introduction.md': intro, 'sections/02-links.md': page, 'assets/Chärt 1.svg': '<svg/>' })).model;
    expect([...(model?.urls.values() ?? [])].sort()).toEqual(['#/introduction/why-it-matters', 'media/assets/chart-1.svg', 'media/assets/chart-1.svg']);
  });

  it('reports an SVG with script at every place that shows it, though the drawing is read once per build', () => {
    const page = (title: string) => `---\ntitle: ${title}\n---\n\n![A chart](../assets/chart.svg)\n\n![The same chart](../assets/chart.svg)\n`;
    const result = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page('A'), 'sections/02-b.md': page('B'), 'assets/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }));
    const places = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unsafe-svg').map((message) => `${file.path}:${message.line}`));
    expect(places).toEqual(['sections/01-a.md:5', 'sections/01-a.md:7', 'sections/02-b.md:5', 'sections/02-b.md:7']);
    expect(result.model).toBeUndefined();
  });
});

describe('rule severities from course.yaml', () => {
  const page = '---\ntitle: Draft\n---\n\nSee [a page to come](09-later.md) and ![A chart](../assets/later.svg).\n';
  it('turns broken links and missing images into warnings when the author asks, and builds', () => {
    const config = `${baseConfig}rules:\n  broken-link: warning\n  missing-asset: warning\n`;
    const result = checkCourse(courseFromStrings({ 'course.yaml': config, 'sections/01-draft.md': page }));
    const messages = result.files.flatMap((file) => file.messages).map((message) => [message.ruleId, message.fatal]);
    expect(messages).toEqual([
      ['broken-link', false],
      ['missing-asset', false],
    ]);
    expect(result.model).toBeDefined();
  });

  it('keeps them errors by default, and refuses rules that cannot be adjusted', () => {
    expect(checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-draft.md': page })).model).toBeUndefined();
    const result = checkCourse(courseFromStrings({ 'course.yaml': `${baseConfig}rules:\n  raw-html: warning\n`, 'sections/01-draft.md': page }));
    const messages = result.files.flatMap((file) => file.messages);
    expect(messages.find((message) => message.ruleId === 'config-invalid')).toMatchObject({ line: 6 });
  });
});

describe('parts', () => {
  const parts = (list: string): string => `${baseConfig}parts:\n  - title: Reading\n    pages: [${list}]\n`;

  it('resolves page ids, file names and the id a file name gives, in course order; no parts: none', () => {
    const renamed = intro.replace('title:', 'id: welcome\ntitle:');
    const model = checkCourse(courseFromStrings({ 'course.yaml': parts('02-quiz.md, introduction'), 'sections/01-introduction.md': renamed, 'sections/02-quiz.md': quiz })).model;
    expect(model?.data.parts).toEqual([{ id: 'reading', title: 'Reading', pages: ['welcome', 'quiz'] }]);
    expect(checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-introduction.md': intro })).model?.data.parts).toEqual([]);
  });

  it('says nothing more about a page whose file could not be read: its own error is enough', () => {
    const huge = `---\ntitle: Huge\n---\n\n${'Text. '.repeat(400)}\n`;
    const { files } = checkCourse(courseFromStrings({ 'course.yaml': parts('introduction, huge'), 'sections/01-introduction.md': intro, 'sections/02-huge.md': huge }), { limits: { maxPageSize: 1024, maxNesting: 32 } });
    const rules = files.flatMap((file) => file.messages.map((message) => message.ruleId));
    expect(rules).toEqual(['input-limit']);
  });
});
