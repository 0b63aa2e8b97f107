/*
 * Drift check of a tier-3 cluster baseline (about 100 objects) against the
 * Kubernetes API test double, through the real route: Paved's backend,
 * the Kubernetes backend's proxy and the double.
 *
 *   yarn workspace @paved/plugin-paved-backend bench:drift
 *
 * The double holds the baseline as the scaffolder renders it, with hand
 * changes: the ClusterPolicies set to Audit (drift) and the autoscaled
 * Deployment's replicas (the HPA's, so not drift). Each run asks
 * `GET /api/paved/drift/entity/default/resource/<cluster>` afresh (no
 * cache) and prints its time and the requests that reached the cluster;
 * then the pure part alone (render and compare, objects already in memory).
 *
 * Environment (optional): BENCH_RUNS=10, BENCH_TIER=3, BENCH_LATENCY_MS=0
 * (per request at the double, to see what a remote cluster costs).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { driftSummary, objectDrift } from '@paved/plugin-paved-common';
import { loadavg } from 'node:os';
import request from 'supertest';
import { startPavedTestBackend } from '../src/__testUtils__/testBackend';
import {
  BASELINE_INPUTS,
  renderBaseline,
  startBaselineDouble,
} from '../src/service/drift/__testUtils__/baselineDouble';

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 && process.env[name] ? v : fallback;
};
const RUNS = envInt('BENCH_RUNS', 10);
const TIER = envInt('BENCH_TIER', 3);
const LATENCY_MS = envInt('BENCH_LATENCY_MS', 0);
const CLUSTER = 'paved-local';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const objects = renderBaseline(CLUSTER, TIER);
  const double = await startBaselineDouble(
    objects,
    o => {
      const any = o as any;
      if (o.kind === 'ClusterPolicy' && any.spec?.validationFailureAction)
        any.spec.validationFailureAction = 'Audit';
      if (o.kind === 'Deployment') any.spec = { ...any.spec, replicas: 7 };
      return o;
    },
    { latencyMs: LATENCY_MS },
  );
  try {
    const { server } = await startPavedTestBackend(
      [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: CLUSTER,
            namespace: 'default',
            annotations: {
              'paved.dev/tier': String(TIER),
              'paved.dev/baseline-inputs': JSON.stringify(BASELINE_INPUTS),
            },
          },
          spec: {
            type: 'kubernetes-cluster',
            owner: 'group:default/platform-team',
          },
        },
      ],
      [{ name: CLUSTER, url: double.url }],
      { health: { cacheTtl: 0 } },
    );
    const route = `/api/paved/drift/entity/default/resource/${CLUSTER}`;
    const auth = { Authorization: mockCredentials.user.header() };
    // The first call loads @kubernetes/client-node in the Kubernetes backend.
    await request(server).get(route).set(auth);

    const times: number[] = [];
    const requests: number[] = [];
    let last: any;
    for (let i = 0; i < RUNS; i++) {
      double.clearRequests();
      const started = performance.now();
      const res = await request(server).get(route).set(auth);
      times.push(performance.now() - started);
      if (res.status !== 200)
        throw new Error(`drift route answered ${res.status}: ${res.text}`);
      requests.push(double.requests.length);
      if (double.requests.some(r => r.method !== 'GET'))
        throw new Error('the drift check sent something other than GET');
      last = res.body.clusters[0];
    }
    if (!last?.ok) throw new Error(`cluster failed: ${JSON.stringify(last)}`);
    const counts = last.drift.counts;

    // The pure part: the same render compared with objects in memory.
    const live = new Map(
      objects.map(o => [
        `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${
          o.metadata.name
        }`,
        o,
      ]),
    );
    const pure: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const desired = renderBaseline(CLUSTER, TIER);
      driftSummary(
        'cluster-baseline',
        desired.map(o =>
          objectDrift(
            o,
            live.get(
              `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${
                o.metadata.name
              }`,
            ),
          ),
        ),
      );
      pure.push(performance.now() - started);
    }

    console.log(
      `Drift check of a tier-${TIER} baseline: ${objects.length} objects rendered; ` +
        `${counts.compared} compared (${counts.inSync} in sync, ${counts.drifted} drifted, ${counts.missing} missing), ` +
        `${counts.notCompared} not compared (outside Paved's read allow-lists)`,
    );
    console.log(
      `End to end (route → Kubernetes backend → double${
        LATENCY_MS ? `, +${LATENCY_MS} ms per request` : ''
      }), ${RUNS} runs: median ${ms(quantile(times, 0.5))}, p90 ${ms(
        quantile(times, 0.9),
      )}, max ${ms(Math.max(...times))}`,
    );
    console.log(
      `Requests to the cluster per check: ${Math.min(...requests)}–${Math.max(
        ...requests,
      )} (all GET; discovery once per group version, then one GET per object)`,
    );
    console.log(
      `Pure render + compare, ${RUNS} runs: median ${ms(
        quantile(pure, 0.5),
      )}, max ${ms(Math.max(...pure))}`,
    );
    console.log(
      `Load average: ${loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await double.close();
  }
}

main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
