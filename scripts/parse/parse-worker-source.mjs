// Starts the parse worker from its TypeScript source (tests, and the CLI while lib/ is out of date):
// a worker thread does not inherit the TypeScript loader registered in the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
