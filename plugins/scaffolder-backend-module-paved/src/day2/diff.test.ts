import { KubeObject } from '../render/types';
import { describeDiff, TenantDiff, withLiveChanges } from './diff';

const binding: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: {
    name: 'tenant-admin',
    namespace: 'acme-dev',
    labels: { 'paved.dev/tenant': 'acme' },
  },
  subjects: [
    {
      kind: 'Group',
      name: 'acme-admins',
      apiGroup: 'rbac.authorization.k8s.io',
    },
  ],
  roleRef: {
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'ClusterRole',
    name: 'admin',
  },
};

const quota = (hard: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'tenant-quota', namespace: 'acme-dev' },
  spec: { hard },
});

/** What the cluster keeps beside the applied fields. */
const served = (o: KubeObject, extra: Record<string, unknown> = {}) => ({
  ...o,
  metadata: {
    ...o.metadata,
    uid: 'u-1',
    resourceVersion: '7',
    labels: { ...o.metadata.labels, 'kustomize.toolkit.fluxcd.io/name': 'x' },
  },
  ...extra,
});

const noChange = (unchanged: number): TenantDiff => ({
  added: [],
  changed: [],
  removed: [],
  unchanged,
});

describe('withLiveChanges', () => {
  it('finds nothing when the cluster only adds fields of its own', () => {
    const live = [
      served(binding),
      served(quota({ 'requests.cpu': '4' }), {
        status: { used: { 'requests.cpu': '1' } },
      }),
    ];
    expect(
      withLiveChanges(
        noChange(2),
        [binding, quota({ 'requests.cpu': '4' })],
        live,
      ),
    ).toEqual(noChange(2));
  });

  it("shows a binding's hand-added subject as the whole list the change replaces", () => {
    const handMade = { kind: 'User', name: 'mallory' };
    const liveSubjects = [...(binding.subjects as object[]), handMade];
    const diff = withLiveChanges(
      noChange(1),
      [binding],
      [served(binding, { subjects: liveSubjects })],
    );
    expect(diff).toEqual({
      ...noChange(0),
      changed: [
        {
          object: 'RoleBinding acme-dev/tenant-admin',
          fields: [
            { path: 'subjects', before: liveSubjects, after: binding.subjects },
          ],
        },
      ],
    });
  });

  it('names a field the render also changes once, with dotted paths', () => {
    const after = quota({ 'requests.cpu': '8', pods: '20' });
    const renderDiff: TenantDiff = {
      ...noChange(0),
      changed: [
        {
          object: 'ResourceQuota acme-dev/tenant-quota',
          fields: [{ path: 'spec.hard.requests.cpu', before: '4', after: '8' }],
        },
      ],
    };
    const diff = withLiveChanges(
      renderDiff,
      [after],
      [served(quota({ 'requests.cpu': '6', pods: '30' }))],
    );
    expect(describeDiff(diff)).toEqual([
      '~ ResourceQuota acme-dev/tenant-quota',
      '    spec.hard.requests.cpu: "4" -> "8"',
      '    spec.hard.pods: "30" -> "20"',
    ]);
  });

  it('shows a field the cluster lacks, and leaves out fields the render does not set', () => {
    const after = {
      ...binding,
      metadata: { ...binding.metadata, labels: undefined },
    };
    const live = served(binding);
    delete (live as any).roleRef;
    const diff = withLiveChanges(noChange(1), [after], [live]);
    expect(diff.changed).toEqual([
      {
        object: 'RoleBinding acme-dev/tenant-admin',
        fields: [{ path: 'roleRef', after: binding.roleRef }],
      },
    ]);
  });

  it('compares quantities by value, as the API server keeps them in canonical form', () => {
    // Applying 1000m over 1 changes nothing, so it is not shown as a change.
    const after = quota({
      'requests.cpu': '1000m',
      'requests.memory': '1024Mi',
    });
    expect(
      withLiveChanges(
        noChange(1),
        [after],
        [served(quota({ 'requests.cpu': '1', 'requests.memory': '1Gi' }))],
      ),
    ).toEqual(noChange(1));
  });
});
