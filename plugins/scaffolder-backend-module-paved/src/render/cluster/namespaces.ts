import { TierNumber } from '@paved/plugin-paved-common';
import { ClusterChoices } from '../choices';
import {
  NamespaceSpec,
  namespaceObject,
  resourceLimits,
} from '../namespaceBaseline';
import { AddonContext } from '../platform/addonTypes';
import { ingressSource } from '../platform/networkAccess';
import { platformNamespaces } from '../platform/platformNamespaces';
import { RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import { ClusterInput } from './input';
import { TENANT_CLAIM_NAMESPACE, tierHasCrossplane } from '../tenant/claim';

/**
 * Workload namespaces by the tier's namespace strategy: one `apps` (tier 1),
 * one per environment (tier 2), one per team and environment under the
 * team's parent (tier 3+).
 */
export function clusterNamespaces(c: ClusterInput): NamespaceSpec[] {
  const cost = (team: string, environment: string) => ({
    team,
    project: c.project,
    environment,
    costCenter: c.costCenter,
  });
  if (c.tier === 1) {
    return [
      {
        name: 'apps',
        tier: 1,
        tenant: c.team,
        cost: cost(c.team, c.environments[0]),
      },
    ];
  }
  if (c.tier === 2) {
    return c.environments.map(env => ({
      name: `apps-${env}`,
      tier: c.tier,
      tenant: c.team,
      cost: cost(c.team, env),
    }));
  }
  return c.teams.flatMap(team =>
    c.environments.map(env => ({
      name: `${team}-${env}`,
      tier: c.tier,
      tenant: team,
      parent: `team-${team}`,
      cost: cost(team, env),
    })),
  );
}

/** Namespaces the platform team owns beside the add-ons' own. */
const PLATFORM_OWNED = (tier: TierNumber, ch: ClusterChoices) => [
  // The Gateway lives in platform whatever the tier.
  ...(tier >= 3 || ch.ingress === 'gateway-api' ? ['platform'] : []),
  ...(tier >= 3 ? ['shared'] : []),
  // Tenant claims, where the Tenant XRD is shipped.
  ...(tierHasCrossplane(tier) ? [TENANT_CLAIM_NAMESPACE] : []),
];

/** Namespace of the ingress controller or Gateway pods, when the baseline must create it. */
function ingressSourceNamespace(ctx: AddonContext): string[] | undefined {
  const source = ingressSource(ctx);
  return source === 'cilium-ingress' ? undefined : [source.namespace];
}

/**
 * The platform's and the workloads' namespaces. Pod Security restricted
 * from tier 2, the namespace hierarchy from tier 3.
 */
export function namespaceFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  const platformCost = {
    team: c.team,
    project: c.project,
    environment: 'platform',
    costCenter: c.costCenter,
  };
  const ownNamespaces = [
    ...PLATFORM_OWNED(c.tier, c.choices),
    ...(ingressSourceNamespace(b.ctx) ?? []),
  ];
  return [
    manifestFile(
      'manifests/namespaces.yaml',
      [
        ...platformNamespaces(b.addons, ownNamespaces, platformCost),
        ...b.workloadNs.map(namespaceObject),
      ],
      [
        'namespace',
        ...(c.tier >= 2 ? ['pod-security-restricted'] : []),
        ...(c.tier >= 3 ? ['namespace-hierarchy'] : []),
      ],
    ),
  ];
}

/** ResourceQuota and LimitRange per workload namespace, where the tier requires quota. */
export function resourceLimitFiles(b: BaselineContext): RenderedFile[] {
  if (!b.tier.requiresQuota) return [];
  return [
    manifestFile(
      'manifests/resource-limits.yaml',
      b.workloadNs.flatMap(n =>
        resourceLimits(n, b.input.quota, b.input.defaults),
      ),
      ['quota-limitrange'],
    ),
  ];
}
