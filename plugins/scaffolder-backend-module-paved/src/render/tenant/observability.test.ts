import { renderTenant, TenantInput } from '../tenant';
import { KubeObject } from '../types';
import { validateObject } from '../../validate/models';
import { acmeTenant } from '../../__testUtils__/tenantInputs';
import { TenantAlertReceiver } from './inputs';
import { alertReceiver } from './observability';

/*
 * Per-tenant observability as rendered: every object carries the tenant
 * label, the metrics label cannot be set by the tenant's Pods, dashboards
 * and the Loki datasource go to Grafana's namespace with the tenant's
 * folder and tenant id, and alert routing names a Secret without holding
 * one.
 */

const slack: TenantAlertReceiver = {
  type: 'slack',
  channel: '#acme-alerts',
  secretName: 'acme-alerting',
};

const withObservability = (extra: Partial<TenantInput> = {}): TenantInput => ({
  ...acmeTenant,
  observability: {
    metrics: true,
    logs: true,
    dashboards: true,
    alerts: { receiver: slack },
  },
  ...extra,
});

const objectsOf = (t: TenantInput) =>
  renderTenant(t).flatMap(f => f.objects ?? []);
const find = (os: KubeObject[], kind: string, ns?: string) =>
  os.filter(o => o.kind === kind && (!ns || o.metadata.namespace === ns));

/** The AlertmanagerConfig model (monitoring.coreos.com/v1alpha1). */
async function validateAlertmanagerConfig(o: KubeObject) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1');
  new mod.AlertmanagerConfig(o).validate();
}

describe('tenant observability', () => {
  it('renders nothing new when not asked for', () => {
    const files = renderTenant(acmeTenant);
    expect(files.map(f => f.path)).not.toContain(
      'manifests/observability.yaml',
    );
    const [pm] = find(objectsOf(acmeTenant), 'PodMonitor');
    expect((pm.spec as any).podMetricsEndpoints[0].relabelings).toBeUndefined();
  });

  it('pins the tenant label on every scraped series', () => {
    const monitors = find(objectsOf(withObservability()), 'PodMonitor');
    expect(monitors).toHaveLength(2);
    for (const pm of monitors) {
      const [endpoint] = (pm.spec as any).podMetricsEndpoints;
      // A replace without source labels: whatever the target says, it is acme.
      expect(endpoint.relabelings).toEqual([
        { action: 'replace', targetLabel: 'tenant', replacement: 'acme' },
      ]);
      expect(endpoint.honorLabels).toBeUndefined();
    }
  });

  it('puts dashboards and the Loki datasource in Grafana, in the tenant folder', () => {
    const os = objectsOf(withObservability());
    const [dashboards] = find(os, 'ConfigMap', 'monitoring').filter(
      o => o.metadata.labels?.grafana_dashboard === '1',
    );
    expect(dashboards.metadata.name).toBe('acme-dashboards');
    expect(dashboards.metadata.annotations).toEqual({
      grafana_folder: 'Tenant acme',
    });
    const boards = Object.values(dashboards.data as Record<string, string>).map(
      d => JSON.parse(d),
    );
    expect(boards.map(b => b.title)).toEqual([
      'Tenant acme: workloads',
      'Tenant acme: logs',
    ]);
    // Every query is confined to the tenant's namespaces or its label.
    for (const b of boards)
      for (const p of b.panels)
        for (const target of p.targets)
          expect(target.expr).toMatch(
            /namespace=~"acme-dev\|acme-prod"|tenant="acme"/,
          );
    const [datasource] = find(os, 'ConfigMap', 'monitoring').filter(
      o => o.metadata.labels?.grafana_datasource === '1',
    );
    const ds = JSON.parse(
      Object.values(datasource.data as Record<string, string>)[0],
    ).datasources[0];
    expect(ds).toMatchObject({
      type: 'loki',
      uid: 'loki-acme',
      jsonData: { httpHeaderName1: 'X-Scope-OrgID' },
      secureJsonData: { httpHeaderValue1: 'acme' },
    });
  });

  it('leaves logs out of the dashboards when logs are off', () => {
    const os = objectsOf(
      withObservability({ observability: { dashboards: true } }),
    );
    expect(
      find(os, 'ConfigMap', 'monitoring').map(o => o.metadata.name),
    ).toEqual(['acme-dashboards']);
    const data = find(os, 'ConfigMap', 'monitoring')[0].data as object;
    expect(Object.keys(data)).toEqual(['acme-workloads.json']);
  });

  it('routes each namespace’s alerts to the receiver, naming the Secret only', async () => {
    const os = objectsOf(withObservability());
    for (const ns of ['acme-dev', 'acme-prod']) {
      const [amc] = find(os, 'AlertmanagerConfig', ns);
      expect(amc.metadata.name).toBe('acme-alerts');
      expect((amc.spec as any).route.receiver).toBe('acme');
      expect((amc.spec as any).receivers).toEqual([
        {
          name: 'acme',
          slackConfigs: [
            {
              apiURL: { name: 'acme-alerting', key: 'url' },
              channel: '#acme-alerts',
              sendResolved: true,
            },
          ],
        },
      ]);
      await validateAlertmanagerConfig(amc);
      const [rules] = find(os, 'PrometheusRule', ns);
      expect(await validateObject(rules)).toBeUndefined();
      for (const r of (rules.spec as any).groups[0].rules) {
        expect(r.expr).toContain(`namespace="${ns}"`);
        expect(r.labels.tenant).toBe('acme');
      }
    }
    expect(os.some(o => o.kind === 'Secret')).toBe(false);
  });

  it.each<[TenantAlertReceiver, Record<string, unknown>]>([
    [
      { type: 'pagerduty', secretName: 'acme-pd' },
      {
        pagerdutyConfigs: [
          {
            routingKey: { name: 'acme-pd', key: 'routingKey' },
            sendResolved: true,
          },
        ],
      },
    ],
    [
      { type: 'webhook', secretName: 'acme-hook', secretKey: 'endpoint' },
      {
        webhookConfigs: [
          {
            urlSecret: { name: 'acme-hook', key: 'endpoint' },
            sendResolved: true,
          },
        ],
      },
    ],
    [
      { type: 'email', to: 'oncall@acme.example' },
      { emailConfigs: [{ to: 'oncall@acme.example', sendResolved: true }] },
    ],
  ])('writes a %p receiver that validates', async (receiver, expected) => {
    expect(alertReceiver('acme', receiver)).toEqual({
      name: 'acme',
      ...expected,
    });
    const [amc] = find(
      objectsOf(withObservability({ observability: { alerts: { receiver } } })),
      'AlertmanagerConfig',
    );
    await validateAlertmanagerConfig(amc);
  });

  it('labels every observability object with the tenant, and validates the rest', async () => {
    const files = renderTenant(withObservability());
    const obs = files.find(f => f.path === 'manifests/observability.yaml')!;
    for (const o of obs.objects!) {
      expect(o.metadata.labels?.['paved.dev/tenant']).toBe('acme');
      expect(o.metadata.labels?.['app.kubernetes.io/managed-by']).toBe(
        'paved-scaffolder',
      );
    }
    // AlertmanagerConfig is checked with its model in the test above.
    for (const o of obs.objects!.filter(x => x.kind !== 'AlertmanagerConfig'))
      expect(await validateObject(o)).toBeUndefined();
    const readme = files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain('Loki tenant `acme`');
    expect(readme).toContain('Secret `acme-alerting`');
  });
});
