// The tests launch Debian's Chromium exactly as `coursemark verify` does (never a downloaded browser).
export { launchBrowser } from '../../../scripts/lms/browser.js';
