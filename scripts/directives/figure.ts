/** `::figure[Caption]{src=... alt=...}`: an image from the course folder with a caption. */
import type { Properties } from 'hast';
import { attributePlace } from '../validate/directive-specs.js';
import { report } from '../diagnostics/report.js';
import type { AssetRef } from '../model/section-draft.js';
import { element } from '../render/hast-parts.js';
import { classifyUrl, notAnImage, splitRelative } from '../validate/url-check.js';
import { truncate, type DirectiveDescriptor } from './directive.js';

export interface FigureInfo {
  readonly asset: AssetRef | undefined;
  readonly alt: string;
  readonly decorative: boolean;
}

export const figure: DirectiveDescriptor<FigureInfo> = {
  spec: {
    kind: 'leafDirective',
    example: '::figure[Caption]{src="../assets/image.svg" alt="What the image shows"}',
    attributes: {
      src: { type: 'text', required: true, hint: 'the image path relative to this file, such as "../assets/image.svg"' },
      alt: { type: 'text', hint: 'a description of the image for people who cannot see it' },
      decorative: { type: 'boolean', hint: 'write decorative on its own for a purely decorative image' },
    },
  },
  analyze(node, attributes, scope) {
    const { file } = scope;
    const alt = typeof attributes.alt === 'string' ? attributes.alt.trim() : '';
    const decorative = attributes.decorative === true;
    if (alt === '' && !decorative) {
      report(file, 'figure-alt', 'This figure has no alternative text: add alt="what the image shows" (or write decorative for a purely decorative image).', node.position);
    }
    const src = typeof attributes.src === 'string' ? attributes.src : '';
    let asset: AssetRef | undefined;
    if (src !== '') {
      const kind = classifyUrl(src);
      const path = splitRelative(src).path;
      if (kind !== 'relative') {
        report(file, kind === 'unsafe' ? 'unsafe-url' : 'directive-attribute', 'A figure\'s src must be a file inside the course folder, such as "../assets/image.svg".', node.position);
      } else {
        asset = scope.asset(path, node.position);
        const problem = asset === undefined ? undefined : notAnImage(path);
        if (problem !== undefined) {
          report(file, 'image-type', `"${truncate(path)}" is ${problem}: a browser cannot show it as a figure. Use a PNG, JPEG, GIF, SVG, WebP or AVIF image, or link to the file instead: [Open it](${truncate(path)}).`, attributePlace(file, node, 'src'));
          asset = undefined;
        }
      }
    }
    return { asset, alt, decorative };
  },
  assets: (info) => (info.asset ? [info.asset] : []),
  render({ state, node, info, context }) {
    const src = info.asset ? context.assetUrl(info.asset) : undefined;
    if (src === undefined) return undefined;
    const properties: Properties = { ...(info.decorative && info.alt === '' ? { src, decorative: true } : { src, alt: info.alt }), ...context.imageSize(src) };
    return element('cm-figure', properties, state.all(node));
  },
  elements: [{ tag: 'cm-figure', module: 'cm-figure.js', className: 'CmFigure' }],
};
