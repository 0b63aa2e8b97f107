/*
 * A Tenant claim on a converged tier 5 cluster, delivered the way
 * Crossplane would: the baseline installs provider-kubernetes with a
 * DeploymentRuntimeConfig naming its service account, a ClusterRole for
 * what the Tenant Composition composes and a ProviderConfig that uses the
 * provider's own identity. Here the package manager's part (the service
 * account the runtime config names) and the provider's part (each composed
 * Object's manifest, server-side applied as that service account) are
 * simulated; RBAC, RBAC's escalation checks and the baseline's Kyverno
 * policies in the double judge every write.
 */
import { tierChoiceDefaults } from '../render/choices';
import { addonContext, renderClusterBaseline } from '../render/cluster';
import {
  PROVIDER_KUBERNETES,
  PROVIDER_KUBERNETES_USER,
} from '../render/cluster/providerKubernetes';
import { addonsFor } from '../render/platform/addons';
import { TenantInput } from '../render/tenant';
import {
  KUBERNETES_PROVIDER_CONFIG,
  TENANT_XRD_NAME,
} from '../render/tenant/claim';
import { claimSpecOf, renderTenantClaim } from '../render/tenant/claimDelivery';
import { tierTenancyFiles } from '../render/tenant/tierTenancyBaseline';
import { KubeObject } from '../render/types';
import { clusterInput } from '../__testUtils__/clusterInputs';
import { composeObjects } from '../__testUtils__/goTemplate';
import { converge } from './__testUtils__/converge';
import {
  api,
  applyObjects,
  crdFor,
  Double,
  messageOf,
} from './__testUtils__/simulateCluster';

jest.setTimeout(240_000);

const TIER = 5;

const acme: TenantInput = {
  name: 'acme',
  team: 'acme-team',
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
  groups: { admin: 'acme-admins', developer: 'acme-developers' },
  gitops: 'none',
  priorityClass: 'paved-tenant-standard',
  delivery: 'claim',
} as TenantInput;

/** A request to the double as the provider's service account. */
async function asProvider(
  double: Double,
  serviceAccount: string,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: any }> {
  const headers = new Headers({
    Authorization: 'Bearer paved-local-admin-token',
    Accept: 'application/json',
    'Impersonate-User': serviceAccount,
  });
  for (const g of [
    'system:serviceaccounts',
    `system:serviceaccounts:${PROVIDER_KUBERNETES.namespace}`,
  ])
    headers.append('Impersonate-Group', g);
  if (body !== undefined) headers.set('Content-Type', contentType);
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

/** The object's API path, from the double's own discovery. */
function pathOf(double: Double, o: KubeObject, named = true): string {
  const [group, version] = o.apiVersion.includes('/')
    ? o.apiVersion.split('/')
    : ['', o.apiVersion];
  const rt = double.registry.findByKind(o.apiVersion, o.kind);
  if (!rt) throw new Error(`${o.apiVersion} ${o.kind} is not served`);
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const ns = o.metadata.namespace
    ? `/namespaces/${o.metadata.namespace}`
    : '';
  return `${base}${ns}/${rt.plural}${named ? `/${o.metadata.name}` : ''}`;
}

describe('a Tenant claim on a converged tier 5 cluster', () => {
  let double: Double;
  let serviceAccount: string;
  let composed: KubeObject[];

  beforeAll(async () => {
    const input = clusterInput(TIER, tierChoiceDefaults(TIER));
    const ctx = addonContext(input);
    ({ double } = await converge(
      renderClusterBaseline(input),
      addonsFor(ctx),
      ctx,
    ));
    // Installed by the Kyverno chart beside ClusterPolicy (see tenants.convergence.test.ts).
    await applyObjects(double, [
      crdFor({
        group: 'kyverno.io',
        version: 'v1',
        kind: 'Policy',
        plural: 'policies',
        namespaced: true,
      }),
      ...(tierTenancyFiles(TIER).flatMap(f => f.objects ?? []) as any),
    ]);

    // Crossplane's package manager: the provider runs as the service
    // account its runtime config names, in Crossplane's namespace.
    const provider = await api(
      double,
      'GET',
      `/apis/pkg.crossplane.io/v1/providers/${PROVIDER_KUBERNETES.name}`,
    );
    if (provider.status !== 200) throw new Error(messageOf(provider));
    const ref = provider.body.spec.runtimeConfigRef;
    if (ref?.kind !== 'DeploymentRuntimeConfig')
      throw new Error(`provider-kubernetes has no runtime config: ${ref}`);
    const runtime = await api(
      double,
      'GET',
      `/apis/pkg.crossplane.io/v1beta1/deploymentruntimeconfigs/${ref.name}`,
    );
    if (runtime.status !== 200) throw new Error(messageOf(runtime));
    const saName = runtime.body.spec.serviceAccountTemplate.metadata.name;
    await applyObjects(double, [
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: saName, namespace: PROVIDER_KUBERNETES.namespace },
      } as any,
    ]);
    serviceAccount = `system:serviceaccount:${PROVIDER_KUBERNETES.namespace}:${saName}`;

    // The claim, applied as a GitOps sync or the tenant action would.
    const [claimFile] = renderTenantClaim(acme);
    await applyObjects(double, claimFile.objects as any);

    // function-go-templating: the Composition as stored in the cluster.
    const composition = await api(
      double,
      'GET',
      `/apis/apiextensions.crossplane.io/v1/compositions/${TENANT_XRD_NAME}`,
    );
    if (composition.status !== 200) throw new Error(messageOf(composition));
    const template = composition.body.spec.pipeline[0].input.inline.template;
    composed = composeObjects(template, claimSpecOf(acme));
  });

  afterAll(async () => {
    await double?.close();
  });

  it('runs provider-kubernetes as the service account its RBAC names', () => {
    expect(serviceAccount).toBe(PROVIDER_KUBERNETES_USER);
  });

  it('has the ProviderConfig every composed Object names, using the provider identity', async () => {
    const names = new Set(
      composed.map(o => (o as any).spec.providerConfigRef.name),
    );
    expect([...names]).toEqual([KUBERNETES_PROVIDER_CONFIG]);
    const pc = await api(
      double,
      'GET',
      `/apis/kubernetes.crossplane.io/v1alpha1/providerconfigs/${KUBERNETES_PROVIDER_CONFIG}`,
    );
    expect(pc.status).toBe(200);
    expect(pc.body.spec.credentials.source).toBe('InjectedIdentity');
  });

  it("writes every composed object as the provider, admitted by the baseline's RBAC and policies", async () => {
    // The provider reconciles each Object until it succeeds: a namespace
    // written in one pass lets the next pass write what lives in it.
    const manifests = composed.map(o => (o as any).spec.forProvider.manifest);
    let pending = manifests.map((m, i) => ({ m, i }));
    let refused: string[] = [];
    for (let pass = 0; pass < 4 && pending.length; pass++) {
      const next: typeof pending = [];
      refused = [];
      for (const p of pending) {
        const res = await asProvider(
          double,
          serviceAccount,
          'PATCH',
          `${pathOf(double, p.m)}?fieldManager=provider-kubernetes/acme-${
            p.i
          }&force=true`,
          p.m,
          'application/apply-patch+yaml',
        );
        if (res.status !== 200 && res.status !== 201) {
          next.push(p);
          refused.push(
            `${p.m.kind} ${p.m.metadata.namespace ?? ''}/${
              p.m.metadata.name
            }: ${messageOf(res)}`,
          );
        }
      }
      pending = next;
    }
    expect(refused).toEqual([]);
    // Each object is there, as the provider wrote it.
    for (const m of manifests) {
      const live = await api(double, 'GET', pathOf(double, m));
      expect(live.status).toBe(200);
      expect(live.body.metadata.labels).toMatchObject(m.metadata.labels ?? {});
    }
    const roles = manifests.filter(m => m.kind === 'Role').length;
    expect(roles).toBe(2 * acme.environments.length);
  });

  it('gives the provider no Secrets, no cluster-wide RBAC and no roles beyond the tenant roles', async () => {
    const secrets = await asProvider(
      double,
      serviceAccount,
      'GET',
      '/api/v1/namespaces/acme-dev/secrets',
    );
    expect(secrets.status).toBe(403);
    const crb = await asProvider(
      double,
      serviceAccount,
      'POST',
      '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'mine' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'cluster-admin',
        },
        subjects: [{ kind: 'User', name: serviceAccount }],
      },
    );
    expect(crb.status).toBe(403);
    const other = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'secret-reader', namespace: 'kube-system' },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
    };
    const role = await asProvider(
      double,
      serviceAccount,
      'PATCH',
      `/apis/rbac.authorization.k8s.io/v1/namespaces/kube-system/roles/secret-reader?fieldManager=x&force=true`,
      other,
      'application/apply-patch+yaml',
    );
    expect(role.status).toBe(403);
    expect(messageOf(role)).toContain('not currently held');
  });
});
