/*
 * A tenant-wide quota on a converged tier 4 cluster: the baseline installs
 * HNC (its add-on serves HierarchyConfiguration and HierarchicalResourceQuota),
 * so a tenant with an aggregate quota applies through Paved's apply path,
 * the parent namespace and the HRQ included, and a re-run is admitted too.
 * The tier 3 tenants' own convergence is in tenants.convergence.test.ts.
 */
import { tierChoiceDefaults } from '../render/choices';
import { addonContext, renderClusterBaseline } from '../render/cluster';
import { addonsFor } from '../render/platform/addons';
import { renderTenant, TenantInput } from '../render/tenant';
import { tierTenancyFiles } from '../render/tenant/tierTenancyBaseline';
import { clusterInput } from '../__testUtils__/clusterInputs';
import { acmeTenant } from '../__testUtils__/tenantInputs';
import { converge } from './__testUtils__/converge';
import { applyObjects, crdFor, Double } from './__testUtils__/simulateCluster';

jest.setTimeout(180_000);

const TIER = 4;

const acme: TenantInput = {
  ...acmeTenant,
  tier: TIER,
  gitops: 'argocd',
  gitopsRepoUrl: undefined,
  aggregateQuota: { cpu: '6', memory: '12Gi', pods: 30 },
};

describe('a tenant-wide quota on a converged tier 4 cluster', () => {
  let double: Double;

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
  });

  afterAll(async () => {
    await double?.close();
  });

  it('admits every object of the onboarding, HNC objects included, twice', async () => {
    const objects = renderTenant(acme).flatMap(f => f.objects ?? []);
    expect(objects.map(o => o.kind)).toEqual(
      expect.arrayContaining([
        'HierarchyConfiguration',
        'HierarchicalResourceQuota',
      ]),
    );
    await expect(applyObjects(double, objects as any)).resolves.toBeDefined();
    await expect(applyObjects(double, objects as any)).resolves.toBeDefined();
    const res = await fetch(
      `${double.url}/apis/hnc.x-k8s.io/v1alpha2/namespaces/acme/hierarchicalresourcequotas/tenant-aggregate-quota`,
      { headers: { Authorization: 'Bearer paved-local-admin-token' } },
    );
    expect(res.status).toBe(200);
    expect((await res.json()).spec.hard).toEqual({
      'requests.cpu': '6',
      'requests.memory': '12Gi',
      pods: '30',
    });
  });
});
