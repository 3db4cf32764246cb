import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { litTemplate } from '../../scripts/render/lit-template.js';
import { renderModules } from '../../scripts/render/render-modules.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

/** Evaluates generated template source with a stand-in `html` tag that records static parts and values. */
function evaluate(source: string): { strings: string[]; values: unknown[] } {
  const strings: string[] = [];
  const values: unknown[] = [];
  const html = (parts: TemplateStringsArray, ...inner: unknown[]) => {
    strings.push(...parts);
    values.push(...inner);
    return { parts: [...parts], inner };
  };
  const safeUrl = (url: string) => `safe:${url}`;
  new Function('html', 'safeUrl', `return ${source};`)(html, safeUrl);
  return { strings, values };
}

const hostile = '<img src=x onerror=alert(1)>`${alert(2)}`\\';

describe('Lit template rendering', () => {
  it('keeps author text out of the static template parts', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', properties: { title: hostile }, children: [{ type: 'text', value: hostile }] },
        { type: 'element', tagName: 'a', properties: { href: 'https://example.org/?q="><script>' }, children: [{ type: 'text', value: 'x' }] },
      ],
    };
    const { strings, values } = evaluate(litTemplate(tree));
    const statics = strings.join('');
    expect(statics).not.toContain('onerror');
    expect(statics).not.toContain('script');
    expect(statics).toBe('<p title=></p><a href=></a>');
    expect(values).toEqual([hostile, hostile, 'safe:https://example.org/?q="><script>', 'x']);
  });

  it('refuses tag names that are not plain element names', () => {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'img onerror=x', properties: {}, children: [] }] };
    expect(() => litTemplate(tree)).toThrow(/invalid tag name/);
  });

  it('renders a page module with directive elements bound to their data', () => {
    const page = `---\ntitle: Page\n---\n\n:::content-warning{title="Before you read"}\nCareful <3.\n:::\n\n:::question{#q type=true-false answer=false}\nIs it *true*?\n\n::incorrect[It is false.]\n:::\n`;
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-page.md': page })).model;
    expect(model).toBeDefined();
    if (!model) return;
    const modules = renderModules(model, { componentsImport: '/c', pageSpecifier: (id) => `page:${id}`, footnoteLabel: 'Footnotes' });
    const source = modules.pages.get('page') ?? '';
    expect(source).toContain('<cm-content-warning heading=${"Before you read"}>');
    expect(source).toMatch(/<cm-question \.question=\$\{\{"id":"q","weight":1,"promptText":"Is it true\?","type":"true-false","answer":false/);
    expect(source).toContain('"incorrect": html`');
    expect(modules.course).toContain('() => import("page:page")');
  });

  it('marks a passage and a page in another language, with their direction', () => {
    const page = `---\ntitle: Croeso\nlang: CY\n---\n\nIn Welsh, :span[Bore da]{lang=cy} means good morning; in Arabic, :span[صباح الخير]{lang=ar}.\n`;
    const model = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-page.md': page })).model;
    expect(model?.data.pages[0]).toMatchObject({ lang: 'cy', dir: 'ltr' });
    if (!model) return;
    const source = renderModules(model, { componentsImport: '/c', pageSpecifier: (id) => `page:${id}`, footnoteLabel: 'Footnotes' }).pages.get('page') ?? '';
    expect(source).toContain('<span lang=${"cy"} dir=${"ltr"}>${"Bore da"}</span>');
    expect(source).toContain('<span lang=${"ar"} dir=${"rtl"}>');
  });

  it('reports a passage whose language is not a tag, and keeps its text', () => {
    const page = `---\ntitle: Page\n---\n\nA greeting: :span[Bore da]{lang="Welsh language"}; and :span[hola].\n`;
    const result = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-page.md': page }));
    const messages = result.files.flatMap((file) => file.messages).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
    expect(messages).toEqual([
      expect.stringMatching(/^5:13 directive-attribute "Welsh language" is not a BCP 47 language tag/),
      expect.stringMatching(/^5:56 directive-attribute "span" needs "lang"/),
    ]);
  });
});
