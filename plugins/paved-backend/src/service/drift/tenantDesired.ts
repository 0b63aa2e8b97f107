import {
  KubeObject,
  MANAGED_BY,
  manifestObjects,
  recoverTenantInput,
  renderTenant,
  TENANT_KINDS,
  TenantEntity,
} from '@paved/plugin-scaffolder-backend-module-paved';
import { TENANT_LABEL } from '@paved/plugin-paved-common';
import { LiveReader, UnreadableError } from './liveReader';
import { objectKey } from './compareLive';
import { ClusterRequestError } from '../clusters/errors';

export type TenantDesired = {
  desired: KubeObject[];
  /** What the recovery reads already hold, by objectKey. */
  live: Map<string, unknown>;
  /** Kinds that could not be read, so inputs they carry were not recovered. */
  unread: string[];
};

/**
 * What Paved renders for the tenant today: its inputs recovered, as day 2
 * recovers them, from its entity and the objects onboarding labelled in its
 * namespaces, then rendered with onboarding's own renderTenant. Inputs
 * recovery reads (quota, container defaults, groups, egress) are taken from
 * the cluster, so drift in them reads as the tenant's inputs; every other
 * field the render sets is compared.
 */
export async function tenantDesired(
  tenant: string,
  entity: TenantEntity,
  namespaces: string[],
  reader: LiveReader,
): Promise<TenantDesired> {
  const objects: KubeObject[] = [];
  for (const name of namespaces) {
    let ns: unknown;
    try {
      ns = await reader.get({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    } catch (error) {
      // Without its namespaces nothing of the tenant can be recovered.
      if (error instanceof UnreadableError)
        throw new ClusterRequestError(
          `Reading namespace ${name}: ${error.message}`,
          error.statusCode,
        );
      throw error;
    }
    if (ns)
      objects.push({ apiVersion: 'v1', kind: 'Namespace', ...(ns as any) });
  }
  const present = objects.map(o => o.metadata.name);
  const selector = `${TENANT_LABEL}=${tenant},app.kubernetes.io/managed-by=${MANAGED_BY}`;
  const unread: string[] = [];
  await Promise.all(
    TENANT_KINDS.map(async k => {
      const only = typeof k.in === 'function' ? k.in(tenant) : k.in;
      for (const namespace of only ? [only] : present) {
        try {
          const items = await reader.list(
            { apiVersion: k.apiVersion, kind: k.kind, metadata: { namespace } },
            selector,
          );
          for (const item of items)
            objects.push({
              apiVersion: k.apiVersion,
              kind: k.kind,
              ...item,
            } as KubeObject);
        } catch (error) {
          if (!isRefusal(error)) throw error;
          if (!unread.includes(k.kind)) unread.push(k.kind);
        }
      }
    }),
  );
  const input = recoverTenantInput(tenant, entity, objects);
  return {
    desired: manifestObjects(renderTenant(input)),
    live: new Map(objects.map(o => [objectKey(o), o])),
    unread: unread.sort(),
  };
}

/** Paved's allow-list or the cluster refusing a list: that kind is unread. */
function isRefusal(error: unknown): boolean {
  if (error instanceof UnreadableError) return true;
  const e = error as { name?: string; statusCode?: number };
  return (
    e?.name === 'NotAllowedError' ||
    (e?.name === 'ClusterRequestError' && e.statusCode === 403)
  );
}
