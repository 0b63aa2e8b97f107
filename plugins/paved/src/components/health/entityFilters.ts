import { Entity } from '@backstage/catalog-model';

/** The Kubernetes plugin's annotations, which Paved's backend reads too. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
export const ANNOTATION_KUBERNETES_CLUSTER = 'backstage.io/kubernetes-cluster';

/** A Resource of type `kubernetes-cluster`: the cluster health card's entities. */
export function isKubernetesClusterEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === 'kubernetes-cluster'
  );
}

/** A Component the Kubernetes plugin can find objects for. */
export function hasKubernetesWorkloads(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    Boolean(
      annotations[ANNOTATION_KUBERNETES_ID] ||
        annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR],
    )
  );
}
