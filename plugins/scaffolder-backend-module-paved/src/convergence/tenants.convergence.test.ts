/*
 * Tenants on a converged cluster: the tier 3 baseline (Kyverno), the tier's
 * tenancy objects (gVisor RuntimeClass, tenant PriorityClasses) and two
 * tenants, acme (isolation tier sandboxed) and globex (namespace), applied
 * through Paved's apply path. The tenants' own guardrails must admit every
 * object their onboarding renders, and refuse what would reach the other
 * tenant: a RoleBinding to its service account, a route to its Service, an
 * ExternalName alias, its label, and (from acme's people) names without the
 * prefix or changes to what the platform manages.
 */
import { tierChoiceDefaults } from '../render/choices';
import { addonContext, renderClusterBaseline } from '../render/cluster';
import { addonsFor } from '../render/platform/addons';
import { renderTenant, TenantInput } from '../render/tenant';
import { tierTenancyFiles } from '../render/tenant/tierTenancyBaseline';
import { clusterInput } from '../__testUtils__/clusterInputs';
import { converge } from './__testUtils__/converge';
import {
  applyObjects,
  crdFor,
  Double,
  messageOf,
  runWorkloads,
} from './__testUtils__/simulateCluster';

jest.setTimeout(120_000);

const TIER = 3;

const tenantInput = (
  name: string,
  extra: Partial<TenantInput>,
): TenantInput => ({
  name,
  team: name,
  project: 'shop',
  costCenter: 'cc-1',
  tier: TIER,
  environments: ['dev', 'prod'],
  quota: { cpu: '4', memory: '8Gi', pods: 20 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '256Mi',
  },
  groups: { admin: `${name}-admins`, developer: `${name}-developers` },
  gitops: 'argocd',
  priorityClass: 'paved-tenant-standard',
  ...extra,
});

const acme = tenantInput('acme', {
  isolation: { level: 'sandboxed' },
  // Every part of per-tenant observability, so its objects meet the
  // guardrails and the baseline's policies too.
  observability: {
    metrics: true,
    logs: true,
    dashboards: true,
    alerts: {
      receiver: {
        type: 'slack',
        channel: '#acme-alerts',
        secretName: 'acme-alerting',
      },
    },
  },
});
const globex = tenantInput('globex', {});

/** A call to the double, as the admin or as someone (kubectl --as / --as-group). */
async function call(
  double: Double,
  method: string,
  path: string,
  body?: unknown,
  as?: { user: string; groups: string[] },
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {
    Authorization: 'Bearer paved-local-admin-token',
    Accept: 'application/json',
    'Content-Type':
      method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
  };
  const h = new Headers(headers);
  if (as) {
    h.set('Impersonate-User', as.user);
    for (const g of as.groups) h.append('Impersonate-Group', g);
  }
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => '') };
}

const labels = (tenant: string) => ({ 'paved.dev/tenant': tenant });
const acmeAdmin = { user: 'alice', groups: ['acme-admins'] };

describe('two tenants with guardrails on a converged tier 3 cluster', () => {
  let double: Double;

  beforeAll(async () => {
    const input = clusterInput(TIER, tierChoiceDefaults(TIER));
    const ctx = addonContext(input);
    ({ double } = await converge(
      renderClusterBaseline(input),
      addonsFor(ctx),
      ctx,
    ));
    // The Kyverno chart installs the namespaced Policy CRD beside
    // ClusterPolicy; the add-on catalogue (platform/addons.ts) lists only
    // ClusterPolicy, so the simulation installs it here.
    await applyObjects(double, [
      crdFor({
        group: 'kyverno.io',
        version: 'v1',
        kind: 'Policy',
        plural: 'policies',
        namespaced: true,
      }),
      // kube-prometheus-stack installs it beside PodMonitor; the add-on
      // catalogue lists only the kinds the baseline itself writes.
      crdFor({
        group: 'monitoring.coreos.com',
        version: 'v1alpha1',
        kind: 'AlertmanagerConfig',
        plural: 'alertmanagerconfigs',
        namespaced: true,
      }),
      ...(tierTenancyFiles(TIER).flatMap(f => f.objects ?? []) as any),
    ]);
  });

  afterAll(async () => {
    await double?.close();
  });

  it.each([
    ['acme', acme],
    ['globex', globex],
  ])("admits every object of %s's onboarding", async (_name, t) => {
    const objects = renderTenant(t).flatMap(f => f.objects ?? []);
    expect(objects.some(o => o.kind === 'Policy')).toBe(true);
    // acme asks for every part of observability, globex for none.
    expect(
      ['AlertmanagerConfig', 'PrometheusRule', 'ConfigMap'].every(kind =>
        objects.some(o => o.kind === kind),
      ),
    ).toBe(t === acme);
    await expect(applyObjects(double, objects as any)).resolves.toBeDefined();
    // Applying again (a re-run of the template) is admitted as well.
    await expect(applyObjects(double, objects as any)).resolves.toBeDefined();
  });

  const configMap = (name: string, namespace: string, tenant: string) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels: labels(tenant) },
    data: { a: 'b' },
  });

  it.each([
    [
      "a RoleBinding to the other tenant's service account",
      '/apis/rbac.authorization.k8s.io/v1/namespaces/acme-dev/rolebindings',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name: 'acme-peek',
          namespace: 'acme-dev',
          labels: labels('acme'),
        },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'tenant-developer',
        },
        subjects: [
          { kind: 'ServiceAccount', name: 'default', namespace: 'globex-dev' },
        ],
      },
      /no-cross-namespace-rolebinding-subjects/,
    ],
    [
      "an HTTPRoute to the other tenant's Service",
      '/apis/gateway.networking.k8s.io/v1/namespaces/acme-dev/httproutes',
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: {
          name: 'acme-web',
          namespace: 'acme-dev',
          labels: labels('acme'),
        },
        spec: {
          rules: [
            {
              backendRefs: [{ name: 'web', namespace: 'globex-dev', port: 80 }],
            },
          ],
        },
      },
      /no-cross-namespace-route-backends/,
    ],
    [
      "an ExternalName alias of the other tenant's Service",
      '/api/v1/namespaces/acme-dev/services',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'acme-alias',
          namespace: 'acme-dev',
          labels: labels('acme'),
        },
        spec: {
          type: 'ExternalName',
          externalName: 'web.globex-dev.svc.cluster.local',
        },
      },
      /no-external-name-services/,
    ],
    [
      "an object labelled as the other tenant's",
      '/api/v1/namespaces/acme-dev/configmaps',
      configMap('acme-settings', 'acme-dev', 'globex'),
      /require-tenant-label/,
    ],
  ])('refuses %s', async (_what, path, body, rule) => {
    const res = await call(double, 'POST', path, body);
    expect(res.status).toBe(400);
    expect(messageOf(res)).toMatch(/admission webhook .*denied the request/);
    expect(messageOf(res)).toMatch(rule);
  });

  it("keeps acme's observability objects where they were applied, labelled as acme's", async () => {
    for (const [path, name] of [
      [
        '/apis/monitoring.coreos.com/v1alpha1/namespaces/acme-dev/alertmanagerconfigs',
        'acme-alerts',
      ],
      [
        '/apis/monitoring.coreos.com/v1/namespaces/acme-prod/prometheusrules',
        'acme-defaults',
      ],
      ['/api/v1/namespaces/monitoring/configmaps', 'acme-dashboards'],
      ['/api/v1/namespaces/monitoring/configmaps', 'acme-loki-datasource'],
    ]) {
      const res = await call(double, 'GET', `${path}/${name}`);
      expect(res.status).toBe(200);
      expect(res.body.metadata.labels['paved.dev/tenant']).toBe('acme');
    }
    // The receiver's Secret is the tenant's to create; nothing wrote one.
    const secret = await call(
      double,
      'GET',
      '/api/v1/namespaces/acme-dev/secrets/acme-alerting',
    );
    expect(secret.status).toBe(404);
  });

  it("gives acme's people no way to route alerts beside the onboarding's (RBAC)", async () => {
    const res = await call(
      double,
      'POST',
      '/apis/monitoring.coreos.com/v1alpha1/namespaces/acme-dev/alertmanagerconfigs',
      {
        apiVersion: 'monitoring.coreos.com/v1alpha1',
        kind: 'AlertmanagerConfig',
        metadata: {
          name: 'acme-more-alerts',
          namespace: 'acme-dev',
          labels: labels('acme'),
        },
        spec: { route: { receiver: 'x' }, receivers: [{ name: 'x' }] },
      },
      acmeAdmin,
    );
    expect(res.status).toBe(403);
  });

  it("admits the tenant's own references and labels", async () => {
    const res = await call(
      double,
      'POST',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/acme-dev/rolebindings',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name: 'acme-ci',
          namespace: 'acme-dev',
          labels: labels('acme'),
        },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'tenant-developer',
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: 'acme-workload',
            namespace: 'acme-prod',
          },
        ],
      },
    );
    expect(messageOf(res)).toMatch(/^201/);
  });

  it("holds acme's people to the name prefix and off the platform's objects", async () => {
    const create = (name: string) =>
      call(
        double,
        'POST',
        '/api/v1/namespaces/acme-dev/configmaps',
        configMap(name, 'acme-dev', 'acme'),
        acmeAdmin,
      );
    const unprefixed = await create('settings');
    expect(messageOf(unprefixed)).toMatch(/require-name-prefix/);
    expect(messageOf(await create('acme-settings'))).toMatch(/^201/);

    // Widening the baseline's own policy by hand (the double admits no
    // DELETE, where the same rule applies on a cluster).
    const widen = await call(
      double,
      'PATCH',
      '/apis/networking.k8s.io/v1/namespaces/acme-dev/networkpolicies/allow-same-tenant',
      { spec: { ingress: [{}] } },
      acmeAdmin,
    );
    expect(messageOf(widen)).toMatch(/protect-platform-objects/);
    // In globex's namespaces acme's admins have no rights at all.
    const cross = await call(
      double,
      'POST',
      '/api/v1/namespaces/globex-dev/configmaps',
      configMap('acme-x', 'globex-dev', 'acme'),
      acmeAdmin,
    );
    expect(cross.status).toBe(403);
  });

  it("runs acme's Pods only in gVisor, and globex's as they are", async () => {
    const deployment = (
      name: string,
      namespace: string,
      tenant: string,
      runtimeClassName?: string,
    ) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels: labels(tenant) },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name, ...labels(tenant) } },
          spec: {
            ...(runtimeClassName ? { runtimeClassName } : {}),
            securityContext: {
              runAsNonRoot: true,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [
              {
                name: 'app',
                image: 'ghcr.io/example/app:1.0.0',
                resources: {
                  requests: { cpu: '100m', memory: '64Mi' },
                  limits: { cpu: '200m', memory: '128Mi' },
                },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
              },
            ],
          },
        },
      },
    });
    await applyObjects(double, [
      deployment('acme-web', 'acme-dev', 'acme', 'gvisor'),
      deployment('globex-web', 'globex-dev', 'globex'),
    ] as any);
    const started = await runWorkloads(double);
    expect(started).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^acme-dev\/acme-web-/),
        expect.stringMatching(/^globex-dev\/globex-web-/),
      ]),
    );
    await applyObjects(double, [
      deployment('acme-plain', 'acme-dev', 'acme'),
    ] as any);
    await expect(runWorkloads(double)).rejects.toThrow(
      /acme-dev\/acme-plain.*require-gvisor/s,
    );
  });
});
