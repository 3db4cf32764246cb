import { describe, expect, it } from 'vitest';
import { renderModules } from '../../scripts/render/render-modules.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

const page = (title: string, body: string): string => `---\ntitle: ${title}\n---\n\n${body}\n`;

function build(files: Record<string, string>): { messages: string[]; pages: Map<string, string>; media: string[] } {
  const result = checkCourse(courseFromStrings(files));
  const messages = result.files.flatMap((file) => file.messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.ruleId ?? ''} ${message.fatal === true ? 'error' : 'warning'}`));
  if (!result.model) return { messages, pages: new Map(), media: [] };
  const modules = renderModules(result.model, { componentsImport: '/c', pageSpecifier: (id) => id, footnoteLabel: 'Notes' });
  return { messages, pages: new Map(modules.pages), media: [...result.model.media.keys()] };
}

describe('what the build makes of links, images and prose colons', () => {
  it('draft mode (broken-link and missing-asset as warnings) leaves the dead link and the missing image out, keeping the link text', () => {
    const { messages, pages } = build({
      'course.yaml': `${baseConfig}rules:\n  broken-link: warning\n  missing-asset: warning\n`,
      'sections/01-a.md': page('A', '[the next page](09-missing.md), [a heading](#nowhere), ![A chart](../assets/gone.svg) and [B][b].\n\n[b]: 08-gone.md'),
    });
    expect(messages).toEqual(['5:1 broken-link warning', '5:33 broken-link warning', '7:1 broken-link warning', '5:56 missing-asset warning']);
    const source = pages.get('a') ?? '';
    expect(source).toContain('"the next page"');
    expect(source).toContain('"a heading"');
    expect(source).not.toMatch(/09-missing|08-gone|nowhere|gone\.svg|<img|<a /);
  });

  it('a link to ./page.md or ../sections/page.md is a page route, and no Markdown file is ever shipped', () => {
    const { messages, pages, media } = build({
      'course.yaml': baseConfig,
      'sections/01-a.md': page('A', '[B](./02-b.md), [B again](../sections/02-b.md#answers) and [B by reference][b].\n\n[b]: ./02-b.md'),
      'sections/02-b.md': page('B', '## Answers\n\nThe answer key.'),
    });
    expect(messages).toEqual([]);
    expect(media).toEqual([]);
    const source = pages.get('a') ?? '';
    expect(source.match(/safeUrl\("#\/b(\/answers)?"\)/g)).toEqual(['safeUrl("#/b")', 'safeUrl("#/b/answers")', 'safeUrl("#/b")']);
    expect(source).not.toContain('.md');
  });

  it('prose that Markdown reads as a text directive is drawn as the text it was', () => {
    const { messages, pages } = build({
      'course.yaml': baseConfig,
      'sections/01-a.md': page('A', 'A screen of 16:9{approx}, Python:list[*int*] and 10:30.'),
    });
    expect(messages).toEqual([]);
    const source = pages.get('a') ?? '';
    expect(source).toContain('${"A screen of 16"}${":9"}${"{approx}"}');
    expect(source).toContain('${":list["}<em>${"int"}</em>${"]"}');
    expect(source).toContain('${":30"}');
  });

  it('web addresses are percent-encoded as CommonMark does', () => {
    const { pages } = build({
      'course.yaml': baseConfig,
      'sections/01-a.md': page('A', '[Zürich](https://example.com/zürich) and <https://example.com/\\[\\>.'),
    });
    const source = pages.get('a') ?? '';
    expect(source).toContain('safeUrl("https://example.com/z%C3%BCrich")');
    expect(source).toContain('safeUrl("https://example.com/%5C%5B%5C")');
  });
});
