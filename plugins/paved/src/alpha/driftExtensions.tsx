import { isDriftEntity } from '../components/drift/driftEntity';
import { pavedEntityCard } from './pavedBlueprints';

/** On tenants and clusters: what Paved rendered for them, against the cluster. */
export const driftCard = pavedEntityCard({
  feature: 'drift',
  name: 'drift',
  filter: isDriftEntity,
  loader: () =>
    import('../components/drift/EntityDriftCard').then(m => (
      <m.EntityDriftCard />
    )),
});
