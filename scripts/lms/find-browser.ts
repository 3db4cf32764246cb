import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Where Chromium-based browsers are installed by the usual package managers and installers, in the
 * order tried: Chromium, then Google Chrome, then Microsoft Edge. coursemark never downloads a
 * browser; `verify`, the preview tests and the browser tests use one of these.
 */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

function fixedPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Chromium', 'Google Chrome', 'Microsoft Edge'].map((name) => `/Applications/${name}.app/Contents/MacOS/${name}`);
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((root): root is string => root !== undefined);
    return roots.flatMap((root) => [join(root, 'Chromium', 'Application', 'chrome.exe'), join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge'];
}

/** What to tell someone who has no browser coursemark can find. */
export const NO_BROWSER =
  'No Chromium-based browser was found. Install Chromium, Google Chrome or Microsoft Edge (on Debian or Ubuntu: "sudo apt-get install chromium"), or set CHROMIUM_PATH to the browser\'s executable.';

/**
 * The browser to launch: CHROMIUM_PATH when set (it must exist), else the first installed Chromium,
 * Chrome or Edge, looked up in the usual install locations and on PATH. Throws with NO_BROWSER
 * (or a message about CHROMIUM_PATH) when there is none.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen !== undefined && chosen !== '') {
    if (exists(chosen)) return chosen;
    throw new BrowserNotFoundError(`CHROMIUM_PATH is set to "${chosen}", but there is no file there. Point it to a Chromium, Chrome or Edge executable, or unset it to look in the usual places.`);
  }
  const onPath = (env['PATH'] ?? '').split(delimiter).filter(Boolean).flatMap((folder) => COMMANDS.map((command) => join(folder, platform === 'win32' ? `${command}.exe` : command)));
  const found = [...fixedPaths(platform, env), ...onPath].find((path) => exists(path));
  if (found === undefined) throw new BrowserNotFoundError(NO_BROWSER);
  return found;
}

/** No browser to launch: a problem with the machine, told in plain words (never a stack trace). */
export class BrowserNotFoundError extends Error {}
