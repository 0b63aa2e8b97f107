import { KubeObject } from '../../types';
import { computeRules } from './autogen';

const policy = (
  rules: unknown[],
  annotations?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'p', ...(annotations ? { annotations } : {}) },
  spec: { rules },
});

const podRule = {
  name: 'check-labels',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  preconditions: {
    all: [
      {
        key: '{{ request.object.metadata.labels.tier }}',
        operator: 'Equals',
        value: 'web',
      },
    ],
  },
  validate: {
    message: 'label app is required',
    pattern: { metadata: { labels: { app: '?*' } } },
  },
};

describe('Kyverno auto-gen', () => {
  it('adds controller and CronJob rules with the pattern under the template', () => {
    const rules = computeRules(policy([podRule]));
    expect(rules.map(r => r.name)).toEqual([
      'check-labels',
      'autogen-check-labels',
      'autogen-cronjob-check-labels',
    ]);
    expect(rules[1]).toMatchObject({
      match: {
        any: [
          {
            resources: {
              kinds: [
                'apps/v1/DaemonSet',
                'apps/v1/Deployment',
                'batch/v1/Job',
                'apps/v1/ReplicaSet',
                'v1/ReplicationController',
                'apps/v1/StatefulSet',
              ],
            },
          },
        ],
      },
      validate: {
        message: 'label app is required',
        pattern: {
          spec: { template: { metadata: { labels: { app: '?*' } } } },
        },
      },
      preconditions: {
        all: [
          {
            key: '{{ request.object.spec.template.metadata.labels.tier }}',
          },
        ],
      },
    });
    expect(rules[2]).toMatchObject({
      match: { any: [{ resources: { kinds: ['batch/v1/CronJob'] } }] },
      validate: {
        pattern: {
          spec: {
            jobTemplate: {
              spec: { template: { metadata: { labels: { app: '?*' } } } },
            },
          },
        },
      },
      preconditions: {
        all: [
          {
            key: '{{ request.object.spec.jobTemplate.spec.template.metadata.labels.tier }}',
          },
        ],
      },
    });
  });

  it('honours the autogen-controllers annotation', () => {
    expect(
      computeRules(
        policy([podRule], {
          'pod-policies.kyverno.io/autogen-controllers': 'none',
        }),
      ).map(r => r.name),
    ).toEqual(['check-labels']);
    const rules = computeRules(
      policy([podRule], {
        'pod-policies.kyverno.io/autogen-controllers': 'Deployment,StatefulSet',
      }),
    );
    expect(rules.map(r => r.name)).toEqual([
      'check-labels',
      'autogen-check-labels',
    ]);
    expect(rules[1].match).toEqual({
      any: [
        { resources: { kinds: ['apps/v1/Deployment', 'apps/v1/StatefulSet'] } },
      ],
    });
  });

  it('does not generate for rules that select by name or mix Pod with other kinds', () => {
    const byName = {
      ...podRule,
      match: { any: [{ resources: { kinds: ['Pod'], names: ['web-*'] } }] },
    };
    expect(computeRules(policy([byName])).map(r => r.name)).toEqual([
      'check-labels',
    ]);
    const mixed = {
      ...podRule,
      match: { resources: { kinds: ['Pod', 'Service'] } },
    };
    expect(computeRules(policy([mixed]))).toHaveLength(1);
    const notPods = {
      ...podRule,
      match: { resources: { kinds: ['Service'] } },
    };
    expect(computeRules(policy([notPods]))).toHaveLength(1);
  });

  it('rewrites legacy match kinds and anyPattern', () => {
    const rules = computeRules(
      policy([
        {
          name: 'r',
          match: { resources: { kinds: ['Pod'], namespaces: ['prod-*'] } },
          exclude: { resources: { kinds: ['Pod'], namespaces: ['prod-sys'] } },
          validate: {
            anyPattern: [
              { spec: { hostNetwork: false } },
              { spec: { 'X(hostNetwork)': 'null' } },
            ],
          },
        },
      ]),
    );
    expect(rules[1]).toMatchObject({
      match: {
        resources: {
          namespaces: ['prod-*'],
          kinds: expect.arrayContaining(['apps/v1/Deployment']),
        },
      },
      exclude: {
        resources: {
          namespaces: ['prod-sys'],
          kinds: expect.arrayContaining(['batch/v1/Job']),
        },
      },
      validate: {
        anyPattern: [
          { spec: { template: { spec: { hostNetwork: false } } } },
          { spec: { template: { spec: { 'X(hostNetwork)': 'null' } } } },
        ],
      },
    });
  });
});
