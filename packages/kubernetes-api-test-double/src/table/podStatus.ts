import { isPlainObject, JsonObject, KubeObject } from '../types';
import { since } from './age';

const obj = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
const list = (v: unknown): JsonObject[] =>
  Array.isArray(v) ? v.filter(isPlainObject) : [];

function terminatedReason(t: JsonObject): string {
  if (t.reason) return String(t.reason);
  if (t.signal) return `Signal:${t.signal}`;
  return `ExitCode:${t.exitCode ?? 0}`;
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/**
 * READY, STATUS and RESTARTS as kubectl shows them: a port of the pod printer
 * in kubernetes/pkg/printers/internalversion, so CrashLoopBackOff,
 * ImagePullBackOff, Evicted, Completed, Init:0/1, Terminating come out the same.
 */
export function summarizePod(pod: KubeObject, now: Date): PodSummary {
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  const total = list(spec.containers).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let reason = String(status.reason || status.phase || '');

  for (const c of list(status.conditions)) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated')
      reason = 'SchedulingGated';
  }

  const noteRestart = (cs: JsonObject) => {
    restarts += Number(cs.restartCount ?? 0);
    const finished = obj(obj(cs.lastState).terminated).finishedAt;
    if (typeof finished === 'string')
      lastRestart = Math.max(lastRestart, Date.parse(finished));
  };

  const initStatuses = list(status.initContainerStatuses);
  const initCount = list(spec.initContainers).length;
  let initializing = false;
  initStatuses.forEach((cs, i) => {
    noteRestart(cs);
    const state = obj(cs.state);
    const terminated = obj(state.terminated);
    const waiting = obj(state.waiting);
    if (isPlainObject(state.terminated) && terminated.exitCode === 0) return;
    if (initializing) return;
    initializing = true;
    if (isPlainObject(state.terminated)) {
      reason = `Init:${terminatedReason(terminated)}`;
    } else if (waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
  });

  const initializedTrue = list(status.conditions).some(
    c => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initializedTrue) {
    let hasRunning = false;
    const statuses = list(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      noteRestart(cs);
      const state = obj(cs.state);
      const waiting = obj(state.waiting);
      const terminated = obj(state.terminated);
      if (waiting.reason) {
        reason = String(waiting.reason);
      } else if (isPlainObject(state.terminated) && terminated.reason) {
        reason = String(terminated.reason);
      } else if (isPlainObject(state.terminated)) {
        reason = terminatedReason(terminated);
      } else if (cs.ready === true && isPlainObject(state.running)) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = list(status.conditions).some(
        c => c.type === 'Ready' && c.status === 'True',
      );
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost')
    reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  const restartsText =
    restarts !== 0 && lastRestart > 0
      ? `${restarts} (${since(new Date(lastRestart).toISOString(), now)} ago)`
      : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}
