import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  pavedTenantReadPermission,
  TenantPageResponse,
} from '@paved/plugin-paved-common';
import { PavedBackendClient, PavedEntityRead } from './pavedBackendFetch';
import { entityErrorMessage, PavedCallTexts } from './pavedErrorMessage';

/**
 * `GET /api/paved/tenants/entity/:namespace/:kind/:name`: a tenant's quota
 * use, isolation tier, who can do what and guardrail violations, per cluster.
 * @public
 */
export type PavedTenantResponse = TenantPageResponse;

/** Reads a tenant's page from Paved's backend plugin. @public */
export interface PavedTenantApi {
  getTenant: PavedEntityRead<PavedTenantResponse>;
}

/** @public */
export const pavedTenantApiRef = createApiRef<PavedTenantApi>().with({
  id: 'plugin.paved.tenant',
  pluginId: 'paved',
});

/** How a tenant call (`ref`: the tenant entity) words its failures. */
const tenantCallTexts = (ref: string): PavedCallTexts => ({
  task: `read the tenant ${ref}`,
  forbidden: {
    action: "read this tenant's page",
    permission: pavedTenantReadPermission.name,
    holders: "the tenant's owners and platform admins",
  },
  // The backend names what the tenant entity is missing.
  backendSays: [400, 404],
});

/** The message for a status, in the user's terms. @public */
export const tenantErrorMessage = entityErrorMessage(tenantCallTexts);

/**
 * Calls Paved's tenant route with the Backstage fetch API, so the signed-in
 * user's token goes along, plus the user's own cluster tokens where clusters
 * need them (see `kubernetesAuthHeaders`).
 * @public
 */
export class PavedTenantClient
  extends PavedBackendClient
  implements PavedTenantApi
{
  getTenant: PavedTenantApi['getTenant'] = (entity, options) =>
    this.readEntity('tenants', entity, tenantCallTexts, options);
}
