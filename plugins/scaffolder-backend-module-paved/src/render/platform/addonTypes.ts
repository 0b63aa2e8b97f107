import { PodSecurityLevel, TierNumber } from '@paved/plugin-paved-common';
import { ClusterChoices } from '../choices';
import { KubeObject } from '../types';

/** A kind an add-on's chart serves through a CRD it installs. */
export type ServedKind = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
};

/** A port a controller listens on, and who must reach it. */
export type AddonPort = {
  name: string;
  port: number;
  protocol?: 'TCP' | 'UDP';
  /**
   * `metrics`: Prometheus scrapes it; `webhook`: the API server calls it
   * (admission, conversion); `serving`: other pods call it.
   */
  role: 'metrics' | 'webhook' | 'serving';
};

/**
 * A workload a chart runs, as far as the baseline's checks need it: the pod
 * labels (network policy selects on them), ports, and whether it needs the
 * node (host network, host paths, privileged), which decides the Pod
 * Security level of its namespace.
 */
export type AddonWorkload = {
  kind: 'Deployment' | 'DaemonSet' | 'StatefulSet';
  name: string;
  podLabels: Record<string, string>;
  ports: AddonPort[];
  /** Host network, host paths or privileged containers. */
  needsNode?: boolean;
  /** Talks to the Kubernetes API (controllers, operators). */
  callsApiServer?: boolean;
};

/** What the render of a baseline knows when it picks and configures add-ons. */
export type AddonContext = {
  cluster: string;
  tier: TierNumber;
  region: string;
  backupBucket: string;
  choices: ClusterChoices;
  /** Cluster Mesh id, 1-255, unique among the clusters of one mesh. */
  clusterId: number;
};

/**
 * Where the add-on comes from: a chart of a Helm repository, a folder of a
 * Git repository, or plain objects the baseline renders itself (the add-on's
 * `objects`, written to manifests/platform/<id>.yaml).
 */
export type AddonSource =
  | { type: 'helm'; repoURL: string; chart: string; version: string }
  | {
      type: 'git';
      repoURL: string;
      path: string;
      version: string;
      /** Kustomize image overrides, for folders that leave a placeholder image. */
      images?: Array<{ name: string; newName: string; newTag: string }>;
    }
  | { type: 'manifests' };

/**
 * An object an add-on's pods need before they can start (a Secret or
 * ConfigMap they mount); something earlier in the install plan must produce it.
 */
export type AddonRequirement = {
  kind: 'Secret' | 'ConfigMap';
  namespace: string;
  name: string;
};

/**
 * A cluster add-on the baseline installs: the controller behind some of the
 * kinds the baseline uses. The catalogue is the one place that says which
 * kinds a chart serves, so the self-check can prove that every custom kind
 * in a baseline has its controller installed earlier.
 */
export type Addon = {
  id: string;
  title: string;
  source: AddonSource;
  namespace: string;
  /** Whether this baseline installs it. */
  include: (ctx: AddonContext) => boolean;
  /** Add-ons that must be running before this one is installed. */
  after?: string[];
  serves: ServedKind[];
  workloads: AddonWorkload[];
  /** Objects the controller itself creates once running (a GatewayClass, say). */
  creates?: (ctx: AddonContext) => KubeObject[];
  values?: (ctx: AddonContext) => Record<string, unknown>;
  /** Source `manifests`: the objects that are the install, applied server-side. */
  objects?: (ctx: AddonContext) => KubeObject[];
  /** What must exist before the add-on's pods can start. */
  requires?: AddonRequirement[];
  /** Output-spec items this add-on helps satisfy. */
  satisfies: string[];
  /**
   * The GitOps engine itself: installed by hand before anything else (the
   * README's first step), never by the engine.
   */
  bootstrap?: boolean;
};

/** The objects of an add-on installed from plain manifests; none for a chart. */
export const addonObjects = (a: Addon, ctx: AddonContext): KubeObject[] =>
  a.source.type === 'manifests' && a.objects ? a.objects(ctx) : [];

/** The version an add-on is pinned to, for people (manifests: rendered here). */
export const addonVersion = (a: Addon): string =>
  a.source.type === 'manifests'
    ? `manifests/platform/${a.id}.yaml`
    : a.source.version;

/** The Pod Security level a namespace holding these workloads needs. */
export function podSecurityNeeded(
  workloads: AddonWorkload[],
  tierLevel: PodSecurityLevel,
): PodSecurityLevel {
  return workloads.some(w => w.needsNode) ? 'privileged' : tierLevel;
}
