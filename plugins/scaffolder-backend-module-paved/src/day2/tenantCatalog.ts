import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { TenantEntity } from './recoverTenant';

/** The tenant's entity in the catalog: read it, and take it out. */
export interface TenantCatalog {
  /** The entity `resource:default/tenant-<name>`, or undefined when the catalog has none. */
  getTenant(
    tenant: string,
    credentials: BackstageCredentials,
  ): Promise<TenantEntity | undefined>;
  /**
   * Removes a tenant registered through the catalog module's route;
   * `absent` when that route holds none (a tenant of the GitOps path leaves
   * the catalog with its catalog-info.yaml).
   */
  unregisterTenant(
    tenant: string,
    credentials: BackstageCredentials,
  ): Promise<'deleted' | 'absent'>;
}

export const tenantEntityName = (tenant: string) => `tenant-${tenant}`;

/**
 * The catalog over HTTP, on behalf of the user who runs the template, so
 * the catalog's permissions (read, and `catalog.entity.delete` on the
 * tenant route) are checked for that user.
 */
export function httpTenantCatalog(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): TenantCatalog {
  const call = async (
    method: string,
    route: string,
    credentials: BackstageCredentials,
  ) => {
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'catalog',
    });
    const base = await deps.discovery.getBaseUrl('catalog');
    const res = await fetch(`${base}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  };
  const fail = (what: string, r: { status: number; body: any; text: string }) =>
    new Error(
      `${what} failed: ${r.status} ${
        r.body?.error?.message ?? r.text.slice(0, 300)
      }`,
    );
  return {
    async getTenant(tenant, credentials) {
      const name = tenantEntityName(tenant);
      const r = await call(
        'GET',
        `/entities/by-name/resource/default/${encodeURIComponent(name)}`,
        credentials,
      );
      if (r.status === 404) return undefined;
      if (r.status !== 200) throw fail(`Reading resource:default/${name}`, r);
      return r.body;
    },
    async unregisterTenant(tenant, credentials) {
      const name = tenantEntityName(tenant);
      const r = await call(
        'DELETE',
        `/paved/tenants/default/${encodeURIComponent(name)}`,
        credentials,
      );
      if (r.status === 404) return 'absent';
      if (r.status !== 200)
        throw fail(`Unregistering resource:default/${name}`, r);
      return 'deleted';
    },
  };
}
