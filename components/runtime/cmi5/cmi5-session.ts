/** The lazily loaded part of the cmi5 tracking runtime (cmi5-entry.ts): one chunk, one import. */
export { createLrsTracker } from '../lrs/lrs-tracker.js';
export { openCmi5Session } from './cmi5-adapter.js';
// In the same chunk: the second-tab guard the entry wraps the adapter in.
export { attemptKeyOf, guardAttempt } from '../other-tab.js';
