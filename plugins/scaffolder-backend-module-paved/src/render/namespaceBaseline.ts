import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import {
  podSecurityLabels,
  TENANT_LABEL,
  TierNumber,
} from '@paved/plugin-paved-common';
import { costLabels, MANAGED_BY } from './labels';
import {
  ContainerDefaults,
  CostLabels,
  EgressRule,
  KubeObject,
  manifest,
  QuotaInput,
} from './types';

// TENANT_LABEL groups a tenant's namespaces; network policy allows traffic within it.
export { TENANT_LABEL };

export type NamespaceSpec = {
  name: string;
  tier: TierNumber;
  cost: CostLabels;
  /** Tenant (or team) the namespace belongs to. */
  tenant: string;
  /** Parent in the namespace hierarchy (tier 3+). */
  parent?: string;
  extraLabels?: Record<string, string>;
};

export function namespaceObject(ns: NamespaceSpec): KubeObject {
  return manifest<INamespace>({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ns.name,
      labels: {
        'app.kubernetes.io/managed-by': MANAGED_BY,
        [TENANT_LABEL]: ns.tenant,
        ...(ns.parent ? { 'paved.dev/parent': ns.parent } : {}),
        ...costLabels(ns.cost),
        ...podSecurityLabels(ns.tier),
        ...ns.extraLabels,
      },
    },
  });
}

function meta(ns: NamespaceSpec, name: string) {
  return {
    name,
    namespace: ns.name,
    labels: {
      'app.kubernetes.io/managed-by': MANAGED_BY,
      [TENANT_LABEL]: ns.tenant,
      ...costLabels(ns.cost),
    },
  };
}

/** Quota and per-container defaults, so no pod runs without requests and limits. */
export function resourceLimits(
  ns: NamespaceSpec,
  quota: QuotaInput,
  defaults: ContainerDefaults,
): KubeObject[] {
  return [
    manifest<IResourceQuota>({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta(ns, 'tenant-quota'),
      spec: {
        hard: {
          'requests.cpu': quota.cpu,
          'requests.memory': quota.memory,
          'limits.cpu': quota.cpu,
          'limits.memory': quota.memory,
          pods: String(quota.pods),
          ...(quota.storage ? { 'requests.storage': quota.storage } : {}),
          // Object counts use the generic count/<resource> quota syntax.
          ...Object.fromEntries(
            Object.entries(quota.objects ?? {}).map(([resource, count]) => [
              `count/${resource}`,
              String(count),
            ]),
          ),
        },
      },
    }),
    manifest<ILimitRange>({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: meta(ns, 'container-defaults'),
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: {
              cpu: defaults.cpuRequest,
              memory: defaults.memoryRequest,
            },
            default: { cpu: defaults.cpuLimit, memory: defaults.memoryLimit },
          },
        ],
      },
    }),
  ];
}

/**
 * Default deny in both directions, then DNS to kube-system and traffic among
 * the tenant's own namespaces: a workload must ask for anything else.
 */
export function networkPolicies(
  ns: NamespaceSpec,
  allowedEgress: EgressRule[] = [],
): KubeObject[] {
  const sameTenant = {
    namespaceSelector: { matchLabels: { [TENANT_LABEL]: ns.tenant } },
  };
  const policy = (
    name: string,
    spec: NonNullable<INetworkPolicy['spec']>,
  ): KubeObject =>
    manifest<INetworkPolicy>({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(ns, name),
      spec,
    });
  return [
    policy('default-deny-all', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    policy('allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
              },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
    policy('allow-same-tenant', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [sameTenant] }],
      egress: [{ to: [sameTenant] }],
    }),
    ...(allowedEgress.length
      ? [
          policy('allow-egress', {
            podSelector: {},
            policyTypes: ['Egress'],
            egress: allowedEgress.map(rule => ({
              to: [{ ipBlock: { cidr: rule.cidr } }],
              ...(rule.ports?.length
                ? {
                    ports: rule.ports.map(port => ({
                      protocol: 'TCP',
                      port,
                    })),
                  }
                : {}),
            })),
          }),
        ]
      : []),
  ];
}
