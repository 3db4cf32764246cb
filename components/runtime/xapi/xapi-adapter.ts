/**
 * The TinCan (xAPI launch) adapter: the same delivery queue and State API bookmark as cmi5,
 * without cmi5's launch handshake and statement rules.
 */
import type { LrsAdapterDependencies } from '../lrs/adapter-dependencies.js';
import { createLrsClient } from '../lrs/lrs-client.js';
import { openDelivery } from '../lrs/open-delivery-queue.js';
import { createLrsSession } from '../lrs/lrs-session.js';
import type { LaunchProblem, OpenedSession } from '../lrs/lrs-tracker.js';
import { createReplayGuard } from '../lrs/replay-guard.js';
import { encodeProgress } from '../resume/progress-codec.js';
import { createStatementEmitter } from '../statements/index.js';
import { parseTinCanLaunch } from './tincan-launch.js';

export async function openXapiSession(deps: LrsAdapterDependencies): Promise<OpenedSession | LaunchProblem> {
  const { course } = deps;
  const parsed = parseTinCanLaunch(deps.search);
  if (!parsed.ok) return 'missing-launch-parameters';
  const launch = parsed.launch;
  const rootId = launch.activityId ?? course.id;
  const client = createLrsClient({ endpoint: launch.endpoint, authorization: launch.auth, fetch: deps.fetch });

  const storeKey = `${client.endpoint}|${launch.registration ?? ''}|${rootId}`;
  const scope = { activityId: rootId, agent: launch.actor, ...(launch.registration === undefined ? {} : { registration: launch.registration }) };
  const { queue, bookmark, lastWord, resumed, partial } = await openDelivery(deps, client, scope, storeKey);

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
    lastWord,
    emit: (event) => emitter.statementFor(event),
    encode: (state) => encodeProgress(state, course),
    // Completion and pass go once per registration, as in cmi5 (a relaunch restores, never repeats).
    guard: createReplayGuard(bookmark, { once: true }),
    terminateAfterDrain: false,
    timers: deps.timers,
    ...(deps.exitWaitMs === undefined ? {} : { exitWaitMs: deps.exitWaitMs }),
  });
  return partial ? { session, resumed, restoreNotice: 'partial' } : { session, resumed };
}
