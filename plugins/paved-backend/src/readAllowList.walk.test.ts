/*
 * Every route, walked against the test double as a developer: each request
 * that reached the cluster is a GET inside the allow-list of the route's
 * feature (Secrets only as the Crossplane existence check's metadata).
 */
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startPavedTestBackend } from './__testUtils__/testBackend';
import { CROSSPLANE_ENTITIES } from './__testUtils__/crossplaneEntities';
import { isAllowedRead, PavedFeature } from './service/clusters/readAllowList';

jest.setTimeout(120_000);

const featureOf = (pattern: string): PavedFeature =>
  pattern.split('/')[1] as PavedFeature;

/** The fleet route reads through the health, conformance and cost services. */
const FLEET_FEATURES: PavedFeature[] = ['health', 'conformance', 'cost'];
const allowedFor = (pattern: string, path: string) =>
  featureOf(pattern) === ('fleet' as PavedFeature)
    ? FLEET_FEATURES.some(f => isAllowedRead(f, path))
    : isAllowedRead(featureOf(pattern), path);

function routePatterns(): string[] {
  const source = [
    readFileSync(join(__dirname, 'router.ts'), 'utf8'),
    readFileSync(join(__dirname, 'service/cost/costRoutes.ts'), 'utf8'),
  ].join('\n');
  return [...source.matchAll(/router\.get\(\s*'([^']+)'/g)].map(m => m[1]);
}

const fill = (pattern: string, name: string) =>
  pattern
    .replace(':namespace', 'default')
    .replace(':kind', 'component')
    .replace(':label', 'team')
    .replace(':value', 'team-payments')
    .replace(/:[a-zA-Z]+/g, name);

describe('what Paved asks of a cluster', () => {
  it('stays inside each feature allow-list on every route', async () => {
    const double = await startKubernetesApiTestDouble({ port: 0 });
    try {
      const { server } = await startPavedTestBackend(
        CROSSPLANE_ENTITIES,
        [{ name: 'paved-local', url: double.url }],
        { cost: { labels: ['team'] } },
      );
      const patterns = routePatterns();
      expect(patterns.length).toBeGreaterThanOrEqual(8);
      const outside: string[] = [];
      let reads = 0;
      for (const pattern of patterns) {
        const names = pattern.includes('/entity/')
          ? CROSSPLANE_ENTITIES.map(e => e.metadata.name)
          : ['paved-local'];
        for (const name of names) {
          double.clearRequests();
          const path = `/api/paved${fill(pattern, name)}`;
          const res = await request(server)
            .get(path)
            .set({ Authorization: mockCredentials.user.header() });
          expect([200, 400, 404]).toContain(res.status);
          for (const r of double.requests) {
            reads++;
            const secretCheck =
              featureOf(pattern) === 'crossplane' &&
              /\/secrets\/[^/]+$/.test(r.path) &&
              /as=PartialObjectMetadata/.test(r.accept ?? '');
            if (
              r.method !== 'GET' ||
              (!secretCheck && !allowedFor(pattern, r.path))
            ) {
              outside.push(`${path} -> ${r.method} ${r.path}`);
            }
          }
        }
      }
      expect(reads).toBeGreaterThan(20);
      expect(outside).toEqual([]);
    } finally {
      await double.close();
    }
  });

  it("the evidence route: health's reads plus one bounded previous-log read, never a Secret or a write", async () => {
    const double = await startKubernetesApiTestDouble({ port: 0 });
    try {
      const { server } = await startPavedTestBackend(CROSSPLANE_ENTITIES, [
        { name: 'paved-local', url: double.url },
      ]);
      const queries = [
        'pod=ledger-worker-1',
        'pod=ledger-worker-1&container=ledger-worker',
        'pod=ledger-worker-0',
        'workload=StatefulSet/ledger-worker',
      ];
      const reads: string[] = [];
      for (const q of queries) {
        const res = await request(server)
          .get(
            `/api/paved/evidence/entity/default/component/ledger-worker?cluster=paved-local&namespace=payments&${q}`,
          )
          .set({ Authorization: mockCredentials.user.header() });
        expect(res.status).toBe(200);
      }
      for (const r of double.requests) {
        reads.push(`${r.method} ${r.path}?${new URLSearchParams(r.query)}`);
      }
      const outside = double.requests.filter(r => {
        const full = `${r.path}?${new URLSearchParams(r.query)}`;
        return (
          r.method !== 'GET' ||
          /secrets/i.test(r.path) ||
          !isAllowedRead('evidence', full)
        );
      });
      expect(reads.filter(r => r.includes('/log?'))).toHaveLength(2);
      expect(outside).toEqual([]);
    } finally {
      await double.close();
    }
  });
});
