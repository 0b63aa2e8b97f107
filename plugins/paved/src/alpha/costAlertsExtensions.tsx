import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import {
  PavedCostAlertsClient,
  pavedCostAlertsApiRef,
} from '../api/PavedCostAlertsClient';

/** The cost alerts client, as the signed-in user. */
export const costAlertsApi = ApiBlueprint.make({
  name: 'cost-alerts',
  params: defineParams =>
    defineParams({
      api: pavedCostAlertsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new PavedCostAlertsClient(deps),
    }),
});
