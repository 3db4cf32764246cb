import type { LrsAdapterDependencies } from './adapter-dependencies.js';
import { createDeliveryQueue, type DeliveryQueue } from './delivery-queue.js';
import type { LrsClient } from './lrs-client.js';
import { openQueueStore } from './queue-store.js';

/**
 * The persisted delivery queue of one launch: its store (IndexedDB, else localStorage, else memory)
 * under `storeKey`, which names the endpoint, registration and activity and never a credential.
 */
export async function openDeliveryQueue(deps: LrsAdapterDependencies, client: LrsClient, storeKey: string): Promise<DeliveryQueue> {
  const store = await (deps.openStore?.(storeKey) ?? openQueueStore({ indexedDB: deps.indexedDB, localStorage: deps.localStorage }, storeKey));
  return createDeliveryQueue({
    client,
    store,
    timers: deps.timers,
    now: deps.now,
    random: deps.random,
    online: deps.online,
    ...(deps.baseDelayMs === undefined ? {} : { baseDelayMs: deps.baseDelayMs }),
  });
}
