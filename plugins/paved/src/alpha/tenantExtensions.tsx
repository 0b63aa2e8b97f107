import { isTenantResourceEntity } from '../components/tenant/tenantEntity';
import { pavedEntityCard } from './pavedBlueprints';

/** On tenant entities (Resources of type kubernetes-tenant) only. */
export const tenantCard = pavedEntityCard({
  feature: 'tenants',
  name: 'tenant',
  filter: isTenantResourceEntity,
  loader: () =>
    import('../components/tenant/EntityTenantCard').then(m => (
      <m.EntityTenantCard />
    )),
});
