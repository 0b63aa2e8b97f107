import {
  GVISOR_HANDLER,
  GVISOR_RUNTIME_CLASS,
  SYSTEM_PRIORITY_CLASSES,
  TENANT_PRIORITY_CLASSES,
} from '@paved/plugin-paved-common';
import { KubeObject } from '../types';
import { dedicatedPlacement } from './guardrails';
import { TenantIsolationInput } from './inputs';

/** The vCluster chart every virtual-cluster tenant gets unless it pins another. */
export const VCLUSTER_CHART = {
  repository: 'https://charts.loft.sh',
  chart: 'vcluster',
  version: '0.20.0',
};

type Meta = (namespace: string) => {
  namespace: string;
  labels: Record<string, string>;
};

const tolerationString = (t: { key: string; value: string; effect: string }) =>
  `${t.key}=${t.value}:${t.effect}`;

/**
 * vCluster's values for one host namespace: the virtual control plane and
 * the Pods it syncs run in the host namespace, so they get the host's
 * quota, policies and, on a dedicated pool, its placement; the tenant's own
 * namespace objects (quota, limit ranges, network policies) stay with the
 * host rather than being created again by vCluster.
 */
function vclusterValues(t: {
  name: string;
  isolation: TenantIsolationInput;
}): Record<string, unknown> {
  const placement = dedicatedPlacement(t);
  const scheduling = placement
    ? {
        nodeSelector: placement.nodeSelector,
        tolerations: [placement.toleration],
      }
    : undefined;
  return {
    controlPlane: {
      statefulSet: {
        labels: { 'paved.dev/tenant': t.name },
        ...(scheduling ? { scheduling } : {}),
      },
    },
    sync: {
      toHost: {
        pods: {
          enabled: true,
          ...(placement
            ? { enforceTolerations: [tolerationString(placement.toleration)] }
            : {}),
        },
      },
    },
    policies: {
      resourceQuota: { enabled: false },
      limitRange: { enabled: false },
      networkPolicy: { enabled: false },
    },
  };
}

/** The release name: starts with the tenant, as its guardrails ask. */
export const vclusterRelease = (tenant: string) => `${tenant}-vcluster`;

/**
 * One vCluster per tenant namespace, installed the way the tenant's GitOps
 * engine installs charts: a Flux HelmRepository and HelmRelease in the host
 * namespace, or an Argo CD Application (in Argo CD's namespace, confined to
 * the tenant's project) whose destination is the host namespace.
 */
export function vclusterObjects(
  t: {
    name: string;
    isolation: TenantIsolationInput;
    gitops: 'argocd' | 'flux' | 'none';
  },
  namespaces: string[],
  meta: Meta,
): KubeObject[] {
  const version = t.isolation.vclusterVersion ?? VCLUSTER_CHART.version;
  const values = vclusterValues(t);
  const release = vclusterRelease(t.name);
  if (t.gitops === 'flux') {
    return namespaces.flatMap(ns => [
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'HelmRepository',
        metadata: { name: `${t.name}-loft`, ...meta(ns) },
        spec: { interval: '1h', url: VCLUSTER_CHART.repository },
      },
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: release, ...meta(ns) },
        spec: {
          interval: '10m',
          releaseName: release,
          chart: {
            spec: {
              chart: VCLUSTER_CHART.chart,
              version,
              sourceRef: { kind: 'HelmRepository', name: `${t.name}-loft` },
            },
          },
          // Everything the chart creates carries the tenant label.
          commonMetadata: { labels: { 'paved.dev/tenant': t.name } },
          serviceAccountName: 'tenant-reconciler',
          values,
        },
      },
    ]);
  }
  return namespaces.map(ns => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${ns}-vcluster`,
      namespace: 'argocd',
      labels: meta(ns).labels,
    },
    spec: {
      project: t.name,
      source: {
        repoURL: VCLUSTER_CHART.repository,
        chart: VCLUSTER_CHART.chart,
        targetRevision: version,
        helm: { releaseName: release, valuesObject: values },
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: ns,
      },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  }));
}

/**
 * Keeps a tenant on its chosen PriorityClass: a quota that allows no Pods
 * of any other class the platform knows, the system ones included (a quota
 * scoped by priority class only counts Pods of the classes it names).
 */
export function priorityQuota(
  priorityClass: string,
  namespace: string,
  labels: Record<string, string>,
): KubeObject {
  const others = [
    ...SYSTEM_PRIORITY_CLASSES,
    ...TENANT_PRIORITY_CLASSES.map(c => c.name).filter(
      n => n !== priorityClass,
    ),
  ];
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'other-priority-classes', namespace, labels },
    spec: {
      hard: { pods: '0' },
      scopeSelector: {
        matchExpressions: [
          { scopeName: 'PriorityClass', operator: 'In', values: others },
        ],
      },
    },
  };
}

/**
 * What a tier's cluster has to offer for tenant isolation, kept apart from
 * the cluster baseline (src/render/cluster/**) until the baseline takes it
 * in: the gVisor RuntimeClass (tiers in GVISOR_TIERS) and the tenant
 * PriorityClasses (tiers in TENANT_PRIORITY_TIERS).
 */
export function gvisorRuntimeClass(labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'node.k8s.io/v1',
    kind: 'RuntimeClass',
    metadata: { name: GVISOR_RUNTIME_CLASS, labels },
    handler: GVISOR_HANDLER,
    // gVisor's Sentry and Gofer per Pod, so quota and scheduling see them.
    overhead: { podFixed: { cpu: '100m', memory: '64Mi' } },
  };
}

export function tenantPriorityClasses(
  labels: Record<string, string>,
): KubeObject[] {
  return TENANT_PRIORITY_CLASSES.map(c => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: c.name, labels },
    value: c.value,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description: c.description,
  }));
}
