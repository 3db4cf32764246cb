/**
 * The cmi5 AU adapter (cmi5 8-11). Opening a session: launch parameters, the token (one fetch
 * POST per launch), LMS.LaunchData, learner preferences, then the bookmark; only after all of them
 * can `initialized` go out (CATAPULT rejects statements before the preferences are read, 11.0.0.0-3).
 *
 * `@xapi/cmi5` was considered and not used: its module creates a singleton that reads
 * `window.location` on import (a side effect our rules forbid), it pulls in axios through
 * `@xapi/xapi`'s runtime client (over the cmi5 runtime budget), and it has no retry, persisted
 * queue or ordering guarantee (reliability B1), which is most of what this folder is for.
 */
import type { LearnerEvent } from '../../tracker.js';
import type { LrsAdapterDependencies } from '../lrs/adapter-dependencies.js';
import { createLrsClient } from '../lrs/lrs-client.js';
import { openDelivery } from '../lrs/open-delivery-queue.js';
import { createLrsSession } from '../lrs/lrs-session.js';
import type { LaunchProblem, OpenedSession } from '../lrs/lrs-tracker.js';
import { createReplayGuard } from '../lrs/replay-guard.js';
import { encodeProgress } from '../resume/progress-codec.js';
import { createStatementEmitter } from '../statements/index.js';
import { obtainToken, parseCmi5Launch, sessionStorageKey, writeSessionState } from './cmi5-launch.js';
import { createCmi5Rules } from './cmi5-rules.js';
import { LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID, parseLaunchData, type LaunchData } from './launch-data.js';

const NORMAL: LaunchData = { contextTemplate: {}, launchMode: 'Normal' };

export async function openCmi5Session(deps: LrsAdapterDependencies): Promise<OpenedSession | LaunchProblem> {
  const { course } = deps;
  const parsed = parseCmi5Launch(deps.search);
  if (!parsed.ok) return 'missing-launch-parameters';
  const launch = parsed.launch;
  const token = await obtainToken(launch, deps.fetch, deps.sessionStorage);
  if (!token.ok || token.state.terminated === true) return 'relaunch-required';
  const sessionKey = sessionStorageKey(launch);

  const client = createLrsClient({ endpoint: launch.endpoint, authorization: `Basic ${token.state.authToken}`, fetch: deps.fetch });
  const scope = { activityId: launch.activityId, agent: launch.actor, registration: launch.registration };
  const launchReply = await client.getState({ ...scope, stateId: LAUNCH_DATA_STATE_ID });
  if (launchReply.status === 0) return 'lrs-unavailable';
  // A reused token the LMS no longer honours: the session was abandoned or ended (X9, X10).
  if (launchReply.status === 401 || launchReply.status === 403) return 'relaunch-required';
  const launchData = parseLaunchData(launchReply.body) ?? NORMAL;
  // cmi5 11: read before any statement; a missing profile (404) is normal.
  await client.getAgentProfile(launch.actor, LEARNER_PREFERENCES_PROFILE_ID);

  // One queue per endpoint, registration and AU; the key holds no credential. Statements an
  // earlier session left in this browser go first, with their own session id (X6): the LMS says
  // whether it still takes them, and one it refuses is dead-lettered with its reason.
  const storeKey = `${client.endpoint}|${launch.registration}|${launch.activityId}`;
  const { queue, bookmark, lastWord, resumed, partial } = await openDelivery(deps, client, scope, storeKey);

  // LaunchData's masteryScore and moveOn win over cmi5.xml's (cmi5 10.2.1).
  const masteryScore = launchData.masteryScore ?? course.mastery;
  const emitter = createStatementEmitter({
    course,
    actor: launch.actor,
    rootId: launch.activityId,
    registration: launch.registration,
    contextTemplate: launchData.contextTemplate,
    cmi5: true,
    masteryScore: launchData.masteryScore,
    now: deps.now,
    ...(deps.uuid === undefined ? {} : { uuid: deps.uuid }),
  });
  let sessionState = token.state;
  const saveSession = (state: typeof sessionState): void => {
    sessionState = state;
    writeSessionState(deps.sessionStorage, sessionKey, state);
  };
  const rules = createCmi5Rules({
    launchMode: launchData.launchMode,
    moveOn: launchData.moveOn ?? 'NotApplicable',
    masteryScore,
    bookmark,
    session: token.state,
    saveSession,
  });

  const emit = (event: LearnerEvent): ReturnType<typeof emitter.statementFor> => {
    if (event.kind === 'exited' && event.reason === 'learner') saveSession({ ...sessionState, terminated: true });
    // cmi5 9.3.4: passed is judged against the mastery score in force, which may be the LMS's.
    if (event.kind === 'scored') {
      return emitter.statementFor({ ...event, score: { ...event.score, passed: event.score.scaled >= masteryScore } });
    }
    return emitter.statementFor(event);
  };

  const session = createLrsSession({
    queue,
    bookmark,
    lastWord,
    emit,
    encode: (state) => encodeProgress(state, course),
    admit: rules.admit,
    guard: createReplayGuard(bookmark, { once: false }),
    terminateAfterDrain: true,
    returnUrl: launchData.returnURL,
    navigate: deps.navigate,
    timers: deps.timers,
    ...(deps.exitWaitMs === undefined ? {} : { exitWaitMs: deps.exitWaitMs }),
  });
  const mastery = launchData.masteryScore === undefined ? {} : { mastery: launchData.masteryScore };
  return partial ? { session, resumed, restoreNotice: 'partial', ...mastery } : { session, resumed, ...mastery };
}
