import { LitElement, css, html, nothing } from 'lit';
import { base, tokens } from './styles/theme.js';
import { safeUrl } from './url-policy.js';

/**
 * A video or a sound with the browser's own controls (keyboard and screen-reader accessible in
 * every engine), its WebVTT captions as a `<track>` shown by default, and never playing on its own
 * (WCAG 2.2 SC 1.4.2). The transcript, written by the author, follows the player.
 *
 * @slot - The transcript.
 * @csspart player - The `<video>` or `<audio>`.
 * @csspart transcript - The box around the transcript.
 */
export class CmMedia extends LitElement {
  static override properties = {
    kind: {},
    src: {},
    captions: {},
    poster: {},
    heading: {},
    srclang: {},
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
      video {
        display: block;
        inline-size: 100%;
        max-inline-size: 100%;
        aspect-ratio: 16 / 9;
        background: #000;
        border-radius: var(--cm-radius);
      }
      audio {
        display: block;
        inline-size: 100%;
      }
      figcaption {
        margin-block-end: 0.5rem;
        font-weight: 600;
      }
      .transcript {
        margin-block-start: 0.75rem;
      }
    `,
  ];

  declare kind: 'audio' | 'video';
  declare src: string;
  declare captions: string | undefined;
  declare poster: string | undefined;
  declare heading: string | undefined;
  declare srclang: string | undefined;

  constructor() {
    super();
    this.kind = 'video';
    this.src = '';
    this.captions = undefined;
    this.poster = undefined;
    this.heading = undefined;
    this.srclang = undefined;
  }

  protected override render(): unknown {
    const lang = this.srclang ?? (document.documentElement.lang || undefined);
    const track = this.captions === undefined ? nothing : html`<track kind="captions" src=${safeUrl(this.captions)} srclang=${lang ?? nothing} label=${this.heading ?? lang ?? 'captions'} default />`;
    // preload="metadata": the duration shows at once, the file loads when the learner plays it.
    const player =
      this.kind === 'audio'
        ? html`<audio part="player" controls preload="metadata" src=${safeUrl(this.src)} aria-label=${this.heading ?? nothing}>${track}</audio>`
        : html`<video part="player" controls playsinline preload="metadata" src=${safeUrl(this.src)} poster=${this.poster === undefined ? nothing : safeUrl(this.poster)} aria-label=${this.heading ?? nothing}>${track}</video>`;
    return html`<figure>
      ${this.heading === undefined ? nothing : html`<figcaption>${this.heading}</figcaption>`} ${player}
      <div part="transcript" class="transcript"><slot></slot></div>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-media': CmMedia;
  }
}
