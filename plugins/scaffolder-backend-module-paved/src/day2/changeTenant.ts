import { isolationIncludes } from '@paved/plugin-paved-common';
import { TenantInput } from '../render/tenant';
import type { TenantIsolationInput } from '../render/tenant/inputs';
import { QuotaInput } from '../render/types';

/**
 * What day 2 may change. Every field is optional: left out (or blank, as
 * an untouched form field arrives) it keeps the tenant's current value.
 */
export type TenantChange = {
  quota?: Partial<Omit<QuotaInput, 'objects' | 'pods'>> & {
    /** A form's number field may arrive as text. */
    pods?: number | string;
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
  const asked = defined(change.quota);
  // Digits from a text field become the number onboarding expects; anything
  // else is left for onboarding's check to refuse by name.
  if (typeof asked.pods === 'string' && /^[0-9]+$/.test(asked.pods))
    asked.pods = Number(asked.pods);
  const quota = {
    ...current.quota,
    ...asked,
    ...(change.quota?.objects
      ? { objects: { ...current.quota.objects, ...change.quota.objects } }
      : {}),
  };
  const groups = { ...current.groups, ...defined(change.groups) };
  const was: TenantIsolationInput = current.isolation ?? { level: 'namespace' };
  const iso = defined(change.isolation);
  const level = iso.level ?? was.level;
  const nodePool = !blank(iso.nodePool?.name) ? iso.nodePool : was.nodePool;
  const isolation: Record<string, unknown> = { level };
  if (isolationIncludes(level, 'dedicated-nodes')) {
    if (nodePool) isolation.nodePool = nodePool;
    const taint = iso.taint ?? was.taint;
    if (taint) isolation.taint = taint;
  }
  if (isolationIncludes(level, 'virtual-cluster')) {
    const version = iso.vclusterVersion ?? was.vclusterVersion;
    if (version) isolation.vclusterVersion = version;
  }
  return { ...current, quota, groups, isolation };
}
