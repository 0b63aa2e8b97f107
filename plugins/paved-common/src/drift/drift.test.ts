import { driftSummary, objectDrift } from './drift';
import { hpaTargetsOf } from './ignore';
import { managersOf } from './managers';

const binding = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: {
    name: 'tenant-developer',
    namespace: 'ledger-dev',
    labels: { 'paved.dev/tenant': 'ledger' },
  },
  roleRef: {
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'Role',
    name: 'tenant-developer',
  },
  subjects: [
    {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: 'ledger-developers',
    },
  ],
};

const liveBinding = {
  ...structuredClone(binding),
  metadata: {
    ...structuredClone(binding.metadata),
    uid: 'u-1',
    resourceVersion: '42',
    creationTimestamp: '2026-11-01T00:00:00Z',
    labels: { 'paved.dev/tenant': 'ledger', 'kubernetes.io/extra': 'x' },
    managedFields: [
      {
        manager: 'paved-scaffolder',
        operation: 'Apply',
        time: '2026-11-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:paved.dev/tenant': {} } },
          'f:roleRef': {},
        },
      },
      {
        manager: 'kubectl-edit',
        operation: 'Update',
        time: '2026-11-20T09:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:subjects': {} },
      },
    ],
  },
  subjects: [
    {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: 'ledger-developers',
    },
    {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'User',
      name: 'mallory@example.com',
    },
  ],
};

describe('objectDrift', () => {
  it('lists the drifted field with the manager that owns it', () => {
    const r = objectDrift(binding, liveBinding);
    expect(r.state).toBe('drifted');
    expect(r.fields).toEqual([
      {
        path: 'subjects[name=mallory@example.com]',
        live: liveBinding.subjects[1],
        managers: [
          {
            manager: 'kubectl-edit',
            operation: 'Update',
            time: '2026-11-20T09:00:00Z',
          },
        ],
      },
    ]);
  });

  it('is in sync when the cluster only adds metadata and labels', () => {
    const live = { ...liveBinding, subjects: binding.subjects };
    expect(objectDrift(binding, live)).toMatchObject({
      state: 'in-sync',
      fields: [],
    });
  });

  it('is missing when the cluster has no such object', () => {
    expect(objectDrift(binding, undefined).state).toBe('missing');
  });

  it("leaves an autoscaler's replicas out, and counts them as ignored", () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'apps' },
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: 'web', image: 'w:1' }] } },
      },
    };
    const hpa = {
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'apps' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } },
    };
    const live = structuredClone(deployment);
    live.spec.replicas = 7;
    const targets = hpaTargetsOf([hpa]);
    expect(
      objectDrift(deployment, live, { hpaTargets: targets }),
    ).toMatchObject({
      state: 'in-sync',
      ignored: ['spec.replicas'],
    });
    // Without an HPA, but written through the scale subresource: the scaler's too.
    const scaled = {
      ...live,
      metadata: {
        ...live.metadata,
        managedFields: [
          {
            manager: 'kube-controller-manager',
            subresource: 'scale',
            fieldsV1: { 'f:spec': { 'f:replicas': {} } },
          },
        ],
      },
    };
    expect(objectDrift(deployment, scaled).state).toBe('in-sync');
    // Set by hand, with nobody scaling it: drift.
    expect(objectDrift(deployment, live).fields.map(f => f.path)).toEqual([
      'spec.replicas',
    ]);
  });

  it('never compares status or server-kept metadata a manifest sets', () => {
    const desired = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'n' },
      status: { phase: 'x' },
      data: { a: '1' },
    };
    const r = objectDrift(desired, {
      metadata: { name: 'c' },
      status: { phase: 'y' },
      data: { a: '1' },
    });
    expect(r).toMatchObject({ state: 'in-sync', ignored: ['status.phase'] });
  });
});

describe('managersOf', () => {
  it('follows named list items through k: keys', () => {
    const managed = [
      {
        manager: 'istio-sidecar-injector',
        fieldsV1: {
          'f:spec': {
            'f:containers': { 'k:{"name":"istio-proxy"}': { 'f:image': {} } },
          },
        },
      },
      {
        manager: 'paved',
        fieldsV1: { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': {} } } },
      },
    ];
    expect(
      managersOf(managed, [
        'spec',
        'containers',
        { name: 'istio-proxy' },
        'image',
      ]).map(m => m.manager),
    ).toEqual(['istio-sidecar-injector']);
    expect(
      managersOf(managed, ['spec', 'containers', { name: 'nope' }]),
    ).toEqual([]);
    expect(managersOf(undefined, ['spec'])).toEqual([]);
  });
});

describe('driftSummary', () => {
  it('counts by state and makes drifted and missing objects problems with the runbook', () => {
    const results = [
      objectDrift(binding, liveBinding),
      objectDrift(binding, undefined),
      objectDrift(binding, { ...liveBinding, subjects: binding.subjects }),
      {
        ...objectDrift(binding, undefined),
        state: 'not-compared' as const,
        reason: 'a Secret',
      },
    ];
    const s = driftSummary('tenant', results);
    expect(s.counts).toEqual({
      compared: 3,
      inSync: 1,
      drifted: 1,
      missing: 1,
      notCompared: 1,
    });
    expect(s.objects).toHaveLength(3);
    expect(s.problems.map(p => p.reason)).toEqual(['Drifted', 'Missing']);
    expect(s.problems[0].message).toContain('changed by kubectl-edit');
    expect(s.problems[0].runbook?.url).toBe(
      '/docs/default/system/paved/runbooks/gitops-sync-failed/#fixes',
    );
  });
});
