import { PathSegment } from './path';
import type { DriftObjectRef } from './types';

/**
 * Fields the API server or a controller owns by design: never drift even
 * when a manifest happens to set them.
 */
const SERVER_METADATA = new Set([
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'finalizers',
]);

/** Managers that scale workloads: replicas they wrote are theirs. */
const SCALERS = [
  'kube-controller-manager',
  'horizontal-pod-autoscaler',
  'keda-operator',
  'vpa-updater',
];

const SCALED_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
]);

/** What, beyond the object itself, decides which fields a controller owns. */
export type IgnoreContext = {
  /**
   * Workloads an HPA (desired or live) scales, as `Kind namespace/name`:
   * their `spec.replicas` is the HPA's.
   */
  hpaTargets?: ReadonlySet<string>;
};

export const scaleTargetKey = (kind: string, namespace: string, name: string) =>
  `${kind} ${namespace}/${name}`;

/** The HPA targets among manifests or live objects. */
export function hpaTargetsOf(objects: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const o of objects as any[]) {
    if (o?.kind !== 'HorizontalPodAutoscaler') continue;
    const t = o.spec?.scaleTargetRef;
    const ns = o.metadata?.namespace;
    if (t?.kind && t?.name && ns) out.add(scaleTargetKey(t.kind, ns, t.name));
  }
  return out;
}

function replicasScaled(
  ref: DriftObjectRef,
  live: any,
  ctx: IgnoreContext,
): boolean {
  if (!SCALED_KINDS.has(ref.kind)) return false;
  if (
    ctx.hpaTargets?.has(scaleTargetKey(ref.kind, ref.namespace ?? '', ref.name))
  )
    return true;
  // The scale subresource or an autoscaler wrote spec.replicas last.
  return (live?.metadata?.managedFields ?? []).some(
    (e: any) =>
      e?.fieldsV1?.['f:spec']?.['f:replicas'] !== undefined &&
      (e.subresource === 'scale' || SCALERS.includes(e.manager)),
  );
}

/**
 * Why a field is a controller's by design, or undefined when it is the
 * manifest's to set: `status`, server-kept metadata, and `spec.replicas` of
 * a workload an autoscaler scales.
 */
export function ignoredBecause(
  ref: DriftObjectRef,
  path: readonly PathSegment[],
  live: unknown,
  ctx: IgnoreContext = {},
): string | undefined {
  const [first, second] = path;
  if (first === 'status') return 'status is written by controllers';
  if (
    first === 'metadata' &&
    typeof second === 'string' &&
    SERVER_METADATA.has(second)
  )
    return `metadata.${second} is kept by the API server`;
  if (
    first === 'spec' &&
    second === 'replicas' &&
    replicasScaled(ref, live, ctx)
  )
    return 'spec.replicas belongs to the autoscaler';
  return undefined;
}
