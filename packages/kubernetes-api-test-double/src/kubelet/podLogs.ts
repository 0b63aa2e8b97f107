import { isPlainObject, JsonObject, KubeObject } from '../types';

export type LogResult =
  | { ok: true; text: string }
  | { ok: false; code: 400 | 500; message: string };

export interface LogRequest {
  container?: string;
  previous: boolean;
  tailLines?: number;
  limitBytes?: number;
  timestamps: boolean;
}

const o = (v: unknown): JsonObject => (isPlainObject(v) ? v : {});
const list = (v: unknown): JsonObject[] =>
  Array.isArray(v) ? v.filter(isPlainObject) : [];

/** The key fixture log files are stored under: `<ns>/<pod>/<container>[/previous]`. */
export function logKey(
  namespace: string,
  pod: string,
  container: string,
  previous: boolean,
): string {
  return `${namespace}/${pod}/${container}${previous ? '/previous' : ''}`;
}

/**
 * What `GET .../pods/<name>/log` answers, decided the way the API server and
 * kubelet decide it: which container, whether it has (or had) a log, and the
 * errors they return when it has not. Text comes from fixture log files or is
 * made up from the container's state.
 */
export function podLog(
  pod: KubeObject,
  req: LogRequest,
  fixtureLogs: Map<string, string>,
  nodeReady: (nodeName: string) => boolean,
): LogResult {
  const name = pod.metadata.name ?? '';
  const spec = o(pod.spec);
  const containers = list(spec.containers).map(c => String(c.name));
  const initContainers = list(spec.initContainers).map(c => String(c.name));
  let container = req.container;
  if (!container) {
    if (containers.length !== 1) {
      const init = initContainers.length
        ? ` or one of the init containers: [${initContainers.join(' ')}]`
        : '';
      return {
        ok: false,
        code: 400,
        message: `a container name must be specified for pod ${name}, choose one of: [${containers.join(
          ' ',
        )}]${init}`,
      };
    }
    container = containers[0];
  }
  if (!containers.includes(container) && !initContainers.includes(container)) {
    return {
      ok: false,
      code: 400,
      message: `container ${container} is not valid for pod ${name}`,
    };
  }
  const nodeName = typeof spec.nodeName === 'string' ? spec.nodeName : '';
  if (!nodeName)
    return {
      ok: false,
      code: 400,
      message: `pod ${name} does not have a host assigned`,
    };
  if (!nodeReady(nodeName)) {
    const ip = String(o(pod.status).hostIP ?? nodeName);
    return {
      ok: false,
      code: 500,
      message: `Get "https://${ip}:10250/containerLogs/${pod.metadata.namespace}/${name}/${container}": dial tcp ${ip}:10250: connect: no route to host`,
    };
  }

  const status = o(pod.status);
  const cs = [
    ...list(status.containerStatuses),
    ...list(status.initContainerStatuses),
  ].find(c => c.name === container);
  const state = o(cs?.state);
  const hasLast = isPlainObject(o(cs?.lastState).terminated);
  const lastTerminated = o(o(cs?.lastState).terminated);
  if (req.previous && !hasLast) {
    return {
      ok: false,
      code: 400,
      message: `previous terminated container "${container}" in pod "${name}" not found`,
    };
  }
  // A container in CrashLoopBackOff still has its last (terminated) instance's log.
  const waitingReason = String(o(state.waiting).reason ?? '');
  const crashLooping = waitingReason === 'CrashLoopBackOff' && hasLast;
  if (!req.previous && !crashLooping && (!cs || isPlainObject(state.waiting))) {
    const reason = waitingReason || 'ContainerCreating';
    const why = /ImagePull|ErrImage/.test(reason)
      ? 'trying and failing to pull image'
      : reason;
    return {
      ok: false,
      code: 400,
      message: `container "${container}" in pod "${name}" is waiting to start: ${why}`,
    };
  }

  const fromLast = req.previous || crashLooping;
  const ns = pod.metadata.namespace ?? '';
  const fixture =
    fixtureLogs.get(logKey(ns, name, container, req.previous)) ??
    (crashLooping
      ? fixtureLogs.get(logKey(ns, name, container, true))
      : undefined);
  const started = String(
    (fromLast
      ? lastTerminated.startedAt
      : o(state.running).startedAt ?? o(state.terminated).startedAt) ??
      pod.metadata.creationTimestamp ??
      '',
  );
  const lines =
    fixture !== undefined
      ? fixture.replace(/\n$/, '').split('\n')
      : synthesize(
          container,
          String(cs?.image ?? ''),
          fromLast ? lastTerminated : o(state.terminated),
        );
  return { ok: true, text: format(lines, started, req) };
}

function synthesize(
  container: string,
  image: string,
  terminated: JsonObject,
): string[] {
  const version = image.includes(':')
    ? image.slice(image.lastIndexOf(':') + 1)
    : 'latest';
  const lines = [
    `level=info msg="starting ${container}" version=${version}`,
    `level=info msg="loaded configuration" source=/etc/${container}/config.yaml`,
    `level=info msg="listening" addr=:8080`,
    `level=info msg="ready to serve requests"`,
  ];
  if (terminated.reason === 'OOMKilled') {
    lines.push(`level=warn msg="heap usage high" heap_mb=498 limit_mb=512`);
  } else if (
    terminated.reason === 'Error' ||
    Number(terminated.exitCode ?? 0) !== 0
  ) {
    lines.push(
      `level=error msg="fatal error, exiting" exit_code=${
        terminated.exitCode ?? 1
      }`,
    );
  } else if (terminated.reason === 'Completed') {
    lines.push(`level=info msg="work complete, exiting"`);
  }
  return lines;
}

function format(lines: string[], started: string, req: LogRequest): string {
  const base = Date.parse(started) || 0;
  let out = lines.map((line, i) =>
    req.timestamps
      ? `${new Date(base + i * 1000)
          .toISOString()
          .replace('Z', '000000Z')} ${line}`
      : line,
  );
  if (req.tailLines !== undefined && req.tailLines >= 0)
    out = out.slice(Math.max(0, out.length - req.tailLines));
  const text = out.length ? `${out.join('\n')}\n` : '';
  // limitBytes counts bytes, not characters, and may cut a line (or a
  // character) short, as the kubelet's limited writer does.
  if (req.limitBytes !== undefined && req.limitBytes > 0)
    return Buffer.from(text, 'utf8')
      .subarray(0, req.limitBytes)
      .toString('utf8');
  return text;
}
