/**
 * Kubernetes objects as plain data: one shape for what Paved reads from a
 * cluster and what it writes to one. paved-common carries no Kubernetes
 * client dependency, so these are structural types, not a client's models.
 */

/** @public */
export interface KubeObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind?: string; name?: string; uid?: string }[];
}

/**
 * An object as a cluster returns it. Every field is optional: readers must
 * cope with whatever a cluster of any version returns.
 *
 * @public
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: KubeObjectMeta;
  spec?: any;
  status?: any;
}

/**
 * A {@link KubeObject} the way Paved writes it (a rendered manifest, an
 * object to apply): apiVersion, kind and name are set, and any other
 * top-level field (`data`, `rules`, ...) is carried as it is.
 *
 * @public
 */
export type KubeManifest = Omit<
  KubeObject,
  'apiVersion' | 'kind' | 'metadata'
> & {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta & { name: string };
  [key: string]: unknown;
};
