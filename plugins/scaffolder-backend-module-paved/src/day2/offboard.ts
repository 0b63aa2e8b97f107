import { KubeObject } from '../render/types';
import { RunningPod } from './errors';
import { objectRef } from './diff';

/**
 * The order objects are deleted in: everything else first, namespaces
 * last, so objects outside the namespaces (Argo CD's AppProject and
 * Applications) never outlive the tenant and nothing inside is left
 * behind half-deleted when a namespace's own deletion fails. A namespace
 * that is an HNC parent (named by a HierarchyConfiguration's `spec.parent`)
 * goes after its children, so HNC never sees children lose their parent.
 */
export function deletionOrder<
  T extends {
    kind: string;
    metadata?: { name?: string };
    spec?: unknown;
  },
>(objects: T[]): T[] {
  const parents = new Set(
    objects
      .filter(o => o.kind === 'HierarchyConfiguration')
      .map(o => (o.spec as { parent?: string } | undefined)?.parent)
      .filter((p): p is string => !!p),
  );
  const namespaces = objects.filter(o => o.kind === 'Namespace');
  const isParent = (o: T) => parents.has(o.metadata?.name ?? '');
  return [
    ...objects.filter(o => o.kind !== 'Namespace'),
    ...namespaces.filter(o => !isParent(o)),
    ...namespaces.filter(isParent),
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
