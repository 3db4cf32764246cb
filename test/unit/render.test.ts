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
});
