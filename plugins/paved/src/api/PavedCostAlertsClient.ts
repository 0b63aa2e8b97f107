import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import type {
  CostAlertRecord,
  CostAlertsResponse,
} from '@paved/plugin-paved-common';
import { entityPath } from './pavedBackendFetch';

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

/** A failed alerts call, with the backend's own words. @public */
export class PavedCostAlertsError extends Error {
  readonly name = 'PavedCostAlertsError';
  constructor(message: string, readonly statusCode: number) {
    super(message);
  }
}

/** Calls `/api/paved/cost/alerts/...` as the signed-in user. @public */
export class PavedCostAlertsClient implements PavedCostAlertsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  private async call<T>(path: string, init?: RequestInit): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('paved');
    const response = await this.deps.fetchApi.fetch(
      `${base}/cost/alerts/${path}`,
      init,
    );
    if (!response.ok) {
      let message: string | undefined;
      try {
        message = (await response.json())?.error?.message;
      } catch {
        message = undefined;
      }
      throw new PavedCostAlertsError(
        response.status === 403 && init?.method === 'POST'
          ? 'Only the owners of this entity may snooze or dismiss its alerts.'
          : message ?? `Cost alerts: HTTP ${response.status}`,
        response.status,
      );
    }
    return response.json();
  }

  getAlerts(entity: CompoundEntityRef) {
    return this.call<CostAlertsResponse>(entityPath(entity));
  }

  snooze(entity: CompoundEntityRef, alertId: string, until: string) {
    return this.call<CostAlertRecord>(
      `${entityPath(entity)}/${encodeURIComponent(alertId)}/snooze`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ until }),
      },
    );
  }

  dismiss(entity: CompoundEntityRef, alertId: string) {
    return this.call<CostAlertRecord>(
      `${entityPath(entity)}/${encodeURIComponent(alertId)}/dismiss`,
      { method: 'POST' },
    );
  }
}
