/*
 * The converged cluster as Paved itself sees it (issue #12): each tier's
 * baseline brought up on a simulated empty cluster, then read through a real
 * Backstage backend (the Kubernetes backend with the cluster configured as
 * `prod-eu-1`, and Paved's backend plugin) as a signed-in user. Paved's
 * conformance route scores the cluster 100% for its tier, the health routes
 * report no problem the baseline caused, and the cost route answers with
 * OpenCost's data where the tier installs it (tier 3 up) and with the
 * per-cluster "no OpenCost" state where it does not.
 */
import { Entity } from '@backstage/catalog-model';
import { TierNumber } from '@paved/plugin-paved-common';
import { clusterInput } from '../__testUtils__/clusterInputs';
import { ClusterChoices, combinationProblems } from '../render/choices';
import { addonContext, renderClusterBaseline } from '../render/cluster';
import { addonsFor } from '../render/platform/addons';
import { converge } from './__testUtils__/converge';
import {
  PavedBackend,
  PavedBackendProcess,
  startPavedBackendProcess,
} from './__testUtils__/pavedBackend';
import { Double } from './__testUtils__/simulateCluster';

jest.setTimeout(60_000);

const CLUSTER = 'prod-eu-1';
/** OpenCost comes with the baseline from this tier (add-on `opencost`). */
const COST_TIER = 3;

type Case = {
  name: string;
  tier: TierNumber;
  choices: Partial<ClusterChoices>;
};

const CASES: Case[] = [
  ...([1, 2, 3, 4, 5] as TierNumber[]).map(tier => ({
    name: `tier ${tier}, default choices`,
    tier,
    choices: {},
  })),
  { name: 'tier 2, gitops argocd', tier: 2, choices: { gitops: 'argocd' } },
  { name: 'tier 3, mesh linkerd', tier: 3, choices: { mesh: 'linkerd' } },
];

const entities = (tier: TierNumber): Entity[] => [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: CLUSTER,
      namespace: 'default',
      annotations: { 'paved.dev/tier': String(tier) },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'sample-app',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=sample-app',
        'backstage.io/kubernetes-cluster': CLUSTER,
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      lifecycle: 'production',
    },
  },
];

const problemLines = (problems: any[] | undefined) =>
  (problems ?? []).map(
    p =>
      `${p.severity} ${p.signal} ${p.object?.kind} ${
        p.object?.namespace ? `${p.object.namespace}/` : ''
      }${p.object?.name}: ${p.reason}: ${p.message}`,
  );

/** The one cluster's result of a fan-out route, or what went wrong. */
const onlyCluster = (route: string, res: { status: number; body: any }) => {
  const clusters: any[] = res.body?.clusters ?? [];
  return {
    status: res.status,
    clusters: clusters.map(c => c.cluster),
    error:
      res.status === 200 ? undefined : `${route}: ${JSON.stringify(res.body)}`,
  };
};

describe("a converged baseline, read through Paved's routes", () => {
  let backends: PavedBackendProcess;
  beforeAll(async () => {
    backends = await startPavedBackendProcess();
  });
  afterAll(async () => {
    await backends?.close();
  });

  it.each(CASES.map(c => [c.name, c] as const))('%s', async (_name, c) => {
    const input = clusterInput(c.tier, c.choices);
    expect(combinationProblems(c.tier, input.choices)).toEqual([]);
    const ctx = addonContext(input);
    let double: Double | undefined;
    let backend: PavedBackend | undefined;
    try {
      ({ double } = await converge(
        renderClusterBaseline(input),
        addonsFor(ctx),
        ctx,
      ));
      backend = await backends.start(entities(c.tier), [
        { name: CLUSTER, url: double.url },
      ]);

      // 1. Conformance of the cluster entity: 100% for its tier.
      const conformance = await backend.get(
        `/api/paved/conformance/entity/default/resource/${CLUSTER}`,
      );
      expect(onlyCluster('conformance', conformance)).toEqual({
        status: 200,
        clusters: [CLUSTER],
        error: undefined,
      });
      const [conf] = conformance.body.clusters;
      const failing = conf.ok
        ? conf.data.rules
            .filter((r: any) => r.applies && r.failed > 0)
            .map(
              (r: any) =>
                `${r.id}: ${r.failures
                  .slice(0, 5)
                  .map(
                    (f: any) =>
                      `${f.object?.kind} ${f.object?.namespace ?? ''}/${
                        f.object?.name
                      }: ${f.message}`,
                  )
                  .join(' | ')}`,
            )
        : [`cluster error: ${JSON.stringify(conf.error)}`];
      expect({
        tier: conformance.body.tier,
        score: conf.data?.score,
        failing,
      }).toEqual({ tier: c.tier, score: 1, failing: [] });

      // 2. Health of the sample app and of the cluster: no problem.
      const app = await backend.get(
        '/api/paved/health/entity/default/component/sample-app',
      );
      expect(onlyCluster('component health', app)).toEqual({
        status: 200,
        clusters: [CLUSTER],
        error: undefined,
      });
      const [appHealth] = app.body.clusters;
      expect(appHealth.ok ? undefined : appHealth.error).toBeUndefined();
      expect(problemLines(appHealth.data.problems)).toEqual([]);
      // It did find the app: its Deployment, all of it available.
      expect(
        appHealth.data.workloads.map((w: any) => [w.kind, w.name]),
      ).toContainEqual(['Deployment', 'sample-app']);
      expect(appHealth.data.availability.meetsTarget).toBe(true);
      expect(appHealth.data.pods.total).toBeGreaterThan(0);

      const cluster = await backend.get(`/api/paved/health/cluster/${CLUSTER}`);
      expect(cluster.status).toBe(200);
      const clusterHealth = cluster.body.cluster;
      expect(
        clusterHealth.ok ? undefined : clusterHealth.error,
      ).toBeUndefined();
      expect(problemLines(clusterHealth.data.problems)).toEqual([]);

      // 3. Cost, of the sample app and of the whole cluster: OpenCost's
      // figures from tier 3, the per-cluster "no OpenCost" state below it.
      // (The double's OpenCost has data from the convergence on: seconds.)
      for (const route of [
        '/api/paved/cost/entity/default/component/sample-app',
        `/api/paved/cost/cluster/${CLUSTER}`,
      ]) {
        const cost = await backend.get(`${route}?window=last7d&tz=UTC`);
        expect(onlyCluster(route, cost)).toEqual({
          status: 200,
          clusters: [CLUSTER],
          error: undefined,
        });
        const [costOf] = cost.body.clusters;
        const total = cost.body.total;
        const observed = {
          route,
          ok: costOf.ok,
          error: costOf.error?.message,
          problem: costOf.error?.problem,
          source: costOf.source,
          sampleAppAllocated: (total?.workloads ?? []).some((w: any) =>
            /^[^/]+\/deployment:sample-app$/.test(w.key),
          ),
          totalCost: total === null ? null : total.costs.total > 0,
          cpuCost: total === null ? null : total.costs.cpu > 0,
        };
        const source = { via: 'service-proxy', endpoint: '/allocation' };
        const noOpenCost = expect.stringMatching(/OpenCost was not found/);
        expect(observed).toEqual(
          c.tier >= COST_TIER
            ? {
                route,
                ok: true,
                error: undefined,
                problem: undefined,
                source,
                sampleAppAllocated: true,
                totalCost: true,
                cpuCost: true,
              }
            : {
                route,
                ok: false,
                error: noOpenCost,
                problem: 'opencost-not-found',
                source,
                sampleAppAllocated: false,
                totalCost: null,
                cpuCost: null,
              },
        );
      }
    } finally {
      await backend?.stop();
      await double?.close();
    }
  });
});
