import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { isDns1123Label } from '@paved/plugin-paved-common';
import { TenantInput } from '../render/tenant';
import { KubeObject, RenderedFile } from '../render/types';
import {
  TENANT_CLAIM_API_VERSION,
  TENANT_CLAIM_KIND,
  TENANT_CLAIM_NAMESPACE,
} from '../render/tenant/claim';
import { UnknownTenantError } from './errors';
import {
  recoverTenantInput,
  TenantEntity,
  tenantNamespaces,
} from './recoverTenant';
import { TenantCatalog, tenantEntityName } from './tenantCatalog';
import { TenantCluster } from './tenantCluster';

export type LoadedTenant = {
  entity: TenantEntity;
  namespaces: string[];
  /** What onboarding labelled for the tenant, as the cluster has it now. */
  objects: KubeObject[];
  /** The inputs the tenant was onboarded (or last changed) with. */
  input: TenantInput;
};

/**
 * Finds a tenant by name: its entity in the catalog, its objects in the
 * cluster, and the inputs they were rendered from. Refuses a name that is
 * not a tenant, or a tenant that lives on another cluster.
 */
export async function loadTenant(args: {
  tenant: unknown;
  cluster: TenantCluster;
  catalog: TenantCatalog;
  credentials: BackstageCredentials;
}): Promise<LoadedTenant> {
  const { tenant, cluster, catalog, credentials } = args;
  if (typeof tenant !== 'string' || !isDns1123Label(tenant)) {
    throw new InputError(
      `name: ${JSON.stringify(
        tenant,
      )} must be a tenant name (a DNS-1123 label)`,
    );
  }
  const entity = await catalog.getTenant(tenant, credentials);
  if (!entity) {
    throw new UnknownTenantError(
      tenant,
      `the catalog has no resource:default/${tenantEntityName(tenant)}`,
    );
  }
  const on = entity.metadata.annotations?.['backstage.io/kubernetes-cluster'];
  if (on && on !== cluster.cluster.name) {
    throw new InputError(
      `cluster: tenant ${tenant} lives on cluster "${on}", not "${cluster.cluster.name}". Nothing was changed`,
    );
  }
  // Crossplane owns a claim-delivered tenant's objects: applying them here
  // would fight its Composition, so day 2 goes through the claim instead.
  const claim = {
    apiVersion: TENANT_CLAIM_API_VERSION,
    kind: TENANT_CLAIM_KIND,
    metadata: { name: tenant, namespace: TENANT_CLAIM_NAMESPACE },
  };
  if (await cluster.exists(claim)) {
    throw new InputError(
      `name: tenant ${tenant} is delivered as the Tenant claim ${TENANT_CLAIM_NAMESPACE}/${tenant}; change or delete that claim instead. Nothing was changed`,
    );
  }
  const namespaces = tenantNamespaces(entity);
  const objects = await cluster.readTenantObjects(tenant, namespaces);
  return {
    entity,
    namespaces,
    objects,
    input: recoverTenantInput(tenant, entity, objects),
  };
}

/** The Kubernetes objects of rendered files (README and catalog-info.yaml carry none). */
export const manifestObjects = (files: RenderedFile[]): KubeObject[] =>
  files.flatMap(f => f.objects ?? []);
