import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { ActivityData } from './course-data.js';
import { base, tokens } from './styles/theme.js';
import { trackerContext } from './tracker.js';
import { safeUrl } from './url-policy.js';
import { messagesOf } from './view-messages.js';

/**
 * True while the media plays on from 0, where it was loaded, and nothing asked for another start (a
 * seek, a `#t=` fragment). With `preload="none"` the learner's play loads the metadata, and on a
 * busy device playback may have begun before `loadedmetadata` is handled: a position a few ms past
 * 0 is still the start (HTML 4.8.11.8: `played` holds the ranges actually played).
 */
function fromTheStart(media: HTMLMediaElement): boolean {
  const { played } = media;
  return !media.seeking && (played.length === 0 || (played.length === 1 && played.start(0) === 0));
}

/**
 * A video or a sound with the browser's own controls (keyboard and screen-reader accessible in
 * every engine), its WebVTT captions as a `<track>` shown by default, and never playing on its own
 * (WCAG 2.2 SC 1.4.2). The transcript, written by the author, follows the player.
 *
 * With `activity` (`:::media{#id required}`), playing it to its end is an activity of the page: the
 * page is completed only then, and the learner is told so beside the player. Where the learner paused
 * is kept on the device, and the media goes on from there next time (not when near its end).
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
    activity: { attribute: false },
    played: { state: true },
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
      .status {
        margin: 0.5rem 0 0;
        color: var(--cm-muted);
        font-size: 0.9375rem;
      }
    `,
  ];

  declare kind: 'audio' | 'video';
  declare src: string;
  declare captions: string | undefined;
  declare poster: string | undefined;
  declare heading: string | undefined;
  declare srclang: string | undefined;
  /** The activity this media is when the page requires it played to its end. */
  declare activity: ActivityData | undefined;
  declare played: boolean;

  private readonly tracker = new ContextConsumer(this, { context: trackerContext, subscribe: true });
  private savedAt = 0;

  constructor() {
    super();
    this.kind = 'video';
    this.src = '';
    this.captions = undefined;
    this.poster = undefined;
    this.heading = undefined;
    this.srclang = undefined;
    this.activity = undefined;
    this.played = false;
  }

  protected override willUpdate(): void {
    // Played to its end in this attempt already (here or in an earlier session).
    const id = this.activity?.id;
    if (!this.played && id !== undefined && this.tracker.value?.reflectionFor(id) !== undefined) this.played = true;
  }

  /** Where this learner paused this media on this device (localStorage may be refused: then nowhere). */
  private get positionKey(): string {
    return `coursemark:position:${new URL(this.src, location.href).href}`;
  }

  private savePosition(event: Event): void {
    const media = event.target as HTMLMediaElement;
    const now = Date.now();
    // timeupdate fires about four times a second; a position every five seconds is enough.
    if (event.type === 'timeupdate' && now - this.savedAt < 5000) return;
    this.savedAt = now;
    try {
      if (media.ended) localStorage.removeItem(this.positionKey);
      else localStorage.setItem(this.positionKey, String(Math.floor(media.currentTime * 10) / 10));
    } catch {
      // Storage refused (private mode, a sandboxed frame): the media starts from the beginning next time.
    }
  }

  /** A long video goes on where the learner left it, unless it was near its end. */
  private restorePosition(event: Event): void {
    const media = event.target as HTMLMediaElement;
    let saved = Number.NaN;
    try {
      saved = Number(localStorage.getItem(this.positionKey));
    } catch {
      return;
    }
    if (saved >= 1 && saved < media.duration * 0.95 && fromTheStart(media) && media.currentTime < saved) media.currentTime = saved;
  }

  /** `ended`: the media reached its end (HTML media elements 4.8.11.8), however the learner got there. */
  private ended(event: Event): void {
    this.savePosition(event);
    const activity = this.activity;
    const tracker = this.tracker.value;
    if (activity === undefined || tracker === undefined || this.played) return;
    this.played = true;
    tracker.activitySubmitted(activity, '');
  }

  protected override render(): unknown {
    const lang = this.srclang ?? (document.documentElement.lang || undefined);
    const track = this.captions === undefined ? nothing : html`<track kind="captions" src=${safeUrl(this.captions)} srclang=${lang ?? nothing} label=${this.heading ?? lang ?? 'captions'} default />`;
    // preload="none": nothing is fetched or decoded until the learner plays it (a page with several
    // videos costs nothing until then, and opening the page does no media work while its progress is
    // being saved); the duration shows once it plays.
    const player =
      this.kind === 'audio'
        ? html`<audio part="player" controls preload="none" src=${safeUrl(this.src)} aria-label=${this.heading ?? nothing} @loadedmetadata=${this.restorePosition} @timeupdate=${this.savePosition} @pause=${this.savePosition} @ended=${this.ended}>${track}</audio>`
        : html`<video part="player" controls playsinline preload="none" src=${safeUrl(this.src)} poster=${this.poster === undefined ? nothing : safeUrl(this.poster)} aria-label=${this.heading ?? nothing} @loadedmetadata=${this.restorePosition} @timeupdate=${this.savePosition} @pause=${this.savePosition} @ended=${this.ended}>${track}</video>`;
    const status =
      this.activity === undefined
        ? nothing
        : html`<p class="status" role="status" data-played=${this.played ? 'true' : 'false'}>${this.played ? messagesOf().mediaPlayedToEnd : messagesOf().mediaPlayToEnd}</p>`;
    return html`<figure>
      ${this.heading === undefined ? nothing : html`<figcaption>${this.heading}</figcaption>`} ${player} ${status}
      <div part="transcript" class="transcript"><slot></slot></div>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-media': CmMedia;
  }
}
