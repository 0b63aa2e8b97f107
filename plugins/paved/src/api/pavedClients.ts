import { ApiRef } from '@backstage/core-plugin-api';
import { PavedBackendDeps } from './pavedBackendFetch';
import {
  pavedCostAlertsApiRef,
  PavedCostAlertsClient,
} from './PavedCostAlertsClient';
import { pavedCostApiRef, PavedCostClient } from './PavedCostClient';
import {
  pavedCrossplaneApiRef,
  PavedCrossplaneClient,
} from './PavedCrossplaneClient';
import { pavedDriftApiRef, PavedDriftClient } from './PavedDriftClient';
import {
  pavedEvidenceApiRef,
  PavedEvidenceClient,
} from './PavedEvidenceClient';
import { pavedFleetApiRef, PavedFleetClient } from './PavedFleetClient';
import { pavedGitOpsApiRef, PavedGitOpsClient } from './PavedGitOpsClient';
import { pavedHealthApiRef, PavedHealthClient } from './PavedHealthClient';
import { pavedTenantApiRef, PavedTenantClient } from './PavedTenantClient';

/** One Paved client as both frontend systems register it. */
export interface PavedClientSpec<T> {
  /** The extension's name in the new frontend system (`api:paved/<name>`). */
  name: string;
  api: ApiRef<T>;
  create: (deps: PavedBackendDeps) => T;
  /** Sends the user's cluster tokens (default true). */
  clusterTokens?: boolean;
}

function client<T>(
  name: string,
  api: ApiRef<T>,
  Client: new (deps: PavedBackendDeps) => T,
  clusterTokens = true,
): PavedClientSpec<T> {
  return { name, api, create: deps => new Client(deps), clusterTokens };
}

/**
 * Every Paved client, in one list that `plugin.ts` (legacy) and `alpha/`
 * (new frontend system) both register: a new feature's client is one more
 * line here.
 */
export const PAVED_CLIENTS: PavedClientSpec<unknown>[] = [
  client('health', pavedHealthApiRef, PavedHealthClient),
  client('crossplane', pavedCrossplaneApiRef, PavedCrossplaneClient),
  client('cost', pavedCostApiRef, PavedCostClient),
  // Alerts are the Paved backend's own records: no cluster is read.
  client('cost-alerts', pavedCostAlertsApiRef, PavedCostAlertsClient, false),
  client('tenant', pavedTenantApiRef, PavedTenantClient),
  client('fleet', pavedFleetApiRef, PavedFleetClient),
  client('gitops', pavedGitOpsApiRef, PavedGitOpsClient),
  client('drift', pavedDriftApiRef, PavedDriftClient),
  client('evidence', pavedEvidenceApiRef, PavedEvidenceClient),
];
