import { LitElement, css, html, nothing } from 'lit';
import { base, tokens } from './styles/theme.js';
import { safeUrl } from './url-policy.js';

/**
 * A captioned image. A `decorative` figure gets an empty `alt` so screen readers skip the image
 * and read only the caption (WCAG 2.2 SC 1.1.1, technique H67).
 *
 * @slot - The caption.
 * @csspart figure - The `<figure>`.
 * @csspart image - The `<img>`.
 * @csspart caption - The `<figcaption>`.
 */
export class CmFigure extends LitElement {
  static override properties = {
    src: {},
    alt: {},
    decorative: { type: Boolean },
    width: { type: Number },
    height: { type: Number },
  };

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      img {
        display: block;
        max-inline-size: 100%;
        block-size: auto;
        border-radius: var(--cm-radius);
      }
      figcaption {
        margin-block-start: 0.5rem;
        color: var(--cm-muted);
        font-size: 0.9375rem;
      }
    `,
  ];

  declare src: string;
  declare alt: string;
  declare decorative: boolean;
  /** The image's size in pixels, written by the build, so its box is reserved before it loads. */
  declare width: number | undefined;
  declare height: number | undefined;

  constructor() {
    super();
    this.src = '';
    this.alt = '';
    this.decorative = false;
  }

  protected override render(): unknown {
    return html`<figure part="figure">
      <img part="image" src=${safeUrl(this.src)} alt=${this.decorative ? '' : this.alt} width=${this.width ?? nothing} height=${this.height ?? nothing} loading="lazy" />
      <figcaption part="caption"><slot></slot></figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-figure': CmFigure;
  }
}
