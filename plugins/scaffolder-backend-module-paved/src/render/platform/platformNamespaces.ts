import {
  KUBERNETES_SYSTEM_NAMESPACES,
  NAMESPACE_ROLE_LABEL,
  PLATFORM_NAMESPACE_ROLE,
  PodSecurityLevel,
} from '@paved/plugin-paved-common';
import { costLabels, MANAGED_BY } from '../labels';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { CostLabels, KubeObject, manifest } from '../types';
import { Addon } from './addonTypes';

/**
 * The platform's own namespaces: the ones add-ons install into, plus any
 * the baseline names (gateways, shared services). Rendered by the baseline
 * rather than created by the GitOps engine, so that they carry cost labels,
 * the platform role label that exempts them from tenant rules, and the Pod
 * Security level their controllers need: privileged where a controller
 * needs the node (CNI agents, node exporters, backup node agents),
 * baseline elsewhere (charts do not all meet restricted).
 */
export function platformNamespaces(
  addons: Addon[],
  extra: string[],
  cost: CostLabels,
): KubeObject[] {
  const levels = new Map<string, PodSecurityLevel>();
  for (const name of extra) levels.set(name, 'baseline');
  for (const a of addons) {
    const needsNode = a.workloads.some(w => w.needsNode);
    const prev = levels.get(a.namespace);
    levels.set(
      a.namespace,
      needsNode || prev === 'privileged' ? 'privileged' : 'baseline',
    );
  }
  return [...levels.entries()]
    .filter(
      ([name]) =>
        !(KUBERNETES_SYSTEM_NAMESPACES as readonly string[]).includes(name),
    )
    .map(([name, level]) =>
      manifest<INamespace>({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name,
          labels: {
            'app.kubernetes.io/managed-by': MANAGED_BY,
            [NAMESPACE_ROLE_LABEL]: PLATFORM_NAMESPACE_ROLE,
            ...costLabels({ ...cost, environment: 'platform' }),
            'pod-security.kubernetes.io/enforce': level,
            'pod-security.kubernetes.io/warn': level,
          },
        },
      }),
    );
}
