import { KubeObject } from '../types';
import { managedFieldsAfterUpdate } from './managedFields';
import { ApplyRequest, serverSideApply } from './serverSideApply';

const config = (
  replicas: number,
  extra: Record<string, string> = {},
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    labels: { app: 'web', ...extra },
  },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    },
  },
});

function apply(
  live: KubeObject | undefined,
  applied: KubeObject,
  manager: string,
  force = false,
) {
  const req: ApplyRequest = {
    live,
    applied,
    manager,
    force,
    apiVersion: 'apps/v1',
    time: '2026-11-21T00:00:00Z',
    scope: 'main',
  };
  return serverSideApply(req);
}

function ok(outcome: ReturnType<typeof serverSideApply>): KubeObject {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.object;
}

describe('serverSideApply', () => {
  it('creates an object owned by the applier', () => {
    const created = ok(apply(undefined, config(2), 'paved'));
    expect(created.spec).toEqual(config(2).spec);
    expect(created.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'paved',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        fieldsType: 'FieldsV1',
      }),
    ]);
    expect(created.metadata.managedFields![0].fieldsV1).toMatchObject({
      'f:spec': { 'f:replicas': {}, 'f:selector': {} },
      'f:metadata': { 'f:labels': { 'f:app': {} } },
    });
  });

  it('lets the same manager change its own fields', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    const updated = ok(apply(live, config(4), 'paved'));
    expect((updated.spec as { replicas: number }).replicas).toBe(4);
    expect(updated.metadata.managedFields).toHaveLength(1);
  });

  it('reports a conflict when another manager owns a changed field', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    const outcome = apply(live, config(5), 'other-manager');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toBe(
      'Apply failed with 1 conflict: conflict with "paved": .spec.replicas',
    );
    expect(outcome.conflicts.map(c => c.field)).toEqual(['.spec.replicas']);
  });

  it('describes Update managers with their apiVersion and lists several conflicts', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    live.metadata.managedFields = managedFieldsAfterUpdate(
      live,
      { ...live, spec: { ...(live.spec as object), replicas: 7 } },
      {
        manager: 'kubectl-edit',
        apiVersion: 'apps/v1',
        time: 't',
        scope: 'main',
      },
    );
    (live.spec as { replicas: number }).replicas = 7;
    const outcome = apply(live, config(3, { app: 'changed' }), 'third');
    if (outcome.ok) throw new Error('expected conflicts');
    expect(outcome.message).toContain(
      'Apply failed with 2 conflicts: conflicts with "kubectl-edit" using apps/v1:\n- .spec.replicas',
    );
    expect(outcome.message).toContain(
      'conflicts with "paved":\n- .metadata.labels.app',
    );
  });

  it('shares ownership when the value does not change', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    const shared = ok(apply(live, config(2), 'other'));
    expect(shared.metadata.managedFields!.map(m => m.manager)).toEqual([
      'paved',
      'other',
    ]);
  });

  it('takes ownership with force', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    const forced = ok(apply(live, config(5), 'other', true));
    expect((forced.spec as { replicas: number }).replicas).toBe(5);
    const paved = forced.metadata.managedFields!.find(
      m => m.manager === 'paved',
    )!;
    expect(JSON.stringify(paved.fieldsV1)).not.toContain('f:replicas');
    const other = forced.metadata.managedFields!.find(
      m => m.manager === 'other',
    )!;
    expect(JSON.stringify(other.fieldsV1)).toContain('f:replicas');
  });

  it('removes fields the manager stops applying, unless someone else owns them', () => {
    const live = ok(
      apply(undefined, config(2, { team: 'a', keep: 'x' }), 'paved'),
    );
    const withOther = ok(
      apply(
        live,
        {
          ...config(2),
          metadata: { ...config(2).metadata, labels: { keep: 'x' } },
        },
        'other',
      ),
    );
    const dropped = ok(apply(withOther, config(2), 'paved'));
    expect(dropped.metadata.labels).toEqual({ app: 'web', keep: 'x' });
  });

  it('merges keyed lists item by item', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    const sidecar: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        template: {
          spec: { containers: [{ name: 'proxy', image: 'envoy:1.31' }] },
        },
      },
    };
    const merged = ok(apply(live, sidecar, 'mesh-injector'));
    const containers = (merged.spec as any).template.spec.containers;
    expect(containers.map((c: { name: string }) => c.name)).toEqual([
      'web',
      'proxy',
    ]);
  });

  it("replaces atomic lists whole: a RoleBinding's subjects", () => {
    const binding = (group: string): KubeObject => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'tenant-admin', namespace: 'shop' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'tenant-admin',
      },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group },
      ],
    });
    const first = ok(apply(undefined, binding('shop-admins'), 'paved'));
    const second = ok(apply(first, binding('shop-owners'), 'paved'));
    expect(second.subjects).toEqual(binding('shop-owners').subjects);
  });

  it('ignores status on the main resource', () => {
    const created = ok(
      apply(undefined, { ...config(1), status: { replicas: 9 } }, 'paved'),
    );
    expect(created.status).toBeUndefined();
    expect(JSON.stringify(created.metadata.managedFields)).not.toContain(
      'f:status',
    );
  });
});

describe('managedFieldsAfterUpdate', () => {
  it('gives changed fields to the updater and takes them from others', () => {
    const live = ok(apply(undefined, config(2), 'paved'));
    const next = { ...live, spec: { ...(live.spec as object), replicas: 9 } };
    const entries = managedFieldsAfterUpdate(live, next, {
      manager: 'kubectl-scale',
      apiVersion: 'apps/v1',
      time: 't2',
      scope: 'main',
    });
    expect(entries.map(e => `${e.manager}/${e.operation}`)).toEqual([
      'paved/Apply',
      'kubectl-scale/Update',
    ]);
    expect(JSON.stringify(entries[0].fieldsV1)).not.toContain('f:replicas');
    expect(entries[1].fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
  });
});
