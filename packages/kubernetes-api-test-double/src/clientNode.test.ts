import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  Metrics,
  PatchStrategy,
  topPods,
  V1Deployment,
} from '@kubernetes/client-node';
import { DEFAULT_ADMIN_TOKEN, DEFAULT_VIEWER_TOKEN } from './auth/tokens';
import {
  KubernetesApiTestDouble,
  startKubernetesApiTestDouble,
} from './startServer';

// The real Kubernetes JavaScript client, talking to the double as to a cluster.

let double: KubernetesApiTestDouble;
beforeAll(async () => {
  double = await startKubernetesApiTestDouble();
});
afterAll(() => double.close());

// client-node refuses plain http unless skipTLSVerify is set (it then still sends the token).
function kubeConfig(token: string, server = double.url): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'paved-local', server, skipTLSVerify: true }],
    users: [{ name: 'paved', token }],
    contexts: [
      {
        name: 'paved-local',
        cluster: 'paved-local',
        user: 'paved',
        namespace: 'payments',
      },
    ],
    currentContext: 'paved-local',
  });
  return kc;
}

async function apiError(
  promise: Promise<unknown>,
): Promise<ApiException<string>> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiException) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('@kubernetes/client-node against the double', () => {
  it('lists pods in all namespaces with typed objects', async () => {
    const core = kubeConfig(DEFAULT_ADMIN_TOKEN).makeApiClient(CoreV1Api);
    const pods = await core.listPodForAllNamespaces();
    const names = pods.items.map(p => p.metadata?.name);
    expect(names).toContain('ledger-worker-1');
    const crash = pods.items.find(p => p.metadata?.name === 'ledger-worker-1')!;
    expect(crash.status?.containerStatuses?.[0].state?.waiting?.reason).toBe(
      'CrashLoopBackOff',
    );
    expect(
      crash.status?.containerStatuses?.[0].lastState?.terminated?.exitCode,
    ).toBe(1);
    expect(crash.metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  it('lists namespaced deployments with selectors and paging', async () => {
    const apps = kubeConfig(DEFAULT_ADMIN_TOKEN).makeApiClient(AppsV1Api);
    const deployments = await apps.listNamespacedDeployment({
      namespace: 'checkout',
      labelSelector: 'backstage.io/kubernetes-id=checkout-web',
    });
    const stuck = deployments.items[0];
    expect(stuck.metadata?.name).toBe('checkout-web');
    expect(
      stuck.status?.conditions?.find(c => c.type === 'Progressing')?.reason,
    ).toBe('ProgressDeadlineExceeded');

    const core = kubeConfig(DEFAULT_ADMIN_TOKEN).makeApiClient(CoreV1Api);
    const first = await core.listPodForAllNamespaces({ limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.metadata?.remainingItemCount).toBeGreaterThan(0);
    const second = await core.listPodForAllNamespaces({
      limit: 5,
      _continue: first.metadata?._continue,
    });
    expect(second.items[0].metadata?.name).not.toBe(
      first.items[0].metadata?.name,
    );

    const events = await core.listNamespacedEvent({
      namespace: 'payments',
      fieldSelector: 'reason=FailedScheduling',
    });
    expect(events.items[0].involvedObject.name).toBe('ledger-worker-2');
  });

  it('surfaces Status errors as ApiException with the real codes', async () => {
    const viewer = kubeConfig(DEFAULT_VIEWER_TOKEN).makeApiClient(CoreV1Api);
    const forbidden = await apiError(
      viewer.listNamespacedSecret({ namespace: 'payments' }),
    );
    expect(forbidden.code).toBe(403);
    expect(JSON.parse(forbidden.body).reason).toBe('Forbidden');

    const unauthorized = await apiError(
      kubeConfig('nope').makeApiClient(CoreV1Api).listNode(),
    );
    expect(unauthorized.code).toBe(401);

    const admin = kubeConfig(DEFAULT_ADMIN_TOKEN).makeApiClient(CoreV1Api);
    const missing = await apiError(
      admin.readNamespacedPod({ namespace: 'payments', name: 'nope' }),
    );
    expect(missing.code).toBe(404);
    expect(JSON.parse(missing.body).message).toBe('pods "nope" not found');
  });

  it('server-side applies through KubernetesObjectApi: create, update, conflict, force', async () => {
    const objects = KubernetesObjectApi.makeApiClient(
      kubeConfig(DEFAULT_ADMIN_TOKEN),
    );
    const spec = (replicas: number): V1Deployment & KubernetesObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'client-node-demo',
        namespace: 'payments',
        labels: { app: 'client-node-demo' },
      },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'client-node-demo' } },
        template: {
          metadata: { labels: { app: 'client-node-demo' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
        },
      },
    });

    const created = await objects.patch(
      spec(2),
      undefined,
      undefined,
      'paved-portal',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect(created.metadata?.uid).toBeDefined();
    expect(created.metadata?.managedFields?.[0]).toMatchObject({
      manager: 'paved-portal',
      operation: 'Apply',
    });

    const updated = await objects.patch(
      spec(3),
      undefined,
      undefined,
      'paved-portal',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect((updated as V1Deployment).spec?.replicas).toBe(3);
    expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(
      Number(created.metadata?.resourceVersion),
    );

    const conflict = await apiError(
      objects.patch(
        spec(9),
        undefined,
        undefined,
        'someone-else',
        false,
        PatchStrategy.ServerSideApply,
      ),
    );
    expect(conflict.code).toBe(409);
    expect(JSON.parse(conflict.body).details.causes[0].field).toBe(
      '.spec.replicas',
    );

    const forced = await objects.patch(
      spec(9),
      undefined,
      undefined,
      'someone-else',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect((forced as V1Deployment).spec?.replicas).toBe(9);

    const dry = await objects.patch(
      {
        ...spec(9),
        metadata: { ...spec(9).metadata, name: 'client-node-dry' },
      },
      undefined,
      'All',
      'paved-portal',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect(dry.metadata?.name).toBe('client-node-dry');
    const read = await objects.read({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'client-node-demo', namespace: 'payments' },
    });
    expect((read as V1Deployment).spec?.replicas).toBe(9);
    const list = await objects.list('apps/v1', 'Deployment', 'payments');
    expect(list.items.map(i => i.metadata?.name)).toEqual([
      'client-node-demo',
      'payments-api',
    ]);
  });

  it('serves what topPods (the Backstage pod metrics view) needs', async () => {
    const kc = kubeConfig(DEFAULT_ADMIN_TOKEN);
    const top = await topPods(
      kc.makeApiClient(CoreV1Api),
      new Metrics(kc),
      'payments',
    );
    const api = top.find(
      p => p.Pod.metadata?.name === 'payments-api-7c9d8f6b5d-tq9mc',
    )!;
    expect(Number(api.CPU.CurrentUsage)).toBeCloseTo(0.131, 3);
    expect(Number(api.Memory.LimitTotal)).toBe(512 * 1024 * 1024);
  });

  it('works over HTTPS with the kubeconfig the double hands out', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(double.kubeconfig());
    const nodes = await kc.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items).toHaveLength(4);
  });
});
