/** The lazily loaded part of the xapi tracking runtime (xapi-entry.ts): one chunk, one import. */
export { createLrsTracker } from '../lrs/lrs-tracker.js';
export { openXapiSession } from './xapi-adapter.js';
// In the same chunk: the second-tab guard the entry wraps the adapter in.
export { attemptKeyOf, guardAttempt } from '../other-tab.js';
