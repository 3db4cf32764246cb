/**
 * `:span[Bore da]{lang=cy}`: a passage in another language, so screen readers switch voice
 * (WCAG 2.2 SC 3.1.2 Language of Parts). An invalid tag is reported and the text is drawn unmarked.
 */
import { toString } from 'mdast-util-to-string';
import { report } from '../diagnostics/report.js';
import { element } from '../render/hast-parts.js';
import { directionOf, isLanguageTag } from '../validate/value-checks.js';
import type { DirectiveDescriptor } from './directive.js';

export interface SpanInfo {
  /** The canonical tag, when the author's is a valid BCP 47 tag. */
  readonly lang: string | undefined;
  readonly dir: 'ltr' | 'rtl' | undefined;
}

export const span: DirectiveDescriptor<SpanInfo> = {
  spec: {
    kind: 'textDirective',
    example: ':span[Bore da]{lang=cy}',
    attributes: { lang: { type: 'text', required: true, hint: 'a BCP 47 language tag, such as cy, fr or zh-Hans' } },
  },
  analyze(node, attributes, scope) {
    const tag = typeof attributes.lang === 'string' ? attributes.lang.trim() : '';
    const lang = isLanguageTag(tag) ? (Intl.getCanonicalLocales(tag)[0] ?? tag) : undefined;
    if (lang === undefined && tag !== '') report(scope.file, 'directive-attribute', `"${tag}" is not a BCP 47 language tag; use a tag such as cy, fr or zh-Hans.`, node.position);
    if (toString(node).trim() === '') report(scope.file, 'directive-attribute', 'A passage in another language needs its text in brackets: :span[Bore da]{lang=cy}.', node.position);
    return { lang, dir: lang === undefined ? undefined : directionOf(lang) };
  },
  assets: () => [],
  render: ({ state, node, info }) => (info.lang === undefined ? state.all(node) : element('span', { lang: info.lang, dir: info.dir }, state.all(node))),
  elements: [],
};
