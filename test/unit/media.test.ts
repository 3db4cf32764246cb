import { describe, expect, it } from 'vitest';
import { embedAddress } from '../../scripts/directives/media.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { renderModules } from '../../scripts/render/render-modules.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

function page(body: string) {
  const result = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': `---\ntitle: A\n---\n\n${body}\n`, 'assets/talk.mp4': '', 'assets/talk.vtt': 'WEBVTT\n' }));
  const messages = result.files.flatMap((file) => file.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column, reason: message.reason })));
  const modules = result.model ? renderModules(result.model, { componentsImport: '/c', pageSpecifier: (id) => id, footnoteLabel: 'Notes' }) : undefined;
  return { messages, activities: result.model?.data.activities ?? [], pages: result.model?.data.pages ?? [], source: modules?.pages.get('a') ?? '' };
}

describe(':::media required', () => {
  it('makes the media an activity of its page, named by its id, private and unscored', () => {
    const { messages, activities, pages, source } = page(':::media{#opening-talk src="../assets/talk.mp4" captions="../assets/talk.vtt" title="Opening talk" required}\n:::');
    expect(messages).toEqual([]);
    expect(activities).toEqual([
      { id: 'opening-talk', kind: 'video', iri: 'https://example.org/courses/test/activities/opening-talk', pageId: 'a', title: 'Opening talk', promptText: 'Opening talk', hasDiscussion: false, shared: false },
    ]);
    expect(pages[0]?.activities).toEqual(['opening-talk']);
    expect(source).toContain('.activity=${');
  });

  it('without required, media is no activity', () => {
    const { messages, activities } = page(':::media{#opening-talk src="../assets/talk.mp4" captions="../assets/talk.vtt"}\n:::');
    expect(messages).toEqual([]);
    expect(activities).toEqual([]);
  });

  it('needs an id, and cannot be required on a web address: positioned errors', () => {
    const noId = page(':::media{src="../assets/talk.mp4" captions="../assets/talk.vtt" required}\n:::');
    expect(noId.messages).toEqual([expect.objectContaining({ ruleId: 'directive-attribute', line: 5, column: 65 })]);
    expect(noId.messages[0]?.reason).toContain('needs an id');
    const web = page(':::media{#talk src="https://example.org/talk" title="Talk" required}\n:::');
    expect(web.messages).toEqual([expect.objectContaining({ ruleId: 'directive-attribute', line: 5, column: 60 })]);
    expect(web.activities).toEqual([]);
  });

  it('shares the id space of questions and activities: a clash is a duplicate id', () => {
    const { messages } = page(':::activity{#talk}\nWhat did you hear?\n:::\n\n:::media{#talk src="../assets/talk.mp4" captions="../assets/talk.vtt" required}\n:::');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'duplicate-id', line: 9 })]);
  });
});

describe(':::media embed', () => {
  it('turns watch pages of the usual services into their players, and refuses addresses that are not https', () => {
    expect(embedAddress('https://www.youtube.com/watch?v=abcdefghijk&t=30')).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    expect(embedAddress('https://youtu.be/abcdefghijk')).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    expect(embedAddress('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
    expect(embedAddress('https://media.example.ac.uk/embed/42')).toBe('https://media.example.ac.uk/embed/42');
    expect(embedAddress('http://media.example.ac.uk/embed/42')).toBeUndefined();
    expect(embedAddress('https://www.youtube.com/watch?v=<script>')).toBeUndefined();
  });

  it('needs a title for the frame, and warns that LMSs often block it', () => {
    const { messages, source } = page(':::media{src="https://vimeo.com/76979871" embed}\n:::');
    expect(messages.map((message) => message.ruleId).sort()).toEqual(['directive-attribute', 'media-embed']);
    expect(source).toBe('');
    const titled = page(':::media{src="https://vimeo.com/76979871" title="A lecture" embed}\n:::');
    expect(titled.messages.map((message) => message.ruleId)).toEqual(['media-embed']);
    expect(titled.source).toContain('<iframe src=${safeUrl("https://player.vimeo.com/video/76979871")} title=${"A lecture"}');
  });

  it('is refused on a course file, which always plays on the page', () => {
    const { messages } = page(':::media{src="../assets/talk.mp4" captions="../assets/talk.vtt" embed}\n:::');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'directive-attribute', line: 5 })]);
  });
});
