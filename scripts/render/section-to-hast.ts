import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Image, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Node } from 'unist';
import type { ActivityData, QuestionData } from '../../components/course-data.js';
import type { DirectiveInfo, QuestionDraft } from '../model/section-draft.js';
import { classifyUrl } from '../validate/url-check.js';
import type { LitValue } from './lit-template.js';

const isWebAddress = (url: string): boolean => {
  const kind = classifyUrl(url);
  return kind === 'web' || kind === 'mail';
};

/** What the renderer needs from the course model to draw one section. */
export interface RenderContext {
  readonly directives: ReadonlyMap<Directives, DirectiveInfo>;
  readonly urls: ReadonlyMap<Node, string>;
  readonly questions: ReadonlyMap<string, QuestionData>;
  readonly activities: ReadonlyMap<string, ActivityData>;
  /** Translated label for the footnote section heading. */
  readonly footnoteLabel: string;
}

/** Converts a section tree (or the support panel's children) into hast with coursemark elements. */
export function sectionToHast(tree: Root, context: RenderContext): HastRoot {
  const result = toHast(tree, {
    allowDangerousHtml: false,
    footnoteLabel: context.footnoteLabel,
    handlers: handlers(context),
  });
  return result.type === 'root' ? result : { type: 'root', children: [result as ElementContent] };
}

function handlers(context: RenderContext): Record<string, Handler> {
  const directive: Handler = (state, node: Directives) => drawDirective(state, node, context);
  return {
    yaml: () => undefined,
    containerDirective: directive,
    leafDirective: directive,
    textDirective: directive,
    link(state, node: Link) {
      const resolved = context.urls.get(node);
      // A page link or file the course model did not resolve was reported (a warning in draft
      // mode): its text stays, without the link, as docs/authoring.md promises.
      if (resolved === undefined && !isWebAddress(node.url)) return state.all(node);
      // Web addresses are percent-encoded as CommonMark's reference HTML does (spec 6.3, 6.5).
      const href = resolved ?? normalizeUri(node.url);
      const external = /^https?:/i.test(href);
      const properties: Properties = { href, ...(node.title ? { title: node.title } : {}) };
      // Inside an LMS frame, following a web link in place would unload the course: open a new tab.
      if (external) Object.assign(properties, { target: '_blank', rel: ['noopener', 'noreferrer'] });
      return element('a', properties, state.all(node));
    },
    image(_state, node: Image) {
      const src = context.urls.get(node);
      // Images are course files; one the model did not resolve is left out (draft mode).
      if (src === undefined) return undefined;
      return element('img', { src, alt: node.alt ?? '', loading: 'lazy', ...(node.title ? { title: node.title } : {}) }, []);
    },
  };
}

function drawDirective(state: State, node: Directives, context: RenderContext): Element | ElementContent[] | undefined {
  const info = context.directives.get(node);
  if (!info) return undefined;
  switch (info.kind) {
    case 'omit':
      return undefined;
    case 'literal':
      return [{ type: 'text', value: info.open }, ...state.all(node), { type: 'text', value: info.close }];
    case 'question':
      return question(state, info.question, context);
    case 'activity': {
      const data = context.activities.get(info.activity.id);
      if (!data) return undefined;
      const content: Record<string, LitValue> = { prompt: blocks(state, info.activity.prompt) };
      if (info.activity.discussion) content.discussion = blocks(state, info.activity.discussion);
      return element('cm-activity', {}, [], { activity: { json: data }, content: { record: content } });
    }
    case 'support':
      return element('cm-support-link', {}, []);
    case 'content-warning':
      return element('cm-content-warning', titled(info.title), state.all(node));
    case 'note':
    case 'case-study':
      return element('cm-note', { kind: info.kind, ...titled(info.title) }, state.all(node));
    case 'figure': {
      const src = info.asset ? context.urls.get(node) : undefined;
      if (src === undefined) return undefined;
      const properties: Properties = info.decorative && info.alt === '' ? { src, decorative: true } : { src, alt: info.alt };
      return element('cm-figure', properties, state.all(node));
    }
    case 'term':
      return element('cm-term', { term: info.id }, state.all(node));
    case 'span':
      return info.lang === undefined ? state.all(node) : element('span', { lang: info.lang, dir: info.dir }, state.all(node));
  }
}

function question(state: State, draft: QuestionDraft, context: RenderContext): Element | undefined {
  const data = context.questions.get(draft.fields.id);
  if (!data) return undefined;
  const content: Record<string, LitValue> = { prompt: blocks(state, draft.parts.prompt) };
  if (draft.parts.choices) content.choices = inlineRecord(state, draft.parts.choices);
  const feedback: Record<string, LitValue> = {};
  if (draft.parts.feedback.correct) feedback.correct = inline(state, draft.parts.feedback.correct);
  if (draft.parts.feedback.incorrect) feedback.incorrect = inline(state, draft.parts.feedback.incorrect);
  if (draft.parts.feedback.choices) feedback.choices = inlineRecord(state, draft.parts.feedback.choices);
  content.feedback = { record: feedback };
  return element('cm-question', {}, [], { question: { json: data }, content: { record: content } });
}

function blocks(state: State, nodes: readonly RootContent[]): LitValue {
  return { template: state.all({ type: 'root', children: [...nodes] }) };
}

function inline(state: State, nodes: readonly PhrasingContent[]): LitValue {
  const paragraph: Paragraph = { type: 'paragraph', children: [...nodes] };
  return { template: state.all(paragraph) };
}

function inlineRecord(state: State, parts: Readonly<Record<string, readonly PhrasingContent[]>>): LitValue {
  return { record: Object.fromEntries(Object.entries(parts).map(([key, nodes]) => [key, inline(state, nodes)])) };
}

function titled(title: string | undefined): Properties {
  return title === undefined ? {} : { heading: title };
}

function element(tagName: string, properties: Properties, children: ElementContent[], litProperties?: Record<string, LitValue>): Element {
  return { type: 'element', tagName, properties, children, ...(litProperties ? { data: { litProperties } } : {}) };
}
