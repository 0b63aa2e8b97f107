import type { SchedulingLatencySummary } from './schedulingLatency';
import {
  capacitySummary,
  CapacitySummary,
  nodeAllocatable,
  podHoldsRequests,
  podRequests,
  ResourceAmounts,
} from './capacity';
import { WarningEventGroup, WarningEventGrouper } from './events';
import { NodeHealth, nodeSignals } from './nodes';
import { makeProblem, sortProblems } from './problems';
import { HealthOptions, HealthProblem, KubeObject } from './types';

/** @public */
export interface ClusterHealthOptions extends HealthOptions {
  /** `gitVersion` from the cluster's `/version`. */
  controlPlaneVersion?: string;
  /** How far back Warning events count as recent (default one hour). */
  eventWindowMs?: number;
}

/** A cluster's health: summaries only. @public */
export interface ClusterHealthSummary {
  controlPlaneVersion?: string;
  nodes: {
    total: number;
    ready: number;
    notReady: number;
    unknown: number;
    cordoned: number;
    pressure: Record<string, number>;
    items: (NodeHealth & { capacity: CapacitySummary })[];
  };
  capacity: CapacitySummary;
  pods: { total: number; byPhase: Record<string, number>; evicted: number };
  warningEvents: WarningEventGroup[];
  problems: HealthProblem[];
  /** Seed 004's M3 over every Pod; see schedulingLatency.ts. */
  schedulingLatency?: SchedulingLatencySummary;
}

/** Feed nodes, Pods and events page by page; see {@link summarizeClusterHealth}. @public */
export interface ClusterHealthAccumulator {
  addNode(node: KubeObject): void;
  addPod(pod: KubeObject): void;
  addEvent(event: KubeObject): void;
  result(): ClusterHealthSummary;
}

const DEFAULT_EVENT_WINDOW_MS = 60 * 60 * 1000;

/** @public */
export function createClusterHealthAccumulator(
  options: ClusterHealthOptions = {},
): ClusterHealthAccumulator {
  const now = options.now ?? new Date();
  const entityRef = options.runbookEntityRef;
  const nodes = new Map<
    string,
    { health: NodeHealth; allocatable: ResourceAmounts }
  >();
  const problems: HealthProblem[] = [];
  // Requests are kept per node name only, so Pods may arrive before nodes.
  const requested = new Map<string, ResourceAmounts & { pods: number }>();
  const byPhase: Record<string, number> = {};
  let pods = 0;
  let evicted = 0;
  const events = new WarningEventGrouper(
    now.getTime() - (options.eventWindowMs ?? DEFAULT_EVENT_WINDOW_MS),
    entityRef,
  );

  return {
    addNode(node) {
      const signals = nodeSignals(node, options.controlPlaneVersion, entityRef);
      nodes.set(signals.node.name, {
        health: signals.node,
        allocatable: nodeAllocatable(node),
      });
      problems.push(...signals.problems);
    },
    addPod(pod) {
      pods += 1;
      const phase: string = pod.status?.phase ?? 'Unknown';
      byPhase[phase] = (byPhase[phase] ?? 0) + 1;
      if (pod.status?.reason === 'Evicted') evicted += 1;
      if (podHoldsRequests(pod)) {
        const r = podRequests(pod);
        const current = requested.get(pod.spec.nodeName) ?? {
          cpu: 0,
          memory: 0,
          pods: 0,
        };
        requested.set(pod.spec.nodeName, {
          cpu: current.cpu + r.cpu,
          memory: current.memory + r.memory,
          pods: current.pods + 1,
        });
      }
    },
    addEvent(event) {
      events.add(event);
    },
    result() {
      const items = [...nodes.values()]
        .map(({ health, allocatable }) => {
          const r = requested.get(health.name) ?? {
            cpu: 0,
            memory: 0,
            pods: 0,
          };
          return {
            ...health,
            capacity: capacitySummary(
              allocatable,
              { cpu: r.cpu, memory: r.memory },
              r.pods,
            ),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      const total = items.reduce(
        (sum, n) => ({
          allocatable: {
            cpu: sum.allocatable.cpu + n.capacity.allocatable.cpu,
            memory: sum.allocatable.memory + n.capacity.allocatable.memory,
          },
          requested: {
            cpu: sum.requested.cpu + n.capacity.requested.cpu,
            memory: sum.requested.memory + n.capacity.requested.memory,
          },
          pods: sum.pods + n.capacity.pods,
        }),
        {
          allocatable: { cpu: 0, memory: 0 },
          requested: { cpu: 0, memory: 0 },
          pods: 0,
        },
      );
      const pressure: Record<string, number> = {};
      for (const n of items) {
        for (const type of n.pressure)
          pressure[type] = (pressure[type] ?? 0) + 1;
      }
      const allProblems = [...problems];
      if (evicted > 0) {
        // Evictions are a cluster signal too (M10): count, not one per Pod.
        allProblems.push(
          makeProblem(
            {
              signal: 'pod-evicted',
              severity: 'warning',
              reason: 'Evicted',
              message: `${evicted} evicted Pod${
                evicted === 1 ? '' : 's'
              } in the cluster (target: near zero)`,
              object: { kind: 'Cluster', name: '' },
              count: evicted,
            },
            entityRef,
          ),
        );
      }
      return {
        ...(options.controlPlaneVersion
          ? { controlPlaneVersion: options.controlPlaneVersion }
          : {}),
        nodes: {
          total: items.length,
          ready: items.filter(n => n.readiness === 'Ready').length,
          notReady: items.filter(n => n.readiness === 'NotReady').length,
          unknown: items.filter(n => n.readiness === 'Unknown').length,
          cordoned: items.filter(n => n.cordoned).length,
          pressure,
          items,
        },
        capacity: capacitySummary(
          total.allocatable,
          total.requested,
          total.pods,
        ),
        pods: { total: pods, byPhase: { ...byPhase }, evicted },
        warningEvents: events.result(),
        problems: sortProblems(allProblems),
      };
    },
  };
}

/** A cluster's health from its nodes, Pods and events. @public */
export function summarizeClusterHealth(
  input: {
    nodes: Iterable<KubeObject>;
    pods: Iterable<KubeObject>;
    events?: Iterable<KubeObject>;
  },
  options: ClusterHealthOptions = {},
): ClusterHealthSummary {
  const acc = createClusterHealthAccumulator(options);
  for (const node of input.nodes) acc.addNode(node);
  for (const pod of input.pods) acc.addPod(pod);
  for (const event of input.events ?? []) acc.addEvent(event);
  return acc.result();
}
