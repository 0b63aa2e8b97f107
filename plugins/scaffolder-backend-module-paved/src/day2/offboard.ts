import { KubeObject } from '../render/types';
import { RunningPod } from './errors';
import { objectRef } from './diff';

/**
 * The order objects are deleted in: everything else first, namespaces
 * last, so objects outside the namespaces (Argo CD's AppProject and
 * Applications) never outlive the tenant and nothing inside is left
 * behind half-deleted when a namespace's own deletion fails.
 */
export function deletionOrder<T extends { kind: string }>(objects: T[]): T[] {
  return [
    ...objects.filter(o => o.kind !== 'Namespace'),
    ...objects.filter(o => o.kind === 'Namespace'),
  ];
}

/** Pods that still run: any phase but Succeeded and Failed (Pending included). */
export function runningPods(
  pods: Array<{
    metadata: { name: string; namespace?: string };
    status?: { phase?: string };
  }>,
): RunningPod[] {
  return pods
    .filter(
      p => !['Succeeded', 'Failed'].includes(p.status?.phase ?? 'Pending'),
    )
    .map(p => ({
      namespace: p.metadata.namespace ?? '',
      name: p.metadata.name,
      phase: p.status?.phase ?? 'Pending',
    }));
}

/** The rendered objects that exist in the cluster, in deletion order. */
export function offboardPlan(
  rendered: KubeObject[],
  exists: (o: KubeObject) => boolean,
): string[] {
  return deletionOrder(rendered.filter(exists)).map(objectRef);
}
