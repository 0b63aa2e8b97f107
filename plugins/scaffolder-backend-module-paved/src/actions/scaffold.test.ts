import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createClusterScaffoldAction } from './clusterScaffold';
import { createTenantScaffoldAction } from './tenantScaffold';
import { listFiles, makeContext } from '../__testUtils__/actionContext';

// Rendering and the first schema load take seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

const config = mockServices.rootConfig({
  data: {
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'paved-local',
              url: 'http://127.0.0.1:1',
              authProvider: 'serviceAccount',
              serviceAccountToken: 't',
            },
          ],
        },
      ],
    },
  },
});

const tenant = {
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
  cluster: 'paved-local',
  outputPath: 'tenants/payments',
};

const cluster = {
  name: 'prod-eu-1',
  tier: 3,
  team: 'platform',
  project: 'paved',
  costCenter: 'cc-1234',
  teams: ['payments'],
  environments: ['dev', 'prod'],
  domain: 'example.com',
  region: 'eu-west-1',
  gitopsRepoUrl: 'https://github.com/example/gitops.git',
  image: `ghcr.io/example/app:1.0.0@sha256:${'b'.repeat(64)}`,
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '512Mi',
  },
  adminGroup: 'platform-admins',
  outputPath: 'cluster',
};

type Case = [string, Record<string, unknown>, RegExp];
const set = (base: any, patch: Record<string, unknown>) => {
  const out = structuredClone(base);
  for (const [k, v] of Object.entries(patch)) {
    const keys = k.split('.');
    let cur = out;
    for (const key of keys.slice(0, -1)) cur = cur[key];
    cur[keys[keys.length - 1]] = v;
  }
  return out;
};

const tenantCases: Case[] = [
  ['upper-case name', { name: 'Payments' }, /name: .*DNS-1123/],
  ['name with underscore', { name: 'pay_ments' }, /name: .*DNS-1123/],
  ['name starting with dash', { name: '-pay' }, /name: .*DNS-1123/],
  ['name too long', { name: 'a'.repeat(64) }, /name: .*DNS-1123/],
  ['empty name', { name: '' }, /name: .*DNS-1123/],
  ['name with dot', { name: 'pay.ments' }, /name: .*DNS-1123/],
  ['team not a label', { team: 'Team A' }, /team: .*DNS-1123/],
  [
    'cost centre with space',
    { costCenter: 'cc 42' },
    /costCenter: .*label value/,
  ],
  ['empty project', { project: '' }, /project: .*label value/],
  ['tier 0', { tier: 0 }, /tier: .*tiers are 1, 2, 3, 4, 5/],
  ['tier 6', { tier: 6 }, /tier: .*tiers are 1, 2, 3, 4, 5/],
  ['tier 2.5', { tier: 2.5 }, /tier: .*tiers are/],
  ['no environments', { environments: [] }, /environments: at least one/],
  [
    'duplicate environments',
    { environments: ['dev', 'dev'] },
    /environments: .*distinct/,
  ],
  [
    'environment not a label',
    { environments: ['Dev'] },
    /environments\[0\]: .*DNS-1123/,
  ],
  [
    'namespace name too long',
    { name: 'a'.repeat(60), environments: ['staging'] },
    /environments\[0\]: namespace name .* longer than 63/,
  ],
  [
    'quota cpu not a quantity',
    { 'quota.cpu': 'four' },
    /quota\.cpu: .*not a Kubernetes quantity/,
  ],
  [
    'quota memory with GB',
    { 'quota.memory': '8GB' },
    /quota\.memory: .*not a Kubernetes quantity/,
  ],
  [
    'quota memory with space',
    { 'quota.memory': '8 Gi' },
    /quota\.memory: .*not a Kubernetes quantity/,
  ],
  ['quota cpu zero', { 'quota.cpu': '0' }, /quota\.cpu: .*greater than zero/],
  ['quota pods zero', { 'quota.pods': 0 }, /quota\.pods: .*at least 1/],
  [
    'quota pods fractional',
    { 'quota.pods': 1.5 },
    /quota\.pods: .*whole number/,
  ],
  [
    'cpu request bad',
    { 'defaults.cpuRequest': '100 m' },
    /defaults\.cpuRequest: .*quantity/,
  ],
  [
    'cpu limit bad',
    { 'defaults.cpuLimit': 'lots' },
    /defaults\.cpuLimit: .*quantity/,
  ],
  [
    'memory request bad',
    { 'defaults.memoryRequest': '128mb' },
    /defaults\.memoryRequest: .*quantity/,
  ],
  [
    'memory limit bad',
    { 'defaults.memoryLimit': '-1Gi' },
    /defaults\.memoryLimit: .*greater than zero/,
  ],
  [
    'cpu limit below request',
    { 'defaults.cpuLimit': '50m' },
    /defaults\.cpuLimit: 50m is below defaults\.cpuRequest/,
  ],
  [
    'memory limit below request',
    { 'defaults.memoryLimit': '64Mi' },
    /defaults\.memoryLimit: 64Mi is below/,
  ],
  [
    'quota cpu below one pod',
    { 'quota.cpu': '250m' },
    /quota\.cpu: 250m cannot admit one pod/,
  ],
  [
    'quota memory below one pod',
    { 'quota.memory': '128Mi' },
    /quota\.memory: 128Mi cannot admit one pod/,
  ],
  [
    'admin group with space',
    { 'groups.admin': 'pay admins' },
    /groups\.admin: /,
  ],
  ['developer group empty', { 'groups.developer': '' }, /groups\.developer: /],
  ['unknown gitops', { gitops: 'jenkins' }, /gitops: .*argocd, flux or none/],
  [
    'unknown cluster',
    { cluster: 'prod-us-9' },
    /cluster: "prod-us-9" is not a cluster .*known: paved-local/,
  ],
  [
    'output path with ..',
    { outputPath: '../outside' },
    /outputPath: .*leaves the workspace/,
  ],
  [
    'output path deep ..',
    { outputPath: 'a/../../b' },
    /outputPath: .*leaves the workspace/,
  ],
  ['absolute output path', { outputPath: '/etc' }, /outputPath: .*absolute/],
];

const clusterCases: Case[] = [
  ['cluster name upper-case', { name: 'Prod' }, /name: .*DNS-1123/],
  ['cluster tier 9', { tier: 9 }, /tier: /],
  ['cluster tier as text', { tier: 'three' }, /tier: /],
  ['cluster team bad', { team: 'plat form' }, /team: .*DNS-1123/],
  ['cluster teams empty', { teams: [] }, /teams: at least one/],
  ['cluster team entry bad', { teams: ['A'] }, /teams\[0\]: .*DNS-1123/],
  ['cluster domain bad', { domain: 'not a domain' }, /domain: /],
  [
    'cluster repo not https',
    { gitopsRepoUrl: 'git@github.com:x/y.git' },
    /gitopsRepoUrl: .*https/,
  ],
  ['cluster image latest', { image: 'nginx:latest' }, /image: .*latest/],
  [
    'cluster quota below limit',
    { 'quota.memory': '256Mi' },
    /quota\.memory: .*cannot admit one pod/,
  ],
  [
    'cluster limit below request',
    { 'defaults.cpuLimit': '10m' },
    /defaults\.cpuLimit: .*below/,
  ],
  [
    'cluster output escapes',
    { outputPath: '../../x' },
    /outputPath: .*leaves the workspace/,
  ],
  [
    'unknown provider',
    { provider: 'digitalocean' },
    /provider: "digitalocean" must be default or one of aws-eks/,
  ],
  [
    'unknown packaging',
    { packaging: 'timoni' },
    /packaging: .*helm, kustomize, raw/,
  ],
  ['unknown mesh', { mesh: 'consul' }, /mesh: .*must be default or one of/],
  [
    'tier 3 without GitOps',
    { gitops: 'none' },
    /gitops: none is not allowed at tier 3: .*Argo CD/,
  ],
  [
    'tier 3 with Flux',
    { gitops: 'flux' },
    /gitops: flux is not allowed at tier 3/,
  ],
  [
    'tier 3 with NGINX ingress',
    { ingress: 'nginx-ingress' },
    /ingress: .*Gateway API/,
  ],
  [
    'tier 2 with plain secrets',
    { tier: 2, secrets: 'kubernetes-secrets' },
    /secrets: .*tier 2: .*safe to commit/,
  ],
  [
    'tier 3 with sealed secrets',
    { secrets: 'sealed-secrets' },
    /secrets: .*Vault/,
  ],
  [
    'tier 3 without a policy engine',
    { policyEngine: 'none' },
    /policyEngine: none is not allowed at tier 3/,
  ],
  [
    'tier 4 without Gatekeeper',
    { tier: 4, policyEngine: 'kyverno' },
    /policyEngine: kyverno is not allowed at tier 4/,
  ],
  [
    'tier 4 without a mesh',
    { tier: 4, mesh: 'none' },
    /mesh: none is not allowed at tier 4/,
  ],
  [
    'tier 4 with Cilium as the only mesh',
    { tier: 4, mesh: 'cilium' },
    /mesh: cilium is not allowed at tier 4: .*Istio or Linkerd/,
  ],
];

describe('paved:tenant:scaffold', () => {
  const action = createTenantScaffoldAction({ config });

  it('writes the tenant files into the output path', async () => {
    const { ctx, outputs, workspacePath } = await makeContext(tenant);
    await action.handler(ctx);
    expect(
      await listFiles(path.join(workspacePath, 'tenants/payments')),
    ).toEqual([
      'PLATFORM.md',
      'README.md',
      'catalog-info.yaml',
      'manifests/gitops/appproject.yaml',
      'manifests/guardrails.yaml',
      'manifests/monitoring.yaml',
      'manifests/namespaces.yaml',
      'manifests/network-policies.yaml',
      'manifests/rbac.yaml',
      'manifests/resource-limits.yaml',
    ]);
    expect(outputs.namespaces).toEqual(['payments-dev', 'payments-prod']);
  });

  it.each(tenantCases)(
    'refuses %s and writes nothing',
    async (_n, patch, message) => {
      const { ctx, workspacePath } = await makeContext(set(tenant, patch));
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(await fs.readdir(workspacePath)).toEqual([]);
    },
  );
});

describe('paved:cluster:scaffold', () => {
  const action = createClusterScaffoldAction();

  it.each([1, 2, 3, 4, 5])('writes a tier %i baseline', async tier => {
    const { ctx, outputs, workspacePath } = await makeContext({
      ...cluster,
      tier,
    });
    await action.handler(ctx);
    const files = await listFiles(path.join(workspacePath, 'cluster'));
    expect(files).toContain('README.md');
    expect(files).toEqual([...(outputs.files as string[])].sort());
  });

  it('fills choices left at default from the tier and reports them', async () => {
    const { ctx, outputs, workspacePath } = await makeContext({
      ...cluster,
      tier: 2,
      provider: 'gke',
      mesh: 'default',
    });
    await action.handler(ctx);
    expect(outputs.choices).toEqual({
      provider: 'gke',
      packaging: 'helm',
      gitops: 'none',
      mesh: 'none',
      secrets: 'sealed-secrets',
      ingress: 'nginx-ingress',
      policyEngine: 'kyverno',
    });
    const readme = await fs.readFile(
      path.join(workspacePath, 'cluster/README.md'),
      'utf8',
    );
    expect(readme).toMatch(
      /provider gke \(tier default aws-eks\), packaging helm,/,
    );
  });

  it('writes what the choices ask for: Flux, Kustomize folders, Gatekeeper, Gateway API, Linkerd', async () => {
    const { ctx, outputs, workspacePath } = await makeContext({
      ...cluster,
      tier: 2,
      gitops: 'flux',
      packaging: 'kustomize',
      policyEngine: 'gatekeeper',
      ingress: 'gateway-api',
      mesh: 'linkerd',
      secrets: 'external-secrets-vault',
    });
    await action.handler(ctx);
    const files = await listFiles(path.join(workspacePath, 'cluster'));
    expect(files).toEqual(
      expect.arrayContaining([
        'kustomization.yaml',
        'manifests/kustomization.yaml',
        'manifests/sample-app/kustomization.yaml',
        'manifests/gitops/flux.yaml',
        'manifests/policies/gatekeeper.yaml',
        'manifests/gateway/gateway.yaml',
        'manifests/mesh/linkerd-policy.yaml',
        'manifests/secrets/cluster-secret-store.yaml',
        'manifests/backup/velero.yaml',
      ]),
    );
    for (const absent of [
      'manifests/gitops/root-application.yaml',
      'manifests/policies/kyverno.yaml',
      'manifests/mesh/peer-authentication.yaml',
    ]) {
      expect(files).not.toContain(absent);
    }
    const ingress = await fs.readFile(
      path.join(workspacePath, 'cluster/manifests/sample-app/ingress.yaml'),
      'utf8',
    );
    expect(ingress).toMatch(/kind: HTTPRoute/);
    expect(outputs.choices).toMatchObject({
      gitops: 'flux',
      packaging: 'kustomize',
      mesh: 'linkerd',
    });
  });

  it.each(clusterCases)(
    'refuses %s and writes nothing',
    async (_n, patch, message) => {
      const { ctx, workspacePath } = await makeContext(set(cluster, patch));
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(await fs.readdir(workspacePath)).toEqual([]);
    },
  );

  it('names every bad field at once', async () => {
    const { ctx } = await makeContext(
      set(cluster, { name: 'X', tier: 7, 'quota.cpu': 'x' }),
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      /name: .*; tier: .*; quota\.cpu: /,
    );
  });
});
