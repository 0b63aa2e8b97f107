import { TENANT_LABEL } from '@paved/plugin-paved-common';
import { KubeObject } from '../types';
import { TenantAlertReceiver, TenantObservabilityInput } from './inputs';

/**
 * Per-tenant observability. One key isolates every signal: the tenant's
 * name.
 * - Metrics: the tenant's PodMonitor stamps `tenant="<name>"` on every
 *   series it scrapes (a replace relabeling, so a Pod cannot claim another
 *   tenant's value); cluster series (cAdvisor, kube-state-metrics) carry the
 *   tenant's namespaces. Tenant dashboards and rules select on both.
 * - Logs: the tenant's name is its Loki tenant id (`X-Scope-OrgID`). Promtail
 *   writes each Pod's lines under the Pod's `paved.dev/tenant` label (which
 *   the guardrails make every tenant Pod carry, with its own value), and the
 *   tenant's Grafana datasource reads with that id only.
 * - Alerts: the tenant's rules live in its namespaces, and an
 *   AlertmanagerConfig per namespace routes them to the tenant's receiver;
 *   prometheus-operator confines such a route to alerts of its namespace.
 */

/** Where Grafana and its sidecar run (kube-prometheus-stack, tier 2+). */
export const MONITORING_NAMESPACE = 'monitoring';
/** Loki's Service: the loki-stack add-on's release name. */
export const LOKI_SERVICE = 'loki-stack';
/** The series label the tenant's PodMonitor sets. */
export const METRICS_TENANT_LABEL = 'tenant';
/** The ConfigMap annotation the Grafana sidecar reads the folder from. */
export const GRAFANA_FOLDER_ANNOTATION = 'grafana_folder';
/** The secret key each receiver type reads when none is given. */
export const DEFAULT_RECEIVER_KEYS = {
  slack: 'url',
  pagerduty: 'routingKey',
  webhook: 'url',
} as const;

export const grafanaFolder = (tenant: string) => `Tenant ${tenant}`;
export const lokiDatasourceUid = (tenant: string) => `loki-${tenant}`;
export const alertmanagerConfigName = (tenant: string) => `${tenant}-alerts`;
export const tenantRulesName = (tenant: string) => `${tenant}-defaults`;

type Labels = Record<string, string>;

/** What the tenant's observability objects need of the tenant. */
export type ObservabilityTenant = {
  name: string;
  namespaces: string[];
  observability: TenantObservabilityInput;
  labelsFor: (namespace: string) => Labels;
  /** Labels for objects that serve every namespace (the monitoring ones). */
  sharedLabels: Labels;
};

/** The PodMonitor endpoint's relabeling that pins the tenant label. */
export function tenantRelabeling(tenant: string): Record<string, unknown> {
  return {
    action: 'replace',
    targetLabel: METRICS_TENANT_LABEL,
    replacement: tenant,
  };
}

const nsRegex = (namespaces: string[]) => namespaces.join('|');

/** The Grafana datasource, read with the tenant's Loki tenant id. */
function lokiDatasource(t: ObservabilityTenant): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `${t.name}-loki-datasource`,
      namespace: MONITORING_NAMESPACE,
      labels: { ...t.sharedLabels, grafana_datasource: '1' },
    },
    data: {
      [`${t.name}-loki.yaml`]: JSON.stringify({
        apiVersion: 1,
        datasources: [
          {
            name: `Loki (${t.name})`,
            uid: lokiDatasourceUid(t.name),
            type: 'loki',
            access: 'proxy',
            // The loki-stack release's Service (named after the release).
            url: `http://${LOKI_SERVICE}.${MONITORING_NAMESPACE}.svc:3100`,
            jsonData: { httpHeaderName1: 'X-Scope-OrgID' },
            // A tenant id, not a credential: Loki trusts whoever reaches it,
            // so the read path is Grafana's, where the folder is the fence.
            secureJsonData: { httpHeaderValue1: t.name },
          },
        ],
      }),
    },
  };
}

/** The default dashboards of the tenant's folder. */
export function tenantDashboards(
  t: ObservabilityTenant,
): Record<string, unknown>[] {
  const ns = nsRegex(t.namespaces);
  const sel = `namespace=~"${ns}"`;
  const panel = (title: string, expr: string, unit?: string) => ({
    type: 'timeseries',
    title,
    datasource: { type: 'prometheus', uid: 'prometheus' },
    targets: [{ expr, legendFormat: '{{namespace}}' }],
    ...(unit ? { fieldConfig: { defaults: { unit } } } : {}),
  });
  const workloads = {
    uid: `${t.name}-workloads`,
    title: `Tenant ${t.name}: workloads`,
    tags: ['paved', `tenant:${t.name}`],
    panels: [
      panel(
        'CPU used (cores)',
        `sum by (namespace) (rate(container_cpu_usage_seconds_total{${sel}, container!=""}[5m]))`,
      ),
      panel(
        'Memory used',
        `sum by (namespace) (container_memory_working_set_bytes{${sel}, container!=""})`,
        'bytes',
      ),
      panel(
        'Quota used (share of hard)',
        `max by (namespace, resource) (kube_resourcequota{${sel}, type="used"}) / on (namespace, resource) max by (namespace, resource) (kube_resourcequota{${sel}, type="hard"} > 0)`,
        'percentunit',
      ),
      panel(
        'Container restarts (1h)',
        `sum by (namespace) (increase(kube_pod_container_status_restarts_total{${sel}}[1h]))`,
      ),
      panel(
        'Scrape targets up',
        `sum by (namespace) (up{${METRICS_TENANT_LABEL}="${t.name}"})`,
      ),
    ],
  };
  if (!t.observability.logs) return [workloads];
  return [
    workloads,
    {
      uid: `${t.name}-logs`,
      title: `Tenant ${t.name}: logs`,
      tags: ['paved', `tenant:${t.name}`],
      panels: [
        {
          type: 'logs',
          title: 'Logs',
          datasource: { type: 'loki', uid: lokiDatasourceUid(t.name) },
          targets: [{ expr: `{${sel}}` }],
        },
      ],
    },
  ];
}

/** Dashboards as a ConfigMap the Grafana sidecar files into the tenant's folder. */
function dashboardConfigMap(t: ObservabilityTenant): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `${t.name}-dashboards`,
      namespace: MONITORING_NAMESPACE,
      labels: { ...t.sharedLabels, grafana_dashboard: '1' },
      annotations: { [GRAFANA_FOLDER_ANNOTATION]: grafanaFolder(t.name) },
    },
    data: Object.fromEntries(
      tenantDashboards(t).map(d => [`${d.uid}.json`, JSON.stringify(d)]),
    ),
  };
}

/** Alerts every tenant gets, each about one of its namespaces. */
function tenantRules(t: ObservabilityTenant, namespace: string): KubeObject {
  const sel = `namespace="${namespace}"`;
  const labels = { severity: 'warning', [METRICS_TENANT_LABEL]: t.name };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: tenantRulesName(t.name),
      namespace,
      labels: t.labelsFor(namespace),
    },
    spec: {
      groups: [
        {
          name: `${t.name}.rules`,
          rules: [
            {
              alert: 'TenantPodCrashLooping',
              expr: `increase(kube_pod_container_status_restarts_total{${sel}}[15m]) > 3`,
              for: '5m',
              labels,
              annotations: {
                summary: `{{ $labels.pod }} in ${namespace} restarts repeatedly`,
              },
            },
            {
              alert: 'TenantQuotaNearlyUsed',
              expr: `max by (namespace, resource) (kube_resourcequota{${sel}, type="used"}) / on (namespace, resource) max by (namespace, resource) (kube_resourcequota{${sel}, type="hard"} > 0) > 0.9`,
              for: '15m',
              labels,
              annotations: {
                summary: `${namespace} uses over 90% of its {{ $labels.resource }} quota`,
              },
            },
            {
              alert: 'TenantTargetDown',
              expr: `up{${sel}, ${METRICS_TENANT_LABEL}="${t.name}"} == 0`,
              for: '10m',
              labels,
              annotations: {
                summary: `{{ $labels.pod }} in ${namespace} stopped answering scrapes`,
              },
            },
          ],
        },
      ],
    },
  };
}

/** The receiver, with its secret referenced by name and key only. */
export function alertReceiver(
  tenant: string,
  r: TenantAlertReceiver,
): Record<string, unknown> {
  const name = tenant;
  switch (r.type) {
    case 'slack':
      return {
        name,
        slackConfigs: [
          {
            apiURL: {
              name: r.secretName,
              key: r.secretKey ?? DEFAULT_RECEIVER_KEYS.slack,
            },
            channel: r.channel,
            sendResolved: true,
          },
        ],
      };
    case 'pagerduty':
      return {
        name,
        pagerdutyConfigs: [
          {
            routingKey: {
              name: r.secretName,
              key: r.secretKey ?? DEFAULT_RECEIVER_KEYS.pagerduty,
            },
            sendResolved: true,
          },
        ],
      };
    case 'webhook':
      return {
        name,
        webhookConfigs: [
          {
            urlSecret: {
              name: r.secretName,
              key: r.secretKey ?? DEFAULT_RECEIVER_KEYS.webhook,
            },
            sendResolved: true,
          },
        ],
      };
    case 'email':
      // Sent through the Alertmanager's global SMTP settings.
      return { name, emailConfigs: [{ to: r.to, sendResolved: true }] };
    default:
      throw new Error(`unknown receiver type ${(r as { type: string }).type}`);
  }
}

function alertmanagerConfig(
  t: ObservabilityTenant,
  namespace: string,
  receiver: TenantAlertReceiver,
): KubeObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: 'AlertmanagerConfig',
    metadata: {
      name: alertmanagerConfigName(t.name),
      namespace,
      labels: t.labelsFor(namespace),
    },
    spec: {
      // The operator adds namespace="<this namespace>" to the route, so the
      // tenant receives its own namespace's alerts and no one else's.
      route: {
        receiver: t.name,
        groupBy: ['alertname', 'namespace'],
        groupWait: '30s',
        groupInterval: '5m',
        repeatInterval: '4h',
      },
      receivers: [alertReceiver(t.name, receiver)],
    },
  };
}

/**
 * The tenant's observability objects beside its PodMonitor (which takes
 * the relabeling from `tenantRelabeling`): the Loki datasource and the
 * dashboards in the monitoring namespace, rules and alert routing in each
 * tenant namespace.
 */
export function observabilityObjects(t: ObservabilityTenant): KubeObject[] {
  const o = t.observability;
  return [
    ...(o.logs ? [lokiDatasource(t)] : []),
    ...(o.dashboards ? [dashboardConfigMap(t)] : []),
    ...(o.alerts
      ? t.namespaces.flatMap(ns => [
          tenantRules(t, ns),
          alertmanagerConfig(t, ns, o.alerts!.receiver),
        ])
      : []),
  ];
}

/** The README's paragraph on observability. */
export function observabilityParagraph(t: ObservabilityTenant): string {
  const o = t.observability;
  const parts: string[] = [];
  if (o.metrics)
    parts.push(
      `every series scraped from the tenant's Pods carries \`${METRICS_TENANT_LABEL}="${t.name}"\``,
    );
  if (o.logs)
    parts.push(
      `its logs are Loki tenant \`${t.name}\`, read through the Grafana datasource \`Loki (${t.name})\``,
    );
  if (o.dashboards)
    parts.push(
      `Grafana files its dashboards in the folder \`${grafanaFolder(t.name)}\``,
    );
  if (o.alerts)
    parts.push(
      `alerts from its namespaces go to the ${
        o.alerts.receiver.type
      } receiver \`${t.name}\`${
        o.alerts.receiver.type === 'email'
          ? ''
          : `, whose ${o.alerts.receiver.type} credential the tenant keeps in the Secret \`${o.alerts.receiver.secretName}\` in each of its namespaces`
      }`,
    );
  return parts.length
    ? `Observability: ${parts.join(
        '; ',
      )}. The label \`${TENANT_LABEL}\` is on every object.`
    : '';
}
