import { isolationIncludes } from '@paved/plugin-paved-common';
import { TenantInput } from '../render/tenant';
import type { TenantIsolationInput } from '../render/tenant/inputs';
import { QuotaInput } from '../render/types';

/**
 * What day 2 may change. Every field is optional: left out (or blank, as
 * an untouched form field arrives) it keeps the tenant's current value.
 */
export type TenantChange = {
  quota?: Partial<Omit<QuotaInput, 'objects'>> & {
    objects?: QuotaInput['objects'];
  };
  groups?: { admin?: string; developer?: string };
  isolation?: Partial<TenantIsolationInput>;
};

const blank = (v: unknown) => v === undefined || v === null || v === '';

const defined = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(
    Object.entries(o ?? {}).filter(([, v]) => !blank(v)),
  ) as Partial<T>;

/**
 * The tenant's inputs with the change laid over them, still unchecked: the
 * result goes through onboarding's own input check (`checkTenantInput`),
 * so a bad quantity or group is refused with the same field names as on
 * onboarding. Moving to a tier without a node pool drops the pool (a pool
 * there is refused); moving to one that needs a pool keeps the current one
 * unless the change names another.
 */
export function changedTenantInput(
  current: TenantInput,
  change: TenantChange,
): Record<string, unknown> {
  const quota = {
    ...current.quota,
    ...defined(change.quota),
    ...(change.quota?.objects
      ? { objects: { ...current.quota.objects, ...change.quota.objects } }
      : {}),
  };
  const groups = { ...current.groups, ...defined(change.groups) };
  const was: TenantIsolationInput = current.isolation ?? { level: 'namespace' };
  const asked = defined(change.isolation);
  const level = asked.level ?? was.level;
  const nodePool = !blank(asked.nodePool?.name) ? asked.nodePool : was.nodePool;
  const isolation: Record<string, unknown> = { level };
  if (isolationIncludes(level, 'dedicated-nodes')) {
    if (nodePool) isolation.nodePool = nodePool;
    const taint = asked.taint ?? was.taint;
    if (taint) isolation.taint = taint;
  }
  if (isolationIncludes(level, 'virtual-cluster')) {
    const version = asked.vclusterVersion ?? was.vclusterVersion;
    if (version) isolation.vclusterVersion = version;
  }
  return { ...current, quota, groups, isolation };
}
