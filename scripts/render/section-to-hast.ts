import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Code, Image, Link, Root } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import { defaultHandlers, toHast, type Handler, type State } from 'mdast-util-to-hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Node } from 'unist';
import type { ActivityData, PoolData, QuestionData } from '../../components/course-data.js';
import { descriptorOf } from '../directives/registry.js';
import type { ImageSize } from '../model/images.js';
import type { AssetRef, DirectiveInfo } from '../model/section-draft.js';
import { classifyUrl } from '../validate/url-check.js';
import { element } from './hast-parts.js';

const isWebAddress = (url: string): boolean => {
  const kind = classifyUrl(url);
  return kind === 'web' || kind === 'mail';
};

/** What the renderer needs from the course model to draw one section. */
export interface RenderContext {
  readonly directives: ReadonlyMap<Directives, DirectiveInfo>;
  readonly urls: ReadonlyMap<Node, string>;
  /** Output path of a course file a directive uses; undefined when it was not packaged (reported). */
  readonly assetUrl: (asset: AssetRef) => string | undefined;
  /** The packaged size of the image at an output URL, written on it so that nothing moves as it loads. */
  readonly imageSize: (url: string) => ImageSize | undefined;
  readonly questions: ReadonlyMap<string, QuestionData>;
  readonly activities: ReadonlyMap<string, ActivityData>;
  readonly pools: ReadonlyMap<string, PoolData>;
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
    code(state, node: Code) {
      // The block with its copy button (components/cm-code.ts); the <pre> itself as CommonMark makes it.
      return element('cm-code', {}, [defaultHandlers.code(state, node)]);
    },
    image(_state, node: Image) {
      const src = context.urls.get(node);
      // Images are course files; one the model did not resolve is left out (draft mode).
      if (src === undefined) return undefined;
      return element('img', { src, alt: node.alt ?? '', ...context.imageSize(src), loading: 'lazy', ...(node.title ? { title: node.title } : {}) }, []);
    },
  };
}

function drawDirective(state: State, node: Directives, context: RenderContext): Element | ElementContent[] | undefined {
  const info = context.directives.get(node);
  if (!info || info.kind === 'omit') return undefined;
  if (info.kind === 'literal') return [{ type: 'text', value: info.open }, ...state.all(node), { type: 'text', value: info.close }];
  return descriptorOf(info.kind).render({ state, node, info: info.data, context });
}
