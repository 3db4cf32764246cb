/**
 * `:::media{src=... captions=... title=...}`: a video or a sound from the course folder, played by
 * the browser's own accessible controls, never on its own (no autoplay), with its WebVTT captions;
 * the container's content is the transcript, shown below the player. A web address (a streaming
 * service) is offered as a link: LMS content security policies usually block embedded players.
 */
import { positionOf, report } from '../diagnostics/report.js';
import type { AssetRef } from '../model/section-draft.js';
import { element } from '../render/hast-parts.js';
import { attributePlace, type AttributeValues } from '../validate/directive-specs.js';
import { classifyUrl, mediaKind, notAnImage, splitRelative } from '../validate/url-check.js';
import { titleAttribute, titleOf, truncate, type AnalysisScope, type DirectiveDescriptor } from './directive.js';
import type { Directives } from 'mdast-util-directive';

export type MediaInfo =
  | {
      readonly kind: 'audio' | 'video';
      readonly src: AssetRef;
      readonly captions: AssetRef | undefined;
      readonly poster: AssetRef | undefined;
      readonly title: string | undefined;
      readonly lang: string | undefined;
      /** The id of the activity a `required` media is, played to its end. */
      readonly activity: string | undefined;
    }
  | { readonly kind: 'link'; readonly href: string; readonly title: string | undefined }
  /** A web address the author chose to embed: `player` is the address the frame loads. */
  | { readonly kind: 'embed'; readonly href: string; readonly player: string; readonly title: string | undefined };

export const media: DirectiveDescriptor<MediaInfo> = {
  spec: {
    kind: 'containerDirective',
    example: ':::media{src="../assets/talk.mp4" captions="../assets/talk.vtt" title="A short talk"}',
    attributes: {
      src: { type: 'text', required: true, hint: 'the video or sound file relative to this file (mp4, webm, mp3, m4a, ogg, wav), or a web address' },
      captions: { type: 'text', hint: 'the WebVTT caption file (.vtt) relative to this file' },
      poster: { type: 'text', hint: 'an image shown before a video plays, relative to this file' },
      title: titleAttribute,
      lang: { type: 'text', hint: 'the language of the captions, such as en or ar (the course language when left out)' },
      silent: { type: 'boolean', hint: 'write silent on its own for media without speech or meaningful sound, which needs no captions' },
      id: { type: 'id', hint: 'an id such as {#opening-talk}, needed with required' },
      required: { type: 'boolean', hint: 'write required on its own when the page counts as done only once the learner has played this to its end (give it an id too)' },
      embed: { type: 'boolean', hint: 'write embed on its own to show a web address in a player on the page instead of a link (LMSs often block such players)' },
    },
  },
  analyze(node, attributes, scope) {
    const src = typeof attributes.src === 'string' ? attributes.src : '';
    const title = titleOf(attributes);
    const kind = classifyUrl(src);
    if (kind === 'web') {
      if (attributes.required === true) {
        report(scope.file, 'directive-attribute', 'Only a video or sound in the course folder can be required: how much of a player from another site was watched is not known to the course. Remove required, or copy the file into the course.', attributePlace(scope.file, node, 'required'));
      }
      if (attributes.embed !== true) return { kind: 'link', href: src, title };
      const player = embedAddress(src);
      if (player === undefined) {
        report(scope.file, 'directive-attribute', `"${truncate(src)}" cannot be embedded: only https addresses can. Use the https address of the service's player (often called "embed").`, attributePlace(scope.file, node, 'src'));
        return { kind: 'link', href: src, title };
      }
      if (title === undefined) {
        report(scope.file, 'directive-attribute', 'An embedded player needs a title that says what it shows (screen readers announce a frame by its title): add title="...".', node.position);
      }
      // WCAG 2.2 SC 1.2.2 still applies; another site's captions cannot be checked from here.
      report(
        scope.file,
        'media-embed',
        'This player comes from another site. Many LMSs forbid frames from other sites (their Content-Security-Policy), and then learners see an empty box: the link below the player stays, and check the page in your LMS. Make sure the service shows captions.',
        attributePlace(scope.file, node, 'embed'),
      );
      return { kind: 'embed', href: src, player, title };
    }
    if (kind !== 'relative') {
      report(scope.file, kind === 'unsafe' ? 'unsafe-url' : 'directive-attribute', 'A media src must be a file inside the course folder, such as "../assets/talk.mp4", or a web address.', attributePlace(scope.file, node, 'src'));
      return 'omit';
    }
    const path = splitRelative(src).path;
    const played = mediaKind(path);
    if (played === undefined) {
      report(scope.file, 'directive-attribute', `"${truncate(path)}" is not a video or sound file a browser plays: use MP4 or WebM for video, MP3, M4A, OGG or WAV for sound.`, attributePlace(scope.file, node, 'src'));
      return 'omit';
    }
    const asset = scope.asset(path, node.position);
    if (!asset) return 'omit';
    if (attributes.embed === true) {
      report(scope.file, 'directive-attribute', '"embed" is for a web address; a file in the course is always played on the page. Remove embed.', attributePlace(scope.file, node, 'embed'));
    }
    const activity = requiredActivity(node, attributes, scope, played, title);
    const captions = optionalFile(node, attributes.captions, 'captions', scope, (file) => (/\.vtt$/i.test(file) ? undefined : 'a WebVTT caption file (.vtt)'));
    const poster = optionalFile(node, attributes.poster, 'poster', scope, (file) => (notAnImage(file) === undefined ? undefined : 'an image (PNG, JPEG, WebP, AVIF or SVG)'));
    const transcript = node.type === 'containerDirective' && node.children.length > 0;
    // WCAG 2.2 SC 1.2.1 and 1.2.2: recorded sound needs a transcript, video with sound needs captions.
    if (captions === undefined && attributes.silent !== true && (played === 'video' || !transcript)) {
      report(
        scope.file,
        'captions-missing',
        played === 'video'
          ? `This video has no captions: add captions="../assets/....vtt" (a WebVTT file), so that learners who cannot hear it can follow. For a video without speech or meaningful sound, write silent.`
          : `This recording has neither captions nor a transcript: add captions="../assets/....vtt", or write the transcript inside the :::media block. For a sound without speech, write silent.`,
        node.position,
      );
    }
    return { kind: played, src: asset, captions, poster, title, lang: typeof attributes.lang === 'string' && attributes.lang !== '' ? attributes.lang : undefined, activity };
  },
  assets: (info) => (info.kind === 'link' || info.kind === 'embed' ? [] : [info.src, ...(info.captions ? [info.captions] : []), ...(info.poster ? [info.poster] : [])]),
  render({ state, node, info, context }) {
    if (info.kind === 'link') return element('p', {}, [webLink(info.href, info.title ?? info.href)]);
    if (info.kind === 'embed') {
      // A sandboxed frame: the service's player runs, but cannot reach the course or navigate the LMS.
      const frame = element('iframe', {
        src: info.player,
        title: info.title ?? '',
        loading: 'lazy',
        allow: 'fullscreen; picture-in-picture; encrypted-media',
        allowFullScreen: true,
        referrerPolicy: 'strict-origin-when-cross-origin',
        sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'],
        className: ['media-embed'],
      }, []);
      return element('figure', { className: ['media-embed'] }, [frame, element('figcaption', {}, [webLink(info.href, info.title ?? info.href)]), ...state.all(node)]);
    }
    const src = context.assetUrl(info.src);
    if (src === undefined) return undefined;
    const activity = info.activity === undefined ? undefined : context.activities.get(info.activity);
    const captions = info.captions ? context.assetUrl(info.captions) : undefined;
    const poster = info.poster ? context.assetUrl(info.poster) : undefined;
    return element(
      'cm-media',
      { kind: info.kind, src, ...(captions ? { captions } : {}), ...(poster ? { poster } : {}), ...(info.title ? { heading: info.title } : {}), ...(info.lang ? { srclang: info.lang } : {}) },
      state.all(node),
      activity === undefined ? undefined : { activity: { json: activity } },
    );
  },
  elements: [{ tag: 'cm-media', module: 'cm-media.js', className: 'CmMedia' }],
};

/** A link that opens another site in a new tab. */
function webLink(href: string, text: string) {
  return element('a', { href, target: '_blank', rel: ['noopener', 'noreferrer'] }, [{ type: 'text', value: text }]);
}

/**
 * The address of a service's own player for a web address: YouTube and Vimeo watch pages become
 * their embeddable players (YouTube's without cookies until played); any other https address is
 * taken as a player address already. undefined for an address that is not https.
 */
export function embedAddress(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^(www|m)\./, '');
  const youtube = host === 'youtu.be' ? url.pathname.slice(1) : host === 'youtube.com' && url.pathname === '/watch' ? url.searchParams.get('v') : undefined;
  if (youtube) return /^[\w-]{6,20}$/.test(youtube) ? `https://www.youtube-nocookie.com/embed/${youtube}` : undefined;
  const vimeo = host === 'vimeo.com' ? /^\/(\d+)$/.exec(url.pathname)?.[1] : undefined;
  if (vimeo) return `https://player.vimeo.com/video/${vimeo}`;
  return url.href;
}

/**
 * `required`: the media becomes an activity of its page, done once played to its end (the page is
 * completed only then). It needs an id, as an activity's record in the LMS is named by it.
 */
function requiredActivity(node: Directives, attributes: AttributeValues, scope: AnalysisScope, kind: 'audio' | 'video', title: string | undefined): string | undefined {
  const id = typeof attributes.id === 'string' ? attributes.id : undefined;
  if (attributes.required !== true) return undefined;
  if (id === undefined) {
    report(scope.file, 'directive-attribute', 'A required video or sound needs an id, which names it in the LMS\'s records: add one such as {#opening-talk ...}.', attributePlace(scope.file, node, 'required'));
    return undefined;
  }
  scope.declareId('activity', id, node);
  const name = title ?? (kind === 'video' ? 'Video' : 'Sound');
  scope.addActivity({ id, kind, title, promptText: name, prompt: [], discussion: undefined, shared: false, position: node.position });
  return id;
}

/** A course file named by an optional attribute, or undefined (reported when it is not of the kind `problem` accepts). */
function optionalFile(node: Directives, value: unknown, name: string, scope: AnalysisScope, problem: (path: string) => string | undefined): AssetRef | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const place = attributePlace(scope.file, node, name);
  if (classifyUrl(value) !== 'relative') {
    report(scope.file, 'directive-attribute', `"${name}" must be a file inside the course folder, relative to this file.`, place);
    return undefined;
  }
  const path = splitRelative(value).path;
  const wanted = problem(path);
  if (wanted !== undefined) {
    report(scope.file, 'directive-attribute', `"${name}" must be ${wanted}; "${truncate(path)}" is not.`, place);
    return undefined;
  }
  // A missing file is reported at the attribute that names it.
  return scope.asset(path, positionOf(scope.file, place));
}
