import type { KubeManifest } from '@paved/plugin-paved-common';

/**
 * A Kubernetes object as plain data, the way it is written to YAML:
 * paved-common's one object shape with apiVersion, kind and name set.
 */
export type KubeObject = KubeManifest;

/**
 * A manifest checked against its model's interface and handed on as the
 * plain object it is: `manifest<INamespace>({...})`. Import the interfaces
 * with `import type` from kubernetes-models and @kubernetes-models/*: the
 * models are ESM-only and their class instances would change the output
 * (defaults, key order), so only their types are used when rendering.
 */
export function manifest<
  T extends { apiVersion: string; kind: string; metadata?: object },
>(object: T): KubeObject {
  return object as unknown as KubeObject;
}

/**
 * One generated file. `objects` is set for manifests (validated before
 * anything is written); other files (README, plans) only carry `content`.
 */
export type RenderedFile = {
  path: string;
  content: string;
  objects?: KubeObject[];
  /** Output-spec item ids this file helps satisfy, for the README. */
  satisfies?: string[];
  /**
   * Crossplane claims: their kinds come from XRDs, so only Crossplane's claim
   * envelope is validated here (see validate/claimEnvelope.ts).
   */
  validateAs?: 'crossplane-claim';
};

/** Owner and cost attribution every generated object carries. */
export type CostLabels = {
  team: string;
  project: string;
  environment: string;
  costCenter: string;
};

/** Per-container defaults a LimitRange hands out. */
export type ContainerDefaults = {
  cpuRequest: string;
  cpuLimit: string;
  memoryRequest: string;
  memoryLimit: string;
};

/** Object kinds a tenant quota can count, as `count/<resource>`. */
export const COUNTED_OBJECTS = [
  'services',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'services.loadbalancers',
] as const;

/** Hard limits of a namespace's ResourceQuota. */
export type QuotaInput = {
  cpu: string;
  memory: string;
  pods: number;
  /** Total storage requested by claims, e.g. `100Gi`. */
  storage?: string;
  /** Object counts, e.g. `{ services: 10 }`. */
  objects?: Partial<Record<(typeof COUNTED_OBJECTS)[number], number>>;
};

/** Egress a tenant may open beyond its own namespaces and DNS. */
export type EgressRule = { cidr: string; ports?: number[] };

/** A Crossplane claim the tenant asks for, in one of its environments. */
export type ClaimInput = {
  apiVersion: string;
  kind: string;
  name: string;
  /** Defaults to the tenant's first environment. */
  environment?: string;
  parameters?: Record<string, unknown>;
  compositionSelector?: { matchLabels: Record<string, string> };
};
