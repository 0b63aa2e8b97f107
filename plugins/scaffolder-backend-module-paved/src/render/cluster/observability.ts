import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile } from '../yaml';
import type { BaselineContext } from './context';
import { label } from './input';

/** Tier 3: the cost dashboard for Grafana (kube-prometheus-stack picks it up). */
export function dashboardFiles(b: BaselineContext): RenderedFile[] {
  if (b.input.tier < 3) return [];
  return [
    manifestFile(
      'manifests/observability/dashboards.yaml',
      [costDashboard()],
      ['kube-prometheus-stack'],
    ),
  ];
}

/**
 * Grafana dashboard of requested CPU and memory per cost centre: one query
 * per unit (adding cores to bytes means nothing), joined on the namespace's
 * cost-center label, which kube-state-metrics exports through its label
 * allow-list (kube-prometheus-stack values).
 */
function costDashboard(): KubeObject {
  const byCostCenter = (resource: string) =>
    `sum by (label_cost_center) (sum by (namespace) (kube_pod_container_resource_requests{resource="${resource}"}) * on(namespace) group_left(label_cost_center) max by (namespace, label_cost_center) (kube_namespace_labels))`;
  return manifest<IConfigMap>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'paved-namespace-dashboard',
      namespace: 'monitoring',
      labels: { ...label, grafana_dashboard: '1' },
    },
    data: {
      'namespace-costs.json': JSON.stringify({
        title: 'Namespaces by team and cost centre',
        panels: [
          {
            type: 'table',
            title: 'Requested CPU (cores) by cost-center',
            targets: [{ expr: byCostCenter('cpu') }],
          },
          {
            type: 'table',
            title: 'Requested memory (bytes) by cost-center',
            targets: [{ expr: byCostCenter('memory') }],
          },
        ],
      }),
    },
  });
}
