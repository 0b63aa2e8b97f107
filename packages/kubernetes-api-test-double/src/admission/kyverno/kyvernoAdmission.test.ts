import { DEFAULT_ADMIN_TOKEN } from '../../auth/tokens';
import { ALL_VERBS } from '../../resources/builtins';
import { ResourceType } from '../../resources/types';
import {
  KubernetesApiTestDouble,
  KubernetesApiTestDoubleOptions,
  startKubernetesApiTestDouble,
} from '../../startServer';
import { KubeObject } from '../../types';

const kyvernoType = (
  kind: string,
  plural: string,
  namespaced: boolean,
): ResourceType => ({
  group: 'kyverno.io',
  version: 'v1',
  kind,
  listKind: `${kind}List`,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  verbs: ALL_VERBS,
  fromCrd: `${plural}.kyverno.io`,
});
const KYVERNO_TYPES = [
  kyvernoType('ClusterPolicy', 'clusterpolicies', false),
  kyvernoType('Policy', 'policies', true),
];

const requireLabels = (
  action: string,
  extra: Record<string, unknown> = {},
  annotations?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'require-labels', ...(annotations ? { annotations } : {}) },
  spec: {
    validationFailureAction: action,
    rules: [
      {
        name: 'check-team',
        match: { any: [{ resources: { kinds: ['Pod'] } }] },
        exclude: { any: [{ resources: { namespaces: ['monitoring'] } }] },
        validate: {
          message: 'label `team` is required',
          pattern: { metadata: { labels: { team: '?*' } } },
        },
      },
    ],
    ...extra,
  },
});

let double: KubernetesApiTestDouble;
async function start(
  policies: KubeObject[],
  options: KubernetesApiTestDoubleOptions = {},
) {
  double = await startKubernetesApiTestDouble({
    now: () => new Date('2026-11-21T06:00:00Z'),
    resourceTypes: KYVERNO_TYPES,
    objects: policies,
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

// `default` has no Pod Security labels, so only Kyverno decides there.
const PODS = '/api/v1/namespaces/default/pods';
const pod = (name: string, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(labels ? { labels } : {}) },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
});
const deployment = (labels: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web', ...labels } },
      spec: { containers: [{ name: 'app', image: 'nginx' }] },
    },
  },
});

describe('Kyverno validate policies', () => {
  it('blocks Enforce failures the way the API server reports a webhook denial', async () => {
    await start([requireLabels('Enforce')]);
    const res = await call('POST', PODS, pod('web', { app: 'web' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'admission webhook "validate.kyverno.svc-fail" denied the request: \n\n' +
        'resource Pod/default/web was blocked due to the following policies \n\n' +
        'require-labels:\n' +
        "  check-team: 'validation error: label `team` is required. rule check-team failed\n" +
        "    at path /metadata/labels/team/'\n",
      code: 400,
    });
    expect(double.requests.at(-1)).toMatchObject({
      status: 400,
      deniedBy: 'kyverno:require-labels',
    });
    expect(double.store.find('v1', 'Pod', 'default', 'web')).toBeUndefined();

    // dry runs are admitted too
    expect((await call('POST', `${PODS}?dryRun=All`, pod('web'))).status).toBe(
      400,
    );
    expect((await call('POST', PODS, pod('web', { team: 'a' }))).status).toBe(
      201,
    );
  });

  it('lets Audit failures through', async () => {
    await start([requireLabels('Audit')]);
    const res = await call('POST', PODS, pod('web'));
    expect(res.status).toBe(201);
    expect(res.warning).toBeNull();
  });

  it('warns for policies with emitWarning', async () => {
    await start([requireLabels('Audit', { emitWarning: true })]);
    const res = await call('POST', PODS, pod('web'));
    expect(res.status).toBe(201);
    // no labels at all: the path stops at the missing map
    expect(double.requests.at(-1)?.warnings).toEqual([
      'policy require-labels.check-team: validation error: label `team` is required. rule check-team failed at path /metadata/labels/',
    ]);
  });

  it('honours a rule-level failureAction', async () => {
    const policy = requireLabels('Audit');
    const rule = (policy.spec as any).rules[0];
    rule.validate.failureAction = 'Enforce';
    await start([policy]);
    expect((await call('POST', PODS, pod('web'))).status).toBe(400);
  });

  it('applies Pod rules to controllers through auto-gen', async () => {
    await start([requireLabels('Enforce')]);
    const res = await call(
      'POST',
      '/apis/apps/v1/namespaces/default/deployments',
      deployment({}),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(
      'resource Deployment/default/web was blocked due to the following policies \n\n' +
        'require-labels:\n' +
        "  autogen-check-team: 'validation error: label `team` is required. rule autogen-check-team\n" +
        "    failed at path /spec/template/metadata/labels/team/'\n",
    );
    expect(
      (
        await call(
          'POST',
          '/apis/apps/v1/namespaces/default/deployments',
          deployment({ team: 'a' }),
        )
      ).status,
    ).toBe(201);
  });

  it('covers CronJobs, and ReplicaSets once the default filters are off', async () => {
    await start([requireLabels('Enforce')]);
    const template = deployment({}).spec.template;
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template } } },
    };
    const cj = await call(
      'POST',
      '/apis/batch/v1/namespaces/default/cronjobs',
      cronJob,
    );
    expect(cj.status).toBe(400);
    expect(cj.body.message).toContain(
      "  autogen-cronjob-check-team: 'validation error: label `team` is required. rule autogen-cronjob-check-team\n" +
        "    failed at path /spec/jobTemplate/spec/template/metadata/labels/team/'\n",
    );
    const replicaSet = { ...deployment({}), kind: 'ReplicaSet' };
    const rsPath = '/apis/apps/v1/namespaces/default/replicasets';
    // Kyverno's Helm chart filters ReplicaSets out...
    expect((await call('POST', rsPath, replicaSet)).status).toBe(201);
    await double.close();
    // ...an empty filter list lets the autogen rule apply.
    await start([requireLabels('Enforce')], { kyvernoResourceFilters: [] });
    expect((await call('POST', rsPath, replicaSet)).status).toBe(400);
  });

  it('does not auto-generate with autogen-controllers: none', async () => {
    await start([
      requireLabels(
        'Enforce',
        {},
        {
          'pod-policies.kyverno.io/autogen-controllers': 'none',
        },
      ),
    ]);
    expect(
      (
        await call(
          'POST',
          '/apis/apps/v1/namespaces/default/deployments',
          deployment({}),
        )
      ).status,
    ).toBe(201);
  });

  it('respects exclude blocks and the default resource filters', async () => {
    await start([requireLabels('Enforce')]);
    // excluded by the rule
    expect(
      (await call('POST', '/api/v1/namespaces/monitoring/pods', pod('m')))
        .status,
    ).toBe(201);
    // Kyverno's Helm chart filters kube-system out
    expect(
      (await call('POST', '/api/v1/namespaces/kube-system/pods', pod('k')))
        .status,
    ).toBe(201);
  });

  it('takes resourceFilters from the options', async () => {
    await start([requireLabels('Enforce')], { kyvernoResourceFilters: [] });
    expect(
      (await call('POST', '/api/v1/namespaces/kube-system/pods', pod('k')))
        .status,
    ).toBe(400);
  });

  it('does nothing while Kyverno kinds are not served', async () => {
    double = await startKubernetesApiTestDouble({
      now: () => new Date('2026-11-21T06:00:00Z'),
    });
    expect((await call('POST', PODS, pod('web'))).status).toBe(201);
  });

  it('enforces policies created through the API from then on', async () => {
    await start([]);
    expect((await call('POST', PODS, pod('before'))).status).toBe(201);
    expect(
      (
        await call(
          'POST',
          '/apis/kyverno.io/v1/clusterpolicies',
          requireLabels('Enforce'),
        )
      ).status,
    ).toBe(201);
    expect((await call('POST', PODS, pod('after'))).status).toBe(400);
  });

  it('lets existing violations through on update', async () => {
    await start([requireLabels('Enforce')], {
      objects: [
        requireLabels('Enforce'),
        { ...pod('old'), metadata: { name: 'old', namespace: 'default' } },
      ],
    });
    const patch = await call(
      'PATCH',
      `${PODS}/old`,
      { metadata: { annotations: { touched: 'yes' } } },
      'application/merge-patch+json',
    );
    expect(patch.status).toBe(200);

    const strict = requireLabels('Enforce');
    (strict.spec as any).rules[0].validate.allowExistingViolations = false;
    await double.close();
    await start([strict], {
      objects: [
        strict,
        { ...pod('old'), metadata: { name: 'old', namespace: 'default' } },
      ],
    });
    expect(
      (
        await call(
          'PATCH',
          `${PODS}/old`,
          { metadata: { annotations: { touched: 'yes' } } },
          'application/merge-patch+json',
        )
      ).status,
    ).toBe(400);
  });

  it('matches namespaces, names, selectors and operations', async () => {
    const policy: KubeObject = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'no-latest' },
      spec: {
        validationFailureAction: 'Enforce',
        rules: [
          {
            name: 'pin-images',
            match: {
              all: [
                {
                  resources: {
                    kinds: ['v1/Pod'],
                    namespaces: ['check*'],
                    names: ['web-*'],
                    selector: { matchLabels: { tier: 'front*' } },
                    namespaceSelector: {
                      matchExpressions: [
                        { key: 'paved.dev/tenant', operator: 'Exists' },
                      ],
                    },
                    operations: ['CREATE'],
                  },
                },
              ],
            },
            validate: {
              message: 'pin your images',
              pattern: { spec: { containers: [{ image: '!*:latest' }] } },
            },
          },
        ],
      },
    };
    await start([policy]);
    const latest = (name: string, labels: Record<string, string>) => ({
      ...pod(name, labels),
      spec: { containers: [{ name: 'app', image: 'nginx:latest' }] },
    });
    const checkout = '/api/v1/namespaces/checkout/pods';
    expect(
      (await call('POST', checkout, latest('web-1', { tier: 'frontend' })))
        .status,
    ).toBe(400);
    expect(
      (await call('POST', checkout, latest('api-1', { tier: 'frontend' })))
        .status,
    ).toBe(201);
    expect(
      (await call('POST', checkout, latest('web-2', { tier: 'back' }))).status,
    ).toBe(201);
    expect(
      (await call('POST', PODS, latest('web-3', { tier: 'frontend' }))).status,
    ).toBe(201);
  });

  it('evaluates anyPattern and simple deny conditions', async () => {
    const policy: KubeObject = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'replicas' },
      spec: {
        validationFailureAction: 'Enforce',
        rules: [
          {
            name: 'min-replicas',
            match: { any: [{ resources: { kinds: ['Deployment'] } }] },
            validate: {
              message:
                'Deployment {{ request.object.metadata.name }} needs 2 replicas or the label single',
              anyPattern: [
                { spec: { replicas: '>=2' } },
                { metadata: { labels: { single: 'true' } } },
              ],
            },
          },
          {
            name: 'no-default-sa',
            match: { any: [{ resources: { kinds: ['Deployment'] } }] },
            validate: {
              message: 'do not use the default ServiceAccount',
              deny: {
                conditions: {
                  any: [
                    {
                      key: "{{ request.object.spec.template.spec.serviceAccountName || 'default' }}",
                      operator: 'Equals',
                      value: 'default',
                    },
                  ],
                },
              },
            },
          },
        ],
      },
    };
    await start([policy]);
    const res = await call(
      'POST',
      '/apis/apps/v1/namespaces/default/deployments',
      {
        ...deployment({}),
        spec: { ...deployment({}).spec, replicas: 1 },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      'admission webhook "validate.kyverno.svc-fail" denied the request: \n\n' +
        'resource Deployment/default/web was blocked due to the following policies \n\n' +
        'replicas:\n' +
        "  min-replicas: 'validation error: Deployment web needs 2 replicas or the label single.\n" +
        '    rule min-replicas[0] failed at path /spec/replicas/ rule min-replicas[1] failed\n' +
        "    at path /metadata/labels/'\n" +
        '  no-default-sa: do not use the default ServiceAccount\n',
    );
    const base = deployment({});
    const ok = {
      ...base,
      spec: {
        ...base.spec,
        replicas: 2,
        template: {
          ...base.spec.template,
          spec: { ...base.spec.template.spec, serviceAccountName: 'web' },
        },
      },
    };
    expect(
      (await call('POST', '/apis/apps/v1/namespaces/default/deployments', ok))
        .status,
    ).toBe(201);
  });

  it('applies namespaced Policies to their namespace only', async () => {
    const policy = requireLabels('Enforce');
    await start([
      {
        ...policy,
        kind: 'Policy',
        metadata: { name: 'require-labels', namespace: 'checkout' },
      },
    ]);
    expect((await call('POST', PODS, pod('a'))).status).toBe(201);
    expect(
      (await call('POST', '/api/v1/namespaces/checkout/pods', pod('b'))).status,
    ).toBe(400);
  });

  it('ignores rules it cannot evaluate', async () => {
    const policy = requireLabels('Enforce');
    (policy.spec as any).rules[0].context = [
      { name: 'cm', configMap: { name: 'x', namespace: 'y' } },
    ];
    await start([policy]);
    expect((await call('POST', PODS, pod('web'))).status).toBe(201);
  });
});
