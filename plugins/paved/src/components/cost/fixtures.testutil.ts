import { Entity } from '@backstage/catalog-model';
import {
  budgetStatus,
  compareCosts,
  CostResponse,
  monthProgress,
  OpenCostAllocation,
  resolveCostWindow,
  summarizeCost,
} from '@paved/plugin-paved-common';

export const NOW = '2026-11-21T10:00:00Z';
export const ZONE = 'Europe/Berlin';

export const tenantEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: {
      'paved.dev/tenant': 'shop',
      'paved.dev/namespaces': 'payments',
      'paved.dev/monthly-budget': '40',
    },
  },
  spec: { owner: 'payments-team' },
};

export const componentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
  },
  spec: { type: 'service', owner: 'payments-team', lifecycle: 'production' },
};

function alloc(
  name: string,
  day: string,
  extra: Partial<OpenCostAllocation> = {},
): OpenCostAllocation {
  const start = `${day}T00:00:00+01:00`;
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  const [ns, ctrl] = name.split('/');
  const [kind, controller] = (ctrl ?? '').split(':');
  return {
    name,
    properties: {
      cluster: 'paved-local',
      namespace: ns,
      controllerKind: kind,
      controller,
    },
    window: { start, end },
    start,
    end,
    minutes: 1440,
    cpuCoreHours: 18,
    ramByteHours: 36 * 2 ** 30,
    cpuCost: 1,
    gpuCost: 0,
    ramCost: 0.5,
    pvCost: 0.25,
    networkCost: 0.05,
    loadBalancerCost: 0,
    sharedCost: 0,
    externalCost: 0,
    totalCost: 1.8,
    cpuCoreRequestAverage: 0.75,
    cpuCoreUsageAverage: 0.15,
    ramByteRequestAverage: 1.5 * 2 ** 30,
    ramByteUsageAverage: 0.75 * 2 ** 30,
    cpuEfficiency: 0.2,
    ramEfficiency: 0.5,
    totalEfficiency: 0.3,
    ...extra,
  };
}

/** A month-to-date answer for a tenant: days 1..21, one of them unknown. */
export function tenantResponse(): CostResponse {
  const window = resolveCostWindow('mtd', NOW, ZONE);
  const sets = window.days.map(day => ({
    start: `${day}T00:00:00+01:00`,
    end: new Date(
      Date.parse(`${day}T00:00:00+01:00`) + 86_400_000,
    ).toISOString(),
    allocations:
      day === '2026-11-10'
        ? []
        : [alloc('payments/deployment:payments-api', day)],
  }));
  const summary = summarizeCost(
    sets,
    { type: 'namespaces', namespaces: ['payments'] },
    window,
  );
  return {
    entityRef: 'system:default/shop',
    scope: {
      type: 'tenant',
      tenant: 'shop',
      namespaces: ['payments'],
      monthlyBudget: 40,
    },
    window,
    currency: 'EUR',
    clusters: [
      {
        cluster: 'paved-local',
        ok: true,
        source: { via: 'service-proxy', endpoint: '/allocation' },
        summary,
      },
      {
        cluster: 'prod-eu',
        ok: false,
        error: {
          name: 'ClusterRequestError',
          statusCode: 404,
          problem: 'opencost-not-found',
          message:
            'OpenCost was not found in cluster \'prod-eu\' behind the Service opencost/opencost:9003 (/allocation): HTTP 404: services "opencost" not found. Install OpenCost there (helm install opencost opencost/opencost --namespace opencost --create-namespace), or set paved.cost.clusters[].baseUrl or .service to where it runs.',
        },
      },
    ],
    total: summary,
    complete: false,
    budget: budgetStatus({
      monthlyBudget: 40,
      monthToDate: summary.costs.total,
      progress: monthProgress(NOW, ZONE),
    }),
  };
}

/**
 * The last 7 days of a component against the 7 before: payments-api costs
 * more (1.80 a day against 1.50), ledger-worker is new and old-cron gone.
 */
export function comparedResponse(): CostResponse {
  const window = resolveCostWindow('last7d', NOW, ZONE);
  const stepsOf = (days: string[], names: [string, number][]) =>
    days.map(day => ({
      start: `${day}T00:00:00+01:00`,
      end: new Date(
        Date.parse(`${day}T00:00:00+01:00`) + 86_400_000,
      ).toISOString(),
      allocations: names.map(([n, total]) =>
        alloc(n, day, {
          cpuCost: total * 0.5,
          totalCost: total,
        }),
      ),
    }));
  const selector = { type: 'namespaces' as const, namespaces: ['payments'] };
  const current = summarizeCost(
    stepsOf(window.days, [
      ['payments/deployment:payments-api', 1.8],
      ['payments/deployment:ledger-worker', 1],
    ]),
    selector,
    window,
  );
  const before = resolveCostWindow('last7d', '2026-11-14T10:00:00Z', ZONE);
  const previous = summarizeCost(
    stepsOf(before.days, [
      ['payments/deployment:payments-api', 1.5],
      ['payments/cronjob:old-cron', 0.5],
    ]),
    selector,
    before,
  );
  return {
    ...tenantResponse(),
    entityRef: 'component:default/payments-api',
    budget: undefined,
    window,
    currency: 'USD',
    clusters: [
      {
        cluster: 'paved-local',
        ok: true,
        source: { via: 'service-proxy', endpoint: '/allocation' },
        summary: current,
      },
    ],
    total: current,
    complete: true,
    comparison: compareCosts(current, previous, {
      start: before.start,
      end: before.end,
      label: 'previous 7 days',
      complete: true,
    }),
  };
}
