/**
 * Rules about the files that go into a package, shared by the zip writer (which refuses) and
 * the package checker (which reports). See shared/reference/standards.md §0 (Z1-Z9).
 */

/** The launch page of the bundled web build, at the package root. */
export const LAUNCH_FILE = 'index.html';

/** Manifest file names at the zip root, exact and lowercase (standards Z2). */
export const MANIFEST_FILES = { scorm: 'imsmanifest.xml', cmi5: 'cmi5.xml', tincan: 'tincan.xml' } as const;

/** Extensions a web server might execute, and that some LMSs refuse (standards Z6). */
const SERVER_EXTENSIONS = ['php', 'asp', 'aspx', 'jsp', 'cgi', 'sh', 'py', 'pl'] as const;

/** Media types already compressed: stored, since deflating them again only costs time (Z1). */
const COMPRESSED_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'mp4', 'm4v', 'webm', 'ogv', 'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'weba', 'flac', 'woff2', 'zip', 'pdf']);

const extensionOf = (path: string): string => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/**
 * Why a path must not be packaged (junk or server-executable, standards Z6), or undefined when it
 * may. Source maps are refused too: they leak sources and are dead weight in an LMS.
 */
export function junkReason(path: string): string | undefined {
  const segments = path.split('/');
  const name = (segments[segments.length - 1] ?? '').toLowerCase();
  if (segments.some((segment) => segment === '__MACOSX')) return 'a macOS resource-fork folder (__MACOSX/)';
  if (name === '.ds_store') return 'a macOS Finder file (.DS_Store)';
  if (name === 'thumbs.db') return 'a Windows thumbnail cache (Thumbs.db)';
  if (name === '.htaccess') return 'a web-server configuration file (.htaccess)';
  const extension = extensionOf(path);
  if (extension === 'map') return 'a source map (*.map)';
  if (extension === 'zip') return 'a nested zip archive';
  if ((SERVER_EXTENSIONS as readonly string[]).includes(extension)) return `a server-executable file (.${extension})`;
  return undefined;
}

/** Whether an entry is stored (method 0) rather than deflated (method 8). */
export const isPrecompressed = (path: string): boolean => COMPRESSED_EXTENSIONS.has(extensionOf(path));

/**
 * What is wrong with an entry path (standards Z3, reliability S9), or undefined: relative,
 * `/`-separated, no empty, `.` or `..` segments, no drive letter, no control characters, NFC.
 */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.startsWith('/')) return 'starts with "/" (entry paths must be relative)';
  if (path.includes('\\')) return 'contains "\\" (use "/" as the separator)';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter';
  if (/\p{Cc}/u.test(path)) return 'contains a control character';
  if (path !== path.normalize('NFC')) return 'is not in Unicode NFC (macOS writes NFD names; normalise them)';
  if (path.endsWith('/')) return 'ends with "/" (directory entries are not packaged)';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return 'has an empty, "." or ".." segment';
  return undefined;
}

/** Code-unit order: the same everywhere, unlike `localeCompare`. */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
