import { RootConfigService } from '@backstage/backend-plugin-api';
import { CostConversion } from '@paved/plugin-paved-common';
import { readDurationMs } from '../clusters/options';

export type OpenCostEndpoint = '/allocation' | '/allocation/compute';

/** Where OpenCost's Service is, for the Kubernetes API service proxy. */
export interface OpenCostServiceRef {
  namespace: string;
  service: string;
  port: string;
}

/** How one cluster's OpenCost is reached. */
export interface OpenCostTarget {
  /** Set: call OpenCost directly there. Unset: through the service proxy. */
  baseUrl?: string;
  endpoint: OpenCostEndpoint;
  service: OpenCostServiceRef;
}

export interface CostOptions {
  currency: string;
  clusterTimeoutMs: number;
  /** How long a user's cost answer is reused; 0 turns the cache off. */
  cacheTtlMs: number;
  /** Labels the `/cost/label` route may group by (team, cost centre). */
  labels: string[];
  /** Longest window a `start`/`end` range may span, in days. */
  maxWindowDays: number;
  /** Set when `paved.cost.displayCurrency` differs from `currency`. */
  conversion?: CostConversion;
  target(cluster: string): OpenCostTarget;
}

export const DEFAULT_OPENCOST_SERVICE: OpenCostServiceRef = {
  namespace: 'opencost',
  service: 'opencost',
  port: '9003',
};
const DEFAULT_TIMEOUT_MS = 15_000;
/** OpenCost aggregates by the minute at best; a page's cards ask at once. */
const DEFAULT_CACHE_TTL_MS = 60_000;
/** 90 days and the longest three months; OpenCost keeps 15 days by default. */
export const DEFAULT_MAX_WINDOW_DAYS = 92;
export const DEFAULT_COST_LABELS = ['paved.dev/team', 'paved.dev/cost-center'];

type Cfg = ReturnType<RootConfigService['getOptionalConfig']>;

function readEndpoint(cfg: Cfg, key: string): OpenCostEndpoint | undefined {
  const v = cfg?.getOptionalString(key);
  if (v === undefined) return undefined;
  if (v !== '/allocation' && v !== '/allocation/compute') {
    throw new Error(
      `paved.cost.${key} must be '/allocation' or '/allocation/compute', got '${v}'`,
    );
  }
  return v;
}

function readService(
  cfg: Cfg,
  fallback: OpenCostServiceRef,
): OpenCostServiceRef {
  const s = cfg?.getOptionalConfig('service');
  return {
    namespace: s?.getOptionalString('namespace') ?? fallback.namespace,
    service: s?.getOptionalString('name') ?? fallback.service,
    port: String(s?.getOptional('port') ?? fallback.port),
  };
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * `paved.cost.displayCurrency` and `paved.cost.rates`: the rate to show
 * amounts in another currency, from config only (Paved fetches no rates).
 */
function readConversion(cfg: Cfg, from: string): CostConversion | undefined {
  const to = cfg?.getOptionalString('displayCurrency');
  const ratesCfg = cfg?.getOptionalConfig('rates');
  const rates = new Map<string, number>();
  for (const code of ratesCfg?.keys() ?? []) {
    if (!CURRENCY.test(code)) {
      throw new Error(
        `paved.cost.rates keys must be ISO 4217 codes such as EUR, got '${code}'`,
      );
    }
    const rate = ratesCfg!.getOptional(code);
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      throw new Error(
        `paved.cost.rates.${code} must be a positive number (${code} per 1 ${from}), got '${String(
          rate,
        )}'`,
      );
    }
    rates.set(code, rate);
  }
  if (to === undefined || to === from) return undefined;
  if (!CURRENCY.test(to)) {
    throw new Error(
      `paved.cost.displayCurrency must be an ISO 4217 code such as EUR, got '${to}'`,
    );
  }
  const rate = rates.get(to);
  if (rate === undefined) {
    throw new Error(
      `paved.cost.displayCurrency is ${to} but paved.cost.rates has no ${to} rate (${to} per 1 ${from})`,
    );
  }
  return { from, to, rate, source: 'config' };
}

/** Reads `paved.cost`; see config.d.ts. */
export function readCostOptions(config: RootConfigService): CostOptions {
  const cost = config.getOptionalConfig('paved.cost');
  const currency = cost?.getOptionalString('currency') ?? 'USD';
  if (!CURRENCY.test(currency)) {
    throw new Error(
      `paved.cost.currency must be an ISO 4217 code such as USD or EUR, got '${currency}'`,
    );
  }
  const clusterTimeoutMs = readDurationMs(
    cost,
    'clusterTimeout',
    DEFAULT_TIMEOUT_MS,
    'paved.cost',
  );
  if (!(clusterTimeoutMs > 0)) {
    throw new Error('paved.cost.clusterTimeout must be a positive duration');
  }
  const endpoint = readEndpoint(cost, 'endpoint') ?? '/allocation';
  const service = readService(cost, DEFAULT_OPENCOST_SERVICE);
  const perCluster = new Map<string, OpenCostTarget>();
  for (const c of cost?.getOptionalConfigArray('clusters') ?? []) {
    const name = c.getString('name');
    const baseUrl = c.getOptionalString('baseUrl');
    if (baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(baseUrl)) {
      throw new Error(
        `paved.cost.clusters[${name}].baseUrl must be an http(s) URL, got '${baseUrl}'`,
      );
    }
    perCluster.set(name, {
      ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
      endpoint: readEndpoint(c, 'endpoint') ?? endpoint,
      service: readService(c, service),
    });
  }
  const cacheTtlMs = readDurationMs(
    cost,
    'cacheTtl',
    DEFAULT_CACHE_TTL_MS,
    'paved.cost',
  );
  if (!(cacheTtlMs >= 0)) {
    throw new Error('paved.cost.cacheTtl must be a duration of 0 or more');
  }
  const maxWindowDays =
    cost?.getOptionalNumber('maxWindowDays') ?? DEFAULT_MAX_WINDOW_DAYS;
  if (!Number.isInteger(maxWindowDays) || maxWindowDays < 1) {
    throw new Error(
      `paved.cost.maxWindowDays must be a whole number of days, 1 or more, got '${maxWindowDays}'`,
    );
  }
  const conversion = readConversion(cost, currency);
  return {
    currency,
    clusterTimeoutMs,
    cacheTtlMs,
    maxWindowDays,
    ...(conversion ? { conversion } : {}),
    labels: cost?.getOptionalStringArray('labels') ?? DEFAULT_COST_LABELS,
    target: cluster => perCluster.get(cluster) ?? { endpoint, service },
  };
}
