import { hasCost } from '../components/cost/entityFilters';
import { pavedEntityCard, pavedEntityContent } from './pavedBlueprints';

/** On tenants, Components with workloads and cluster Resources. */
export const costCard = pavedEntityCard({
  feature: 'cost',
  name: 'cost',
  filter: hasCost,
  loader: () =>
    import('../components/cost/EntityCostCard').then(m => <m.EntityCostCard />),
});

/** The Cost tab: every workload, its share and right-sizing advice. */
export const costContent = pavedEntityContent({
  feature: 'cost',
  name: 'cost',
  path: '/cost',
  title: 'Cost',
  filter: hasCost,
  loader: () =>
    import('../components/cost/EntityCostContent').then(m => (
      <m.EntityCostContent />
    )),
});
