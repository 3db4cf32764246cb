/**
 * `:::media{src=... captions=... title=...}`: a video or a sound from the course folder, played by
 * the browser's own accessible controls, never on its own (no autoplay), with its WebVTT captions;
 * the container's content is the transcript, shown below the player. A web address (a streaming
 * service) is offered as a link: LMS content security policies usually block embedded players.
 */
import { report } from '../diagnostics/report.js';
import type { AssetRef } from '../model/section-draft.js';
import { element } from '../render/hast-parts.js';
import { attributePlace } from '../validate/directive-specs.js';
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
    }
  | { readonly kind: 'link'; readonly href: string; readonly title: string | undefined };

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
    },
  },
  analyze(node, attributes, scope) {
    const src = typeof attributes.src === 'string' ? attributes.src : '';
    const title = titleOf(attributes);
    const kind = classifyUrl(src);
    if (kind === 'web') return { kind: 'link', href: src, title };
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
    return { kind: played, src: asset, captions, poster, title, lang: typeof attributes.lang === 'string' && attributes.lang !== '' ? attributes.lang : undefined };
  },
  assets: (info) => (info.kind === 'link' ? [] : [info.src, ...(info.captions ? [info.captions] : []), ...(info.poster ? [info.poster] : [])]),
  render({ state, node, info, context }) {
    if (info.kind === 'link') {
      const link = element('a', { href: info.href, target: '_blank', rel: ['noopener', 'noreferrer'] }, [{ type: 'text', value: info.title ?? info.href }]);
      return element('p', {}, [link]);
    }
    const src = context.assetUrl(info.src);
    if (src === undefined) return undefined;
    const captions = info.captions ? context.assetUrl(info.captions) : undefined;
    const poster = info.poster ? context.assetUrl(info.poster) : undefined;
    return element(
      'cm-media',
      { kind: info.kind, src, ...(captions ? { captions } : {}), ...(poster ? { poster } : {}), ...(info.title ? { heading: info.title } : {}), ...(info.lang ? { srclang: info.lang } : {}) },
      state.all(node),
    );
  },
  elements: [{ tag: 'cm-media', module: 'cm-media.js', className: 'CmMedia' }],
};

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
  return scope.asset(path, node.position);
}
