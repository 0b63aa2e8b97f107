import { Entity } from '@backstage/catalog-model';

/** The Kubernetes plugin's annotations, read the way it reads them. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
export const ANNOTATION_KUBERNETES_CLUSTER = 'backstage.io/kubernetes-cluster';

/** Which objects are the component's, and where to look for them. */
export interface ComponentSelection {
  labelSelector: string;
  namespace?: string;
  /** Only this cluster, when the entity names one. */
  cluster?: string;
}

/**
 * Same rules as the Kubernetes backend's fan-out: an explicit label selector
 * wins, else `backstage.io/kubernetes-id=<id>` with the entity's name as the
 * id, so Paved's cards show the objects the Kubernetes tab shows.
 */
export function componentSelection(entity: Entity): ComponentSelection {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[ANNOTATION_KUBERNETES_ID] || entity.metadata.name;
  const labelSelector =
    annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR] ||
    `${ANNOTATION_KUBERNETES_ID}=${id}`;
  const namespace = annotations[ANNOTATION_KUBERNETES_NAMESPACE] || undefined;
  const cluster = annotations[ANNOTATION_KUBERNETES_CLUSTER] || undefined;
  return {
    labelSelector,
    ...(namespace ? { namespace } : {}),
    ...(cluster ? { cluster } : {}),
  };
}

/** Kinds that make up a component's health, with their list paths. */
export const COMPONENT_KINDS = [
  { group: '', version: 'v1', plural: 'pods' },
  { group: 'apps', version: 'v1', plural: 'deployments' },
  { group: 'apps', version: 'v1', plural: 'statefulsets' },
  { group: 'apps', version: 'v1', plural: 'daemonsets' },
  { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers' },
  { group: 'policy', version: 'v1', plural: 'poddisruptionbudgets' },
] as const;

/** The kinds besides Pods: few objects each, always read in full. */
export const COMPONENT_WORKLOAD_KINDS = COMPONENT_KINDS.filter(
  k => k.plural !== 'pods',
);
