import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  budgetStatus,
  combineSummaries,
  compareCosts,
  CostClusterResult,
  CostCoverage,
  CostProblem,
  CostResponse,
  CostScope,
  CostSelector,
  CostWindowError,
  MaybeNumber,
  monthProgress,
  monthToDate,
  openCostWindowParam,
  previousCostWindow,
  resolveCostRange,
  resolveCostWindow,
  ResolvedCostWindow,
  sumMaybe,
  summarizeCost,
  CostSummary,
} from '@paved/plugin-paved-common';
import { assertKnownCluster } from '../clusters/ClusterAccess';
import { ClusterReader } from '../clusters/ClusterReader';
import { ClusterReadRequest } from '../clusters/ClusterReadRequest';
import {
  ClusterReadDeps,
  ClusterReadService,
} from '../clusters/ClusterReadService';
import { listPath } from '../clusters/paths';
import { classifyCostError } from './costErrors';
import { CostOptions } from './costOptions';
import {
  COST_WORKLOAD_KINDS,
  CostPlan,
  costPlanOf,
  namespaceFilter,
  tenantSelector,
} from './costScope';
import { assertLabelKey, assertLabelValue } from './labelRules';
import { OpenCostClient } from './OpenCostClient';
import { entityAsUser } from '../entityAsUser';

/**
 * Who is asking, and the cluster credentials their request carried.
 * @deprecated Use {@link ClusterReadRequest}, the one request type of every cluster read.
 */
export type CostRequest = ClusterReadRequest;

/**
 * Query parameters of the cost routes: `window` (a kind, or the name of an
 * explicit range), `start` and `end` (instants with an offset, both or
 * neither), `tz` (IANA zone) and `compare` (`previous` or `none`).
 */
export interface CostParams {
  window?: unknown;
  tz?: unknown;
  start?: unknown;
  end?: unknown;
  compare?: unknown;
}

interface ClusterWork {
  summary: CostSummary;
  workloads: {
    namespace: string;
    controllerKind: string;
    controller: string;
  }[];
  monthToDate?: { total: MaybeNumber; coverage: CostCoverage };
  /** With `compare=previous`: the previous period, accumulated. */
  previous?: CostSummary;
}

/** `compare`: `previous` asks for the previous period too; default none. */
function compareParam(v: unknown): boolean {
  if (v === undefined || v === 'none') return false;
  if (v === 'previous') return true;
  throw new InputError(`compare must be previous or none, got '${String(v)}'`);
}

/** Cluster failures that may pass on the next ask. */
const TRANSIENT_COST_PROBLEMS = new Set<CostProblem>([
  'timeout',
  'failed',
  'malformed',
]);

export class CostService extends ClusterReadService<
  ClusterReadDeps<CostOptions> & { now?: () => Date }
> {
  private readonly client: OpenCostClient;

  constructor(deps: ClusterReadDeps<CostOptions> & { now?: () => Date }) {
    super(deps);
    this.client = new OpenCostClient(deps.access);
  }

  /**
   * One user's answer for a route and its parameters, reused for
   * `paved.cost.cacheTtl`; an answer with a cluster that timed out or failed
   * is not kept, so a passing failure does not stick.
   */
  private cachedCost(
    route: string,
    params: CostParams,
    request: ClusterReadRequest,
    compute: () => Promise<Omit<CostResponse, 'entityRef'>>,
  ) {
    return this.cached(
      request,
      JSON.stringify([
        route,
        params.window ?? null,
        params.tz ?? null,
        params.start ?? null,
        params.end ?? null,
        params.compare ?? null,
      ]),
      compute,
      {
        // Lasting states (no OpenCost, forbidden) are kept like answers.
        keep: answer =>
          answer.clusters.every(
            c => c.ok || !TRANSIENT_COST_PROBLEMS.has(c.error.problem),
          ),
      },
    );
  }

  private window(params: CostParams, now: Date): ResolvedCostWindow {
    const zone = typeof params.tz === 'string' && params.tz ? params.tz : 'UTC';
    const kind = typeof params.window === 'string' ? params.window : undefined;
    const { start, end } = params;
    try {
      if (start !== undefined || end !== undefined) {
        // A range comes whole: half of one is a mistake, not a default.
        if (typeof start !== 'string' || !start) {
          throw new InputError('start is missing: give start and end together');
        }
        if (typeof end !== 'string' || !end) {
          throw new InputError('end is missing: give start and end together');
        }
        return resolveCostRange(
          { start, end, ...(kind ? { kind } : {}) },
          now,
          zone,
          this.deps.options.maxWindowDays,
        );
      }
      return resolveCostWindow(kind ?? 'mtd', now, zone);
    } catch (e) {
      if (e instanceof CostWindowError) throw new InputError(e.message);
      throw e;
    }
  }

  async entityCost(
    ref: CompoundEntityRef,
    params: CostParams,
    request: ClusterReadRequest,
  ): Promise<CostResponse> {
    const entity = await entityAsUser(
      this.deps.catalog,
      ref,
      request.credentials,
    );
    const entityRef = stringifyEntityRef(entity);
    const response = await this.cachedCost(
      `entity:${entityRef}`,
      params,
      request,
      () => this.compute(costPlanOf(entity), params, request),
    );
    return { entityRef, ...response };
  }

  clusterCost(name: string, params: CostParams, request: ClusterReadRequest) {
    return this.cachedCost(`cluster:${name}`, params, request, () =>
      this.compute({ type: 'cluster', cluster: name }, params, request),
    );
  }

  labelCost(
    label: string,
    value: string,
    params: CostParams,
    request: ClusterReadRequest,
  ) {
    // Kubernetes' rules first: a key or value no cluster can carry is a 400
    // saying which rule, not a 200 with zero cost.
    assertLabelKey(label);
    assertLabelValue(value);
    if (!this.deps.options.labels.includes(label)) {
      throw new InputError(
        `label must be one of ${this.deps.options.labels.join(
          ', ',
        )} (paved.cost.labels), got '${label}'`,
      );
    }
    if (!value) throw new InputError('value must not be empty');
    return this.cachedCost(
      `label:${JSON.stringify([label, value])}`,
      params,
      request,
      () => this.compute({ type: 'label', label, value }, params, request),
    );
  }

  /** The component's workloads in one cluster, found by its label selector. */
  private async componentWorkloads(
    plan: Extract<CostPlan, { type: 'component' }>,
    reader: ClusterReader,
  ) {
    const found: ClusterWork['workloads'] = [];
    await Promise.all(
      COST_WORKLOAD_KINDS.map(k =>
        reader.list(
          listPath(k.group, k.version, k.plural, plan.namespace),
          item => {
            // Jobs a CronJob made are the CronJob's; OpenCost still names the Job.
            found.push({
              namespace: item?.metadata?.namespace,
              controllerKind: k.kind,
              controller: item?.metadata?.name,
            });
          },
          { labelSelector: plan.labelSelector },
        ),
      ),
    );
    return found.filter(w => w.namespace && w.controller);
  }

  private async compute(
    plan: CostPlan,
    params: CostParams,
    request: ClusterReadRequest,
  ): Promise<Omit<CostResponse, 'entityRef'>> {
    const { options } = this.deps;
    const now = this.deps.now?.() ?? new Date();
    const window = this.window(params, now);
    const compare = compareParam(params.compare);
    const previous = compare ? previousCostWindow(window) : undefined;
    const previousWindow: ResolvedCostWindow | undefined = previous && {
      kind: window.kind,
      zone: window.zone,
      start: previous.start,
      end: previous.end,
      // Accumulated: one step, no days to show.
      days: [],
    };
    const only =
      plan.type === 'cluster' || plan.type === 'component'
        ? plan.cluster
        : undefined;
    const mtdWindow =
      plan.type === 'tenant' ? monthToDate(now, window.zone) : undefined;

    const { results } = await this.readClusters(
      request,
      known => {
        if (plan.type === 'cluster') assertKnownCluster(plan.cluster, known);
        // A component's pin the user may not list is no cluster, not a 404.
        return only ? known.filter(c => c === only) : known;
      },
      // Pages of DEFAULT_LIST_PAGE_SIZE: cost has no paved.clusterAccess.pageSize.
      async (reader): Promise<ClusterWork> => {
        const { cluster, known, ctx } = reader;
        const target = options.target(cluster);
        let selector: CostSelector;
        let filter: string | undefined;
        let workloads: ClusterWork['workloads'] = [];
        if (plan.type === 'component') {
          workloads = await this.componentWorkloads(plan, reader);
          selector = { type: 'workloads', workloads };
          filter = namespaceFilter([
            ...new Set(workloads.map(w => w.namespace)),
          ]);
        } else if (plan.type === 'tenant') {
          selector = tenantSelector(plan);
          filter = namespaceFilter(plan.namespaces);
        } else if (plan.type === 'label') {
          selector = { type: 'label', label: plan.label, value: plan.value };
        } else {
          selector = { type: 'cluster' };
        }
        const query = {
          aggregate: 'namespace,controller',
          includeIdle: true,
          ...(filter ? { filter } : {}),
        };
        // A tenant's month to date (when the window is not the month) is
        // asked at the same time as the window, not after it.
        const mtdIsWindow =
          window.kind === 'mtd' &&
          mtdWindow !== undefined &&
          Date.parse(window.start) === Date.parse(mtdWindow.start);
        const [sets, monthSets, previousSets] = await Promise.all([
          this.client.allocations(
            cluster,
            known,
            target,
            {
              ...query,
              window: openCostWindowParam(window),
              step: '1d',
              accumulate: false,
            },
            ctx,
          ),
          mtdWindow && !mtdIsWindow
            ? this.client.allocations(
                cluster,
                known,
                target,
                {
                  ...query,
                  window: openCostWindowParam(mtdWindow),
                  accumulate: true,
                },
                ctx,
              )
            : undefined,
          // The previous period in one accumulated step: its total, parts
          // and workloads are all the comparison needs.
          previousWindow
            ? this.client.allocations(
                cluster,
                known,
                target,
                {
                  ...query,
                  window: openCostWindowParam(previousWindow),
                  accumulate: true,
                },
                ctx,
              )
            : undefined,
        ]);
        const summary = summarizeCost(sets, selector, window);
        let mtd: ClusterWork['monthToDate'];
        if (mtdWindow) {
          if (!monthSets) {
            mtd = { total: summary.costs.total, coverage: summary.coverage };
          } else {
            const month = summarizeCost(monthSets, selector, mtdWindow);
            mtd = { total: month.costs.total, coverage: month.coverage };
          }
        }
        return {
          summary,
          workloads,
          ...(mtd ? { monthToDate: mtd } : {}),
          ...(previousSets && previousWindow
            ? {
                previous: summarizeCost(previousSets, selector, previousWindow),
              }
            : {}),
        };
      },
    );

    const clusterResults: CostClusterResult[] = results.map(r => {
      const target = options.target(r.cluster);
      const source = this.client.source(target);
      return r.ok
        ? { cluster: r.cluster, ok: true, source, summary: r.data.summary }
        : {
            cluster: r.cluster,
            ok: false,
            source,
            error: classifyCostError(r.cluster, r.error, target),
          };
    });
    for (const r of clusterResults) {
      if (!r.ok) {
        this.deps.logger.info(
          `Cost of cluster ${r.cluster}: ${r.error.problem}: ${r.error.message}`,
        );
      }
    }
    const ok = results.flatMap(r => (r.ok ? [r.data] : []));
    const allAnswered = ok.length === results.length && results.length > 0;
    const response: Omit<CostResponse, 'entityRef'> = {
      scope: this.scopeOf(plan, ok),
      window,
      currency: options.currency,
      clusters: clusterResults,
      total: combineSummaries(
        ok.map(w => w.summary),
        window,
      ),
      complete: allAnswered && ok.every(w => w.summary.coverage.complete),
      ...(options.conversion ? { conversion: options.conversion } : {}),
    };
    if (previous && previousWindow) {
      const before = combineSummaries(
        ok.map(w => w.previous!),
        previousWindow,
      );
      response.comparison =
        response.total && before
          ? compareCosts(response.total, before, {
              ...previous,
              complete:
                allAnswered && ok.every(w => w.previous!.coverage.complete),
            })
          : null;
    }
    if (plan.type === 'tenant') {
      const months = ok.map(w => w.monthToDate!);
      let incomplete:
        | 'clusters-missing'
        | 'data-starts-after-month-start'
        | undefined;
      if (!allAnswered) incomplete = 'clusters-missing';
      else if (months.some(m => !m.coverage.complete))
        incomplete = 'data-starts-after-month-start';
      response.budget = budgetStatus({
        monthlyBudget: plan.monthlyBudget,
        monthToDate: months.length ? sumMaybe(months.map(m => m.total)) : null,
        progress: monthProgress(now, window.zone),
        ...(incomplete ? { incomplete } : {}),
      });
    }
    return response;
  }

  private scopeOf(plan: CostPlan, ok: ClusterWork[]): CostScope {
    if (plan.type === 'component') {
      const workloads = ok.flatMap(w => w.workloads);
      return {
        type: 'component',
        namespaces: [...new Set(workloads.map(w => w.namespace))].sort(),
        workloads,
      };
    }
    return plan;
  }
}
