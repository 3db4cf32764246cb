/** The lazily loaded part of the xapi tracking runtime (xapi-entry.ts): one chunk, one import. */
export { createLrsTracker } from '../lrs/lrs-tracker.js';
export { openXapiSession } from './xapi-adapter.js';
