import { beforeAll, describe, expect, it } from 'vitest';
import { renderModules } from '../../scripts/render/render-modules.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { loadRenderersFor } from '../../scripts/validate/formula-and-code-renderers.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

// checkCourse analyses in this thread, synchronously: the renderers are loaded first, as the CLI does.
beforeAll(() => loadRenderersFor(['$', '```']));

function page(body: string) {
  const result = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': `---\ntitle: A\n---\n\n${body}\n` }));
  const messages = result.files.flatMap((file) => file.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column, reason: message.reason })));
  const modules = result.model ? renderModules(result.model, { componentsImport: '/c', pageSpecifier: (id) => id, footnoteLabel: 'Notes' }) : undefined;
  return { messages, source: modules?.pages.get('a') ?? '' };
}

describe('maths at build time', () => {
  it('renders inline and display TeX as MathML with its TeX annotation, without styles or scripts', () => {
    const { messages, source } = page('Inline $C_1 V_1 = C_2 V_2$ and\n\n$$\n\\frac{a}{b}\n$$');
    expect(messages).toEqual([]);
    expect(source).toContain('<span class=${"math-inline"}><math><semantics><mrow><msub><mi>${"C"}</mi><mn>${"1"}</mn></msub>');
    expect(source).toContain('<div class=${"math-display"}><math display=${"block"}><semantics><mfrac><mi>${"a"}</mi><mi>${"b"}</mi></mfrac>');
    expect(source).toContain('<annotation encoding=${"application/x-tex"}>${"\\\\frac{a}{b}"}</annotation>');
    expect(source).not.toMatch(/style=|tml-/);
  });

  it('keeps prices written with dollar signs as prose', () => {
    const { messages, source } = page('A ticket at $5 and a meal at $10.');
    expect(messages).toEqual([]);
    expect(source).not.toContain('<math');
    expect(source).toContain('${"A ticket at "}${"$5 and a meal at $"}${"10."}');
  });

  it('places a TeX error at the problem inside the formula and says what it is', () => {
    const { messages, source } = page('Text $a + \\foo{2}$ more');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'math-syntax', line: 5, column: 11 });
    expect(messages[0]?.reason).toContain('\\foo');
    // Shown as its TeX, never as half-made MathML.
    expect(source).not.toContain('<math');
  });

  it('reports Temml failures on broken input as an author error, not a crash', () => {
    const { messages } = page('Broken $x^$ here');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'math-syntax', line: 5 })]);
  });

  it('refuses macros that would expand without end', () => {
    const { messages } = page('$$\n\\def\\a{\\a\\a}\\a\n$$');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'math-syntax' })]);
  });
});
