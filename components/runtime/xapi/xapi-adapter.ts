/**
 * The TinCan (xAPI launch) adapter: the same delivery queue and State API bookmark as cmi5,
 * without cmi5's launch handshake and statement rules.
 */
import type { LrsAdapterDependencies } from '../lrs/adapter-dependencies.js';
import { createBookmark, parseProgressDocument, PROGRESS_STATE_ID } from '../lrs/bookmark.js';
import { createLrsClient } from '../lrs/lrs-client.js';
import { openDeliveryQueue } from '../lrs/open-delivery-queue.js';
import { createLrsSession } from '../lrs/lrs-session.js';
import type { LaunchProblem, OpenedSession } from '../lrs/lrs-tracker.js';
import { createStateDocument } from '../lrs/state-document.js';
import { decodeProgress, encodeProgress } from '../resume/progress-codec.js';
import { createStatementEmitter } from '../statements/index.js';
import { parseTinCanLaunch } from './tincan-launch.js';

export async function openXapiSession(deps: LrsAdapterDependencies): Promise<OpenedSession | LaunchProblem> {
  const { course } = deps;
  const parsed = parseTinCanLaunch(deps.search);
  if (!parsed.ok) return 'missing-launch-parameters';
  const launch = parsed.launch;
  const rootId = launch.activityId ?? course.id;
  const client = createLrsClient({ endpoint: launch.endpoint, authorization: launch.auth, fetch: deps.fetch });

  const bookmark = createBookmark({
    document: createStateDocument({
      client,
      key: { activityId: rootId, agent: launch.actor, stateId: PROGRESS_STATE_ID, ...(launch.registration === undefined ? {} : { registration: launch.registration }) },
      parse: parseProgressDocument,
    }),
    timers: deps.timers,
    ...(deps.debounceMs === undefined ? {} : { debounceMs: deps.debounceMs }),
  });
  const saved = await bookmark.load();
  const decoded = saved?.progress === undefined ? undefined : decodeProgress(saved.progress, course);

  const storeKey = `${client.endpoint}|${launch.registration ?? ''}|${rootId}`;
  const queue = await openDeliveryQueue(deps, client, storeKey);
  await queue.start();

  const emitter = createStatementEmitter({
    course,
    actor: launch.actor,
    rootId,
    ...(launch.registration === undefined ? {} : { registration: launch.registration }),
    // lms_lrs.md: the LMS's `grouping` activity joins every statement's grouping.
    ...(launch.grouping === undefined ? {} : { contextTemplate: { contextActivities: { grouping: [{ id: launch.grouping }] } } }),
    now: deps.now,
    ...(deps.uuid === undefined ? {} : { uuid: deps.uuid }),
  });
  const session = createLrsSession({
    queue,
    bookmark,
    emit: (event) => emitter.statementFor(event),
    encode: (state) => encodeProgress(state, course),
    terminateAfterDrain: false,
    timers: deps.timers,
    ...(deps.exitWaitMs === undefined ? {} : { exitWaitMs: deps.exitWaitMs }),
  });
  if (decoded?.ok === true) return { session, resumed: decoded.state };
  return decoded === undefined ? { session, resumed: undefined } : { session, resumed: undefined, restoreNotice: 'partial' };
}
