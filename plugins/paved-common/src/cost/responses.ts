import type { ClusterError } from '../clusters/results';
import type { CostComparison } from './comparison';
import type { CostConversion } from './currency';
import type { BudgetStatus } from './projection';
import type { CostSummary } from './summary';
import type { ResolvedCostWindow } from './windows';

/*
 * The envelopes of Paved's cost routes, shared by the backend that builds
 * them and the frontend that reads them.
 */

/** Whose cost it is, and how its allocations were picked. */
export type CostScope =
  | {
      type: 'component';
      namespaces: string[];
      workloads: {
        namespace: string;
        controllerKind: string;
        controller: string;
      }[];
    }
  | {
      type: 'tenant';
      tenant: string;
      namespaces: string[];
      monthlyBudget?: number;
    }
  | { type: 'label'; label: string; value: string }
  | { type: 'cluster'; cluster: string };

/** Why a cluster has no cost figures, so the card can say what to do. */
export type CostProblem =
  /** No OpenCost service (or nothing behind it): install and configure it. */
  | 'opencost-not-found'
  | 'timeout'
  /** OpenCost or the way to it answered an error. */
  | 'failed'
  /** OpenCost answered something that is not a valid allocation response. */
  | 'malformed'
  | 'forbidden';

export interface CostClusterError extends ClusterError {
  problem: CostProblem;
}

/** How Paved reached one cluster's OpenCost. */
export interface CostSource {
  via: 'service-proxy' | 'base-url';
  endpoint: '/allocation' | '/allocation/compute';
}

export type CostClusterResult =
  | { cluster: string; ok: true; source: CostSource; summary: CostSummary }
  | {
      cluster: string;
      ok: false;
      source?: CostSource;
      error: CostClusterError;
    };

/**
 * `GET /api/paved/cost/entity/:namespace/:kind/:name` and
 * `GET /api/paved/cost/cluster/:name`.
 */
export interface CostResponse {
  entityRef?: string;
  scope: CostScope;
  window: ResolvedCostWindow;
  /** ISO 4217 code from `paved.cost.currency`. */
  currency: string;
  clusters: CostClusterResult[];
  /** Sum over the clusters that answered; null when none did. */
  total: CostSummary | null;
  /** Every cluster answered and its data covers the whole window. */
  complete: boolean;
  /** Tenants only: the month against the monthly budget. */
  budget?: BudgetStatus;
  /**
   * With `compare=previous`: the total, each kind of cost and each workload
   * against the previous period of equal length; null when no cluster
   * answered for one of the periods.
   */
  comparison?: CostComparison | null;
  /** Set when `paved.cost.displayCurrency` differs from `currency`. */
  conversion?: CostConversion;
}
