import { parseQuantity } from '../tiers/quantity';
import { KubeObject } from './types';

/** CPU in cores and memory in bytes. @public */
export interface ResourceAmounts {
  cpu: number;
  memory: number;
}

/** Allocatable against requested on one node, or in total. @public */
export interface CapacitySummary {
  allocatable: ResourceAmounts;
  requested: ResourceAmounts;
  /** requested / allocatable, 0 when nothing is allocatable. */
  cpuRequestedRatio: number;
  memoryRequestedRatio: number;
  pods: number;
}

/** A quantity, or 0 when it is missing or malformed (never throw on a cluster's data). */
function quantity(value: unknown): number {
  if (typeof value !== 'string' && typeof value !== 'number') return 0;
  try {
    return parseQuantity(String(value));
  } catch {
    return 0;
  }
}

function requestsOf(containers: any): ResourceAmounts {
  const list: any[] = Array.isArray(containers) ? containers : [];
  return list.reduce<ResourceAmounts>(
    (sum, c) => ({
      cpu: sum.cpu + quantity(c?.resources?.requests?.cpu),
      memory: sum.memory + quantity(c?.resources?.requests?.memory),
    }),
    { cpu: 0, memory: 0 },
  );
}

/**
 * What the scheduler reserves for a Pod: the larger of its containers' sum
 * and its biggest init container (init containers run one at a time), plus
 * the RuntimeClass overhead.
 */
export function podRequests(pod: KubeObject): ResourceAmounts {
  const main = requestsOf(pod.spec?.containers);
  const inits: any[] = Array.isArray(pod.spec?.initContainers)
    ? pod.spec.initContainers
    : [];
  const init = inits.reduce<ResourceAmounts>(
    (max, c) => {
      const r = requestsOf([c]);
      return {
        cpu: Math.max(max.cpu, r.cpu),
        memory: Math.max(max.memory, r.memory),
      };
    },
    { cpu: 0, memory: 0 },
  );
  return {
    cpu: Math.max(main.cpu, init.cpu) + quantity(pod.spec?.overhead?.cpu),
    memory:
      Math.max(main.memory, init.memory) + quantity(pod.spec?.overhead?.memory),
  };
}

/** Terminated Pods no longer hold their requests on a node. */
export function podHoldsRequests(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return (
    Boolean(pod.spec?.nodeName) && phase !== 'Succeeded' && phase !== 'Failed'
  );
}

export function nodeAllocatable(node: KubeObject): ResourceAmounts {
  return {
    cpu: quantity(node.status?.allocatable?.cpu),
    memory: quantity(node.status?.allocatable?.memory),
  };
}

export function capacitySummary(
  allocatable: ResourceAmounts,
  requested: ResourceAmounts,
  pods: number,
): CapacitySummary {
  return {
    allocatable,
    requested,
    cpuRequestedRatio:
      allocatable.cpu > 0 ? requested.cpu / allocatable.cpu : 0,
    memoryRequestedRatio:
      allocatable.memory > 0 ? requested.memory / allocatable.memory : 0,
    pods,
  };
}
