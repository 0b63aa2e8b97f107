/* Render time per tier, per tenant count, and apply throughput against the test double. */
import { performance } from 'node:perf_hooks';
import {
  startKubernetesApiTestDouble,
  DEFAULT_ADMIN_TOKEN,
} from '@paved/kubernetes-api-test-double';
import { renderClusterBaseline } from '../src/render/cluster';
import { renderTenant } from '../src/render/tenant';
import { tierChoiceDefaults } from '../src/render/choices';
import { applyManifests, Manifest } from '../src/apply/applyManifests';

const base = {
  name: 'bench',
  team: 'platform',
  project: 'paved',
  costCenter: 'cc-1',
  teams: ['a', 'b'],
  environments: ['dev', 'staging', 'prod'],
  domain: 'example.com',
  region: 'eu-west-1',
  gitopsRepoUrl: 'https://github.com/example/gitops.git',
  image: 'ghcr.io/example/app:1.0.0',
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '512Mi',
  },
  adminGroup: 'admins',
};
const tenant = (i: number) => ({
  name: `t${i}`,
  team: 'team',
  project: 'p',
  costCenter: 'cc',
  tier: 2 as const,
  environments: ['dev', 'prod'],
  quota: base.quota,
  defaults: base.defaults,
  groups: { admin: 'a', developer: 'd' },
  gitops: 'none' as const,
  // The double serves no Kyverno CRDs, so the guardrail Policy is left out.
  guardrails: false,
});
const time = (fn: () => unknown, n = 20) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / n;
};

(async () => {
  for (const tier of [1, 2, 3, 4, 5] as const) {
    const input = { ...base, tier, choices: tierChoiceDefaults(tier) };
    const files = renderClusterBaseline(input);
    const ms = time(() => renderClusterBaseline(input));
    console.log(
      `render tier ${tier}: ${ms.toFixed(2)} ms, ${
        files.flatMap(f => f.objects ?? []).length
      } objects`,
    );
  }
  for (const n of [1, 10, 100]) {
    const ms = time(() => {
      for (let i = 0; i < n; i++) renderTenant(tenant(i));
    }, 5);
    console.log(`render ${n} tenant(s): ${ms.toFixed(2)} ms`);
  }
  const double = await startKubernetesApiTestDouble({ port: 0 });
  const cluster = {
    name: 'bench',
    url: double.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: DEFAULT_ADMIN_TOKEN,
    skipTLSVerify: false,
  };
  const objects = Array.from({ length: 10 }, (_, i) =>
    renderTenant(tenant(i)),
  ).flatMap(fs => fs.flatMap(f => (f.objects ?? []) as Manifest[]));
  for (const label of ['first apply', 'unchanged re-apply']) {
    const t0 = performance.now();
    await applyManifests(cluster, objects, { force: false, dryRun: false });
    const s = (performance.now() - t0) / 1000;
    console.log(
      `${label}: ${objects.length} objects in ${s.toFixed(2)} s = ${(
        objects.length / s
      ).toFixed(0)} objects/s`,
    );
  }
  await double.close();
})();
