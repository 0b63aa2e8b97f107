import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CostAlertRecord,
  CostAlertsResponse,
  pavedCostReadPermission,
} from '@paved/plugin-paved-common';
import { entityPath, PavedBackendClient } from './pavedBackendFetch';
import { entityLabel, PavedCallTexts } from './pavedErrorMessage';

/** An entity's cost alerts: list, snooze and dismiss. @public */
export interface PavedCostAlertsApi {
  getAlerts(entity: CompoundEntityRef): Promise<CostAlertsResponse>;
  /** Quiet until `until` (an ISO instant); sent again then if it still holds. */
  snooze(
    entity: CompoundEntityRef,
    alertId: string,
    until: string,
  ): Promise<CostAlertRecord>;
  /** Not sent again until the condition clears and returns. */
  dismiss(entity: CompoundEntityRef, alertId: string): Promise<CostAlertRecord>;
}

/** @public */
export const pavedCostAlertsApiRef = createApiRef<PavedCostAlertsApi>().with({
  id: 'plugin.paved.cost-alerts',
  pluginId: 'paved',
});

/** How an alerts call words its failures: mostly in the backend's words. */
function alertsCallTexts(
  entity: CompoundEntityRef,
  change?: 'snooze' | 'dismiss',
): PavedCallTexts {
  const ref = entityLabel(entity);
  if (change) {
    return {
      task: `${change} a cost alert of ${ref}`,
      forbidden:
        'Only the owners of this entity may snooze or dismiss its alerts.',
      backendSays: [400, 404, 409],
    };
  }
  return {
    task: `read the cost alerts of ${ref}`,
    subject: ref,
    forbidden: {
      action: 'read cost',
      permission: pavedCostReadPermission.name,
    },
    backendSays: 'always',
  };
}

/** Calls `/api/paved/cost/alerts/...` as the signed-in user. @public */
export class PavedCostAlertsClient
  extends PavedBackendClient
  implements PavedCostAlertsApi
{
  getAlerts(entity: CompoundEntityRef) {
    // Always asked anew: a snooze or dismissal a moment ago changed it.
    return this.read<CostAlertsResponse>(`/cost/alerts/${entityPath(entity)}`, {
      fresh: true,
      texts: alertsCallTexts(entity),
    });
  }

  snooze(entity: CompoundEntityRef, alertId: string, until: string) {
    return this.send<CostAlertRecord>(
      `/cost/alerts/${entityPath(entity)}/${encodeURIComponent(
        alertId,
      )}/snooze`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ until }),
      },
      alertsCallTexts(entity, 'snooze'),
    );
  }

  dismiss(entity: CompoundEntityRef, alertId: string) {
    return this.send<CostAlertRecord>(
      `/cost/alerts/${entityPath(entity)}/${encodeURIComponent(
        alertId,
      )}/dismiss`,
      { method: 'POST' },
      alertsCallTexts(entity, 'dismiss'),
    );
  }
}
