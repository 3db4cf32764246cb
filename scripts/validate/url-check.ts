import { posix } from 'node:path';

/** How the build treats a URL an author wrote in a link or image. */
export type UrlKind = 'anchor' | 'relative' | 'web' | 'mail' | 'unsafe';

// Browsers ignore ASCII control characters and spaces inside a scheme ("java\tscript:"), so do we.
const IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * Classifies a URL. Only http(s), mailto and tel are allowed as absolute URLs: `javascript:`,
 * `vbscript:`, `data:`, `file:` and anything else could run code or leak local files inside the LMS.
 */
export function classifyUrl(url: string): UrlKind {
  const compact = url.replace(IGNORED, '');
  if (compact.startsWith('#')) return 'anchor';
  if (compact.startsWith('//')) return 'unsafe';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'relative';
  if (scheme === 'http' || scheme === 'https') return 'web';
  if (scheme === 'mailto' || scheme === 'tel') return 'mail';
  return 'unsafe';
}

/** A relative URL split into its path (decoded) and fragment. */
export function splitRelative(url: string): { path: string; anchor: string | undefined } {
  const hash = url.indexOf('#');
  const withoutHash = hash >= 0 ? url.slice(0, hash) : url;
  const query = withoutHash.indexOf('?');
  const rawPath = query >= 0 ? withoutHash.slice(0, query) : withoutHash;
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // A malformed %-escape: keep the text as written; the file lookup then reports it missing.
  }
  return { path, anchor: hash >= 0 ? url.slice(hash + 1) : undefined };
}

/**
 * Resolves `target` relative to the file at `from` (both relative to the course folder, `/`-separated).
 * Returns undefined when the result would leave the course folder.
 */
export function resolveInCourse(from: string, target: string): string | undefined {
  if (target.startsWith('/') || /^[a-z]:/i.test(target)) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), target.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || joined === '.') return undefined;
  return joined;
}

// What browsers show in <img> everywhere the player runs (HTML Living Standard 4.8.4.3; AVIF and
// WebP in every current engine).
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jfif', 'gif', 'svg', 'webp', 'avif', 'apng', 'bmp', 'ico']);
const SOUND_EXTENSIONS = new Set(['mp3', 'wav', 'ogg', 'oga', 'm4a', 'aac', 'flac', 'opus', 'weba']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'webm', 'ogv', 'mov', 'avi', 'mkv', 'wmv']);

// What a media element plays in every current browser (HTML Living Standard 4.8.11; MP4/H.264 and WebM).
const PLAYABLE_SOUND = new Set(['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'wav', 'weba', 'flac']);
const PLAYABLE_VIDEO = new Set(['mp4', 'm4v', 'webm', 'ogv']);

/** Whether a file plays as sound or video in a browser, by its extension. */
export function mediaKind(path: string): 'audio' | 'video' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return PLAYABLE_SOUND.has(extension) ? 'audio' : PLAYABLE_VIDEO.has(extension) ? 'video' : undefined;
}

/** Why a file cannot be shown as an image, by its extension; undefined when it can. */
export function notAnImage(path: string): 'a sound file' | 'a video file' | 'not an image file' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension !== undefined && IMAGE_EXTENSIONS.has(extension)) return undefined;
  if (extension !== undefined && SOUND_EXTENSIONS.has(extension)) return 'a sound file';
  if (extension !== undefined && VIDEO_EXTENSIONS.has(extension)) return 'a video file';
  return 'not an image file';
}
