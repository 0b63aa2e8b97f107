import { conditionOf, makeProblem } from './problems';
import { HealthProblem, KubeObject } from './types';

/** Node conditions that mean trouble when `True`. */
export const NODE_PRESSURE_CONDITIONS = [
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
] as const;

/** @public */
export type NodeReadiness = 'Ready' | 'NotReady' | 'Unknown';

/** One node, summarised. @public */
export interface NodeHealth {
  name: string;
  readiness: NodeReadiness;
  pressure: string[];
  cordoned: boolean;
  kubeletVersion?: string;
  /** Minor versions the kubelet is behind (+) or ahead of (-) the control plane. */
  versionSkew?: number;
}

/** `v1.30.6`, `v1.29.3-eks-1234` → `{ major: 1, minor: 30 }`. @public */
export function parseKubeVersion(
  version: string | undefined,
): { major: number; minor: number } | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/**
 * Kubernetes' version skew policy: a kubelet may not be newer than the API
 * server and may be at most three minor versions older (since 1.28).
 */
const MAX_KUBELET_MINORS_BEHIND = 3;

function readinessOf(node: KubeObject): NodeReadiness {
  const ready = conditionOf(node, 'Ready');
  if (ready?.status === 'True') return 'Ready';
  if (ready?.status === 'False') return 'NotReady';
  return 'Unknown';
}

/** A node's summary and problems, against the control plane's version. */
export function nodeSignals(
  node: KubeObject,
  controlPlaneVersion: string | undefined,
  runbookEntityRef?: string,
): { node: NodeHealth; problems: HealthProblem[] } {
  const name = node.metadata?.name ?? '';
  const object = { kind: 'Node', name };
  const problems: HealthProblem[] = [];
  const readiness = readinessOf(node);
  const ready = conditionOf(node, 'Ready');

  if (readiness !== 'Ready') {
    problems.push(
      makeProblem(
        {
          signal: 'node-not-ready',
          severity: 'critical',
          reason: ready?.reason ?? 'NodeStatusUnknown',
          message: `Node ${name} is ${
            readiness === 'Unknown' ? 'NotReady (status Unknown)' : 'NotReady'
          }${ready?.message ? `: ${ready.message}` : ''}`,
          object,
          runbookReasons: [ready?.reason],
          fallbackRunbook: 'node-not-ready',
        },
        runbookEntityRef,
      ),
    );
  }

  const pressure = NODE_PRESSURE_CONDITIONS.filter(
    type => conditionOf(node, type)?.status === 'True',
  );
  for (const type of pressure) {
    const condition = conditionOf(node, type);
    problems.push(
      makeProblem(
        {
          signal: 'node-pressure',
          severity: 'warning',
          reason: type,
          message: `Node ${name} reports ${type}${
            condition?.message ? `: ${condition.message}` : ''
          }`,
          object,
          idQualifier: type,
        },
        runbookEntityRef,
      ),
    );
  }

  const cordoned = node.spec?.unschedulable === true;
  if (cordoned) {
    problems.push(
      makeProblem(
        {
          signal: 'node-cordoned',
          severity: 'info',
          reason: 'SchedulingDisabled',
          message: `Node ${name} is cordoned: no new Pods are scheduled on it`,
          object,
          // Cordoning is the first step of a drain.
          fallbackRunbook: 'pdb-blocking-drain',
        },
        runbookEntityRef,
      ),
    );
  }

  const kubeletVersion: string | undefined =
    node.status?.nodeInfo?.kubeletVersion;
  const kubelet = parseKubeVersion(kubeletVersion);
  const plane = parseKubeVersion(controlPlaneVersion);
  let versionSkew: number | undefined;
  if (kubelet && plane) {
    versionSkew =
      (plane.major - kubelet.major) * 100 + (plane.minor - kubelet.minor);
    if (versionSkew !== 0) {
      const unsupported =
        versionSkew < 0 || versionSkew > MAX_KUBELET_MINORS_BEHIND;
      problems.push(
        makeProblem(
          {
            signal: 'version-skew',
            severity: unsupported ? 'critical' : 'info',
            reason:
              versionSkew < 0
                ? 'KubeletNewerThanControlPlane'
                : 'KubeletBehindControlPlane',
            message: `Node ${name} runs kubelet ${kubeletVersion} against control plane ${controlPlaneVersion}${
              unsupported ? ' (outside the supported skew)' : ''
            }`,
            object,
            count: Math.abs(versionSkew),
          },
          runbookEntityRef,
        ),
      );
    }
  }

  return {
    node: {
      name,
      readiness,
      pressure: [...pressure],
      cordoned,
      ...(kubeletVersion ? { kubeletVersion } : {}),
      ...(versionSkew !== undefined ? { versionSkew } : {}),
    },
    problems,
  };
}
