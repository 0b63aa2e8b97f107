import { checkTenantInput } from '../actions/tenantScaffold';
import { renderTenant, TenantInput } from '../render/tenant';
import { acmeTenant } from '../__testUtils__/tenantInputs';
import { changedTenantInput, TenantChange } from './changeTenant';
import { describeDiff, diffTenantObjects } from './diff';
import { manifestObjects } from './loadTenant';

const acme = (patch: Record<string, unknown> = {}) =>
  checkTenantInput({ ...acmeTenant, ...patch });

/** The diff a change makes, as onboarding's render sees both sides. */
function diffOf(current: TenantInput, change: TenantChange) {
  const next = checkTenantInput(changedTenantInput(current, change));
  return {
    next,
    diff: diffTenantObjects(
      manifestObjects(renderTenant(current)),
      manifestObjects(renderTenant(next)),
    ),
  };
}

describe('changedTenantInput', () => {
  it('keeps every current value the change leaves out or blank', () => {
    const current = acme();
    expect(
      changedTenantInput(current, {
        quota: { cpu: '', memory: undefined },
        groups: { admin: '' },
        isolation: { level: '' as any },
      }),
    ).toEqual({ ...current, isolation: { level: 'namespace' } });
  });

  it('merges object counts into the current ones', () => {
    const current = acme({
      quota: { cpu: '4', memory: '8Gi', pods: 20, objects: { services: 5 } },
    });
    expect(
      changedTenantInput(current, { quota: { objects: { secrets: 9 } } }).quota,
    ).toEqual({
      cpu: '4',
      memory: '8Gi',
      pods: 20,
      objects: { services: 5, secrets: 9 },
    });
  });

  it('renders a changed tenant exactly as onboarding with the new inputs', () => {
    const { next } = diffOf(acme(), {
      quota: { cpu: '6' },
      groups: { developer: 'acme-engineers' },
      isolation: { level: 'dedicated-nodes', nodePool: { name: 'acme-pool' } },
    });
    const fresh = acme({
      quota: { ...acmeTenant.quota, cpu: '6' },
      groups: { ...acmeTenant.groups, developer: 'acme-engineers' },
      isolation: { level: 'dedicated-nodes', nodePool: { name: 'acme-pool' } },
    });
    expect(renderTenant(next)).toEqual(renderTenant(fresh));
  });
});

describe('the diff of a change', () => {
  it('a quota change touches only the quotas', () => {
    const { diff } = diffOf(acme(), { quota: { memory: '12Gi' } });
    expect(diff).toMatchObject({
      added: [],
      removed: [],
      changed: [
        {
          object: 'ResourceQuota acme-dev/tenant-quota',
          fields: [
            {
              path: 'spec.hard.requests.memory',
              before: '8Gi',
              after: '12Gi',
            },
            { path: 'spec.hard.limits.memory', before: '8Gi', after: '12Gi' },
          ],
        },
        { object: 'ResourceQuota acme-prod/tenant-quota' },
      ],
    });
  });

  it('a new admin group changes the admin bindings and the guardrails that name the group', () => {
    const { diff } = diffOf(acme(), { groups: { admin: 'acme-owners' } });
    expect(diff.changed.map(c => c.object)).toEqual([
      'RoleBinding acme-dev/tenant-admin',
      'RoleBinding acme-prod/tenant-admin',
      'Policy acme-dev/tenant-guardrails',
      'Policy acme-prod/tenant-guardrails',
    ]);
  });

  it('moving up to a virtual cluster adds the vCluster objects; moving back removes them', () => {
    const up = diffOf(acme(), {
      isolation: { level: 'virtual-cluster', nodePool: { name: 'acme' } },
    });
    expect(up.diff.added).toEqual([
      'HelmRepository acme-dev/acme-loft',
      'HelmRelease acme-dev/acme-vcluster',
      'HelmRepository acme-prod/acme-loft',
      'HelmRelease acme-prod/acme-vcluster',
    ]);
    expect(up.diff.removed).toEqual([]);
    const down = diffOf(up.next, { isolation: { level: 'namespace' } });
    expect(down.diff.removed).toEqual(up.diff.added);
    // The pool goes with the tier that needed it.
    expect(down.next.isolation).toEqual({ level: 'namespace' });
    expect(describeDiff(down.diff)).toEqual(
      expect.arrayContaining(['- HelmRelease acme-dev/acme-vcluster']),
    );
  });

  it('an unchanged tenant has no diff', () => {
    expect(diffOf(acme(), {}).diff).toMatchObject({
      added: [],
      changed: [],
      removed: [],
    });
  });
});
