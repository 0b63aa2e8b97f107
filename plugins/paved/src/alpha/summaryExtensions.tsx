import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isPavedSummaryEntity } from '../components/summary/summaryEntity';

/**
 * The status summary on Components: health, conformance, cost and claims as
 * chips. Its id is `entity-card:paved/summary`; list it first under
 * `app.extensions` in app-config.yaml to put it at the top of the Overview.
 */
export const summaryCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: isPavedSummaryEntity,
    loader: () =>
      import('../components/summary/EntityPavedSummaryCard').then(m => (
        <m.EntityPavedSummaryCard />
      )),
  },
});
