import { DEFAULT_ADMIN_TOKEN } from '../auth/tokens';
import { ResourceRegistry } from '../resources/registry';
import { startKubernetesApiTestDouble } from '../startServer';
import { ObjectStore } from '../store/objectStore';
import { summarizePod } from '../table/podStatus';
import { validateObject } from '../validation/validateObject';
import { seedSyntheticPods } from './syntheticPods';

const labels = { 'backstage.io/kubernetes-id': 'bench-app' };

describe('seedSyntheticPods', () => {
  it('makes a Deployment, its ReplicaSet and valid Pods, some crash-looping or pending', () => {
    const store = new ObjectStore(new ResourceRegistry());
    const result = seedSyntheticPods(store, {
      namespace: 'bench',
      labels,
      count: 250,
      name: 'bench-app',
    });
    expect(result).toEqual({ pods: 250, crashLooping: 5, pending: 3 });

    const pods = store.listObjects('v1', 'Pod', 'bench');
    expect(pods).toHaveLength(250);
    expect(new Set(pods.map(p => p.metadata.name)).size).toBe(250);
    const podType = store.resourceFor('v1', 'Pod');
    for (const pod of pods) {
      expect(validateObject(podType, pod)).toEqual([]);
      expect(pod.metadata.labels).toMatchObject(labels);
    }
    const statuses = pods.map(p => summarizePod(p, new Date()).status);
    expect(statuses.filter(s => s === 'CrashLoopBackOff')).toHaveLength(5);
    expect(statuses.filter(s => s === 'Pending')).toHaveLength(3);
    expect(statuses.filter(s => s === 'Running')).toHaveLength(242);

    const deployment = store.find(
      'apps/v1',
      'Deployment',
      'bench',
      'bench-app',
    );
    expect(deployment?.status).toMatchObject({
      replicas: 250,
      readyReplicas: 242,
    });
    // Owners resolve: Pod -> ReplicaSet -> Deployment.
    const rs = store.listObjects('apps/v1', 'ReplicaSet', 'bench')[0];
    expect(pods[0].metadata.ownerReferences?.[0].uid).toBe(rs.metadata.uid);
    expect(rs.metadata.ownerReferences?.[0].uid).toBe(deployment?.metadata.uid);
    expect(store.find('v1', 'Namespace', undefined, 'bench')).toBeDefined();
  });

  it('refuses a bad count, naming it', () => {
    const store = new ObjectStore(new ResourceRegistry());
    expect(() =>
      seedSyntheticPods(store, { namespace: 'x', labels, count: -1 }),
    ).toThrow(/count must be a non-negative integer/);
    expect(store.listObjects('v1', 'Pod')).toEqual([]);
  });

  it('serves 10,000 Pods page by page over HTTP, each exactly once', async () => {
    const double = await startKubernetesApiTestDouble({
      fixturesDir: false,
      synthetic: [{ namespace: 'bench', labels, count: 10_000 }],
    });
    try {
      let token: string | undefined;
      const seen = new Set<string>();
      let pages = 0;
      do {
        const query = new URLSearchParams({
          labelSelector: 'backstage.io/kubernetes-id=bench-app',
          limit: '500',
          ...(token ? { continue: token } : {}),
        });
        const res = await fetch(
          `${double.url}/api/v1/namespaces/bench/pods?${query}`,
          { headers: { Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}` } },
        );
        expect(res.status).toBe(200);
        const page = await res.json();
        expect(page.items.length).toBeLessThanOrEqual(500);
        for (const item of page.items) seen.add(item.metadata.name);
        token = page.metadata.continue || undefined;
        pages++;
      } while (token);
      expect(seen.size).toBe(10_000);
      expect(pages).toBe(20);
    } finally {
      await double.close();
    }
  }, 60_000);
});
