import { tierChoiceDefaults } from './choices';
import {
  outputSpecForTier,
  TIER_NUMBERS,
  TierNumber,
} from '@paved/plugin-paved-common';
import { missingItems } from '../__testUtils__/outputSpec';
import { renderClusterBaseline, ClusterInput } from './cluster';
import { renderTenant, TenantInput } from './tenant';
import { validateFiles, validateObject } from '../validate/models';

const clusterInput = (tier: TierNumber): ClusterInput => ({
  name: 'prod-eu-1',
  tier,
  team: 'platform',
  project: 'paved',
  costCenter: 'cc-1234',
  teams: ['payments', 'search'],
  environments: ['dev', 'staging', 'prod'],
  domain: 'example.com',
  region: 'eu-west-1',
  gitopsRepoUrl: 'https://github.com/example/gitops.git',
  image: `ghcr.io/example/sample-app@sha256:${'a'.repeat(64)}`,
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '512Mi',
  },
  adminGroup: 'platform-admins',
  choices: tierChoiceDefaults(tier),
});

const tenantInput: TenantInput = {
  name: 'payments',
  team: 'payments-team',
  project: 'checkout',
  costCenter: 'cc-42',
  tier: 3,
  environments: ['dev', 'prod'],
  quota: { cpu: '4', memory: '8Gi', pods: 20 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '256Mi',
  },
  groups: { admin: 'payments-admins', developer: 'payments-developers' },
  gitops: 'argocd',
};

describe('cluster baseline', () => {
  it.each(TIER_NUMBERS)(
    'tier %i: every generated object validates',
    async tier => {
      const files = renderClusterBaseline(clusterInput(tier));
      expect(await validateFiles(files)).toEqual([]);
    },
  );

  it.each(TIER_NUMBERS)('tier %i: every output-spec item is present', tier => {
    expect(
      missingItems(renderClusterBaseline(clusterInput(tier)), tier),
    ).toEqual([]);
  });

  it('fails the spec check when an item is missing', () => {
    const files = renderClusterBaseline(clusterInput(3)).filter(
      f => f.path !== 'manifests/sample-app/pdb.yaml',
    );
    expect(missingItems(files, 3)).toEqual([
      'pdb: no manifests/sample-app/pdb.yaml',
    ]);
    const noTls = renderClusterBaseline(clusterInput(2)).map(f =>
      f.path.endsWith('ingress.yaml')
        ? {
            ...f,
            content: f.content.replace(/ {2}tls:[\s\S]*?(?= {2}rules:)/, ''),
          }
        : f,
    );
    expect(missingItems(noTls, 2)).toEqual([
      'ingress-tls: no spec.tls on Ingress in manifests/sample-app/ingress.yaml',
    ]);
  });

  it('does not carry higher-tier items into lower tiers', () => {
    const paths = renderClusterBaseline(clusterInput(1)).map(f => f.path);
    expect(paths).not.toContain('manifests/resource-limits.yaml');
    expect(paths).not.toContain('manifests/network-policies.yaml');
    expect(paths.some(p => p.startsWith('manifests/platform/'))).toBe(false);
  });

  it('meets the workload standards', () => {
    const files = renderClusterBaseline(clusterInput(2));
    const dep = files.find(f => f.path.endsWith('deployment.yaml'))!
      .objects![0] as any;
    const pod = dep.spec.template.spec;
    const c = pod.containers[0];
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(c.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.resources.requests).toBeDefined();
    expect(c.resources.limits).toBeDefined();
    expect(c.livenessProbe && c.readinessProbe && c.startupProbe).toBeTruthy();
    expect(dep.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'sample-app',
      'app.kubernetes.io/version': '1.0.0',
      'app.kubernetes.io/component': 'web',
      team: 'platform',
      project: 'paved',
      environment: 'prod',
      'cost-center': 'cc-1234',
    });
  });

  it('lists every file in the README with the rule it satisfies', () => {
    const files = renderClusterBaseline(clusterInput(4));
    const readme = files.find(f => f.path === 'README.md')!.content;
    for (const f of files) expect(readme).toContain(`\`${f.path}\``);
    for (const item of outputSpecForTier(4))
      expect(readme).toContain(`| ${item.id}: `);
  });
});

describe('tenant', () => {
  it('validates every object', async () => {
    expect(await validateFiles(renderTenant(tenantInput))).toEqual([]);
  });

  it('gives each environment a namespace with quota, limits, policies and roles', () => {
    const files = renderTenant(tenantInput);
    const all = files.flatMap(f => f.objects ?? []);
    for (const ns of ['payments-dev', 'payments-prod']) {
      const inNs = all.filter(o => o.metadata.namespace === ns);
      expect(inNs.map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
        'LimitRange/container-defaults',
        'NetworkPolicy/allow-dns',
        'NetworkPolicy/allow-same-tenant',
        'NetworkPolicy/default-deny-all',
        'PodMonitor/payments-pods',
        'Policy/tenant-guardrails',
        'ResourceQuota/other-priority-classes',
        'ResourceQuota/tenant-quota',
        'Role/tenant-admin',
        'Role/tenant-developer',
        'RoleBinding/tenant-admin',
        'RoleBinding/tenant-developer',
      ]);
      const nsObj = all.find(
        o => o.kind === 'Namespace' && o.metadata.name === ns,
      )!;
      expect(nsObj.metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
        'paved.dev/tenant': 'payments',
        'cost-center': 'cc-42',
      });
    }
    expect(all.filter(o => o.kind === 'AppProject')).toHaveLength(1);
  });

  it('refuses an object whose kind has no schema', async () => {
    expect(
      await validateObject({
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumClusterwideNetworkPolicy',
        metadata: { name: 'x' },
      }),
    ).toMatch(/no schema is known/);
    expect(
      await validateObject({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'x' },
        spec: { hard: 5 },
      } as any),
    ).toMatch(/hard/);
  });
});
