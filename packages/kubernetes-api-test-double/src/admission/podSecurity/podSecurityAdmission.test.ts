import { DEFAULT_ADMIN_TOKEN } from '../../auth/tokens';
import {
  KubernetesApiTestDouble,
  KubernetesApiTestDoubleOptions,
  startKubernetesApiTestDouble,
} from '../../startServer';

let double: KubernetesApiTestDouble;
async function start(options: KubernetesApiTestDoubleOptions = {}) {
  double = await startKubernetesApiTestDouble({
    now: () => new Date('2026-11-21T06:00:00Z'),
    ...options,
  });
}
afterEach(() => double?.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
) {
  const res = await fetch(`${double.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}`,
      'Content-Type': type,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    warning: res.headers.get('warning'),
    body: await res.json(),
  };
}

const pods = (ns: string) => `/api/v1/namespaces/${ns}/pods`;

const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
});

const restrictedPod = (name: string) =>
  pod(name, {
    securityContext: {
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        },
      },
    ],
  });

const RESTRICTED_DETAIL =
  'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('Pod Security Admission', () => {
  it('refuses a Pod that violates its namespace enforce level with a 403 Status', async () => {
    await start();
    const res = await call('POST', pods('payments'), pod('bare'));
    expect(res.status).toBe(403);
    // payments: enforce=restricted, enforce-version=v1.30
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `pods "bare" is forbidden: violates PodSecurity "restricted:v1.30": ${RESTRICTED_DETAIL}`,
      reason: 'Forbidden',
      details: { name: 'bare', kind: 'pods' },
      code: 403,
    });
    expect(double.store.find('v1', 'Pod', 'payments', 'bare')).toBeUndefined();
    expect(double.requests.at(-1)).toMatchObject({
      method: 'POST',
      status: 403,
      deniedBy: 'PodSecurity',
    });
  });

  it('refuses dry runs too, and names generated pods', async () => {
    await start();
    const res = await call('POST', `${pods('payments')}?dryRun=All`, {
      ...pod(''),
      metadata: { generateName: 'job-' },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(
      /^pods "job-[a-z0-9]{5}" is forbidden: violates PodSecurity "restricted:v1.30": allowPrivilegeEscalation/,
    );
  });

  it('admits a compliant Pod and warns about the warn level', async () => {
    await start();
    expect(
      (await call('POST', pods('payments'), restrictedPod('ok'))).status,
    ).toBe(201);

    // checkout: enforce=baseline, warn=restricted
    const res = await call('POST', pods('checkout'), pod('web'));
    expect(res.status).toBe(201);
    expect(res.warning).toBe(
      `299 - "would violate PodSecurity \\"restricted:latest\\": ${RESTRICTED_DETAIL.replace(
        /"/g,
        '\\"',
      )}"`,
    );
    expect(double.requests.at(-1)?.warnings).toEqual([
      `would violate PodSecurity "restricted:latest": ${RESTRICTED_DETAIL}`,
    ]);
  });

  it('enforces baseline and leaves privileged namespaces alone', async () => {
    await start();
    const privileged = pod('priv', {
      hostNetwork: true,
      containers: [
        {
          name: 'app',
          image: 'nginx',
          securityContext: { privileged: true },
        },
      ],
    });
    const res = await call('POST', pods('checkout'), privileged);
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      'pods "priv" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), privileged (container "app" must not set securityContext.privileged=true)',
    );
    expect((await call('POST', pods('monitoring'), privileged)).status).toBe(
      201,
    );
    // default has no labels: privileged
    expect((await call('POST', pods('default'), privileged)).status).toBe(201);
  });

  it('only warns for workloads with pod templates', async () => {
    await start();
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'app', image: 'nginx' }] },
        },
      },
    };
    const res = await call(
      'POST',
      '/apis/apps/v1/namespaces/payments/deployments',
      deployment,
    );
    expect(res.status).toBe(201);
    expect(res.warning).toContain(
      '299 - "would violate PodSecurity \\"restricted:latest\\": allowPrivilegeEscalation != false',
    );

    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: {
        schedule: '0 3 * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: 'Never',
                containers: [
                  {
                    name: 'job',
                    image: 'busybox',
                    securityContext: { privileged: true },
                  },
                ],
              },
            },
          },
        },
      },
    };
    const cj = await call(
      'POST',
      '/apis/batch/v1/namespaces/checkout/cronjobs',
      cronJob,
    );
    expect(cj.status).toBe(201);
    expect(cj.warning).toContain(
      'privileged (container \\"job\\" must not set securityContext.privileged=true)',
    );
  });

  it('checks server-side apply and significant pod updates only', async () => {
    await start();
    const apply = await call(
      'PATCH',
      `${pods('payments')}/applied?fieldManager=test`,
      JSON.stringify(pod('applied')),
      'application/apply-patch+yaml',
    );
    expect(apply.status).toBe(403);
    expect(apply.body.message).toContain('violates PodSecurity');

    // Fixture pods are compliant; a label change is no significant update anyway.
    const name = 'payments-api-7c9d8f6b5d-2xkqp';
    const labels = await call(
      'PATCH',
      `${pods('payments')}/${name}`,
      { metadata: { labels: { extra: 'yes' } } },
      'application/merge-patch+json',
    );
    expect(labels.status).toBe(200);
    const image = await call(
      'PATCH',
      `${pods('payments')}/${name}`,
      {
        spec: {
          containers: [
            {
              name: 'payments-api',
              image: 'x:2',
              securityContext: { allowPrivilegeEscalation: true },
            },
          ],
        },
      },
      'application/strategic-merge-patch+json',
    );
    expect(image.status).toBe(403);
    expect(image.body.message).toBe(
      `pods "${name}" is forbidden: violates PodSecurity "restricted:v1.30": allowPrivilegeEscalation != false (container "payments-api" must set securityContext.allowPrivilegeEscalation=false)`,
    );
  });

  it('does not check objects seeded as fixtures', async () => {
    await start({
      objects: [
        {
          ...pod('seeded'),
          metadata: { name: 'seeded', namespace: 'payments' },
        },
      ],
    });
    expect(double.store.find('v1', 'Pod', 'payments', 'seeded')).toBeDefined();
  });

  it('skips exempt namespaces', async () => {
    await start({ podSecurityExemptNamespaces: ['payments'] });
    expect((await call('POST', pods('payments'), pod('bare'))).status).toBe(
      201,
    );
    const ns = await call('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'payments-2' },
    });
    expect(ns.status).toBe(201);
  });

  it('validates the namespace labels', async () => {
    await start({ podSecurityExemptNamespaces: ['sandbox'] });
    const bad = await call('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        labels: { 'pod-security.kubernetes.io/enforce': 'strict' },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe(
      'Namespace "team-a" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
    );

    const exempt = await call('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'sandbox',
        labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
      },
    });
    expect(exempt.status).toBe(201);
    expect(exempt.warning).toBe(
      '299 - "namespace \\"sandbox\\" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored"',
    );
  });

  it('warns about existing pods when a namespace gets stricter', async () => {
    await start();
    await call('POST', pods('default'), pod('one'));
    await call('POST', pods('default'), pod('two'));
    const res = await call(
      'PATCH',
      '/api/v1/namespaces/default',
      {
        metadata: {
          labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
        },
      },
      'application/merge-patch+json',
    );
    expect(res.status).toBe(200);
    expect(double.requests.at(-1)?.warnings).toEqual([
      'existing pods in namespace "default" violate the new PodSecurity enforce level "restricted:latest"',
      'one (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]);
    expect((await call('POST', pods('default'), pod('three'))).status).toBe(
      403,
    );
  });
});
