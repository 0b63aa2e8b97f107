import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
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
import {
  assertKnownCluster,
  CallContext,
  ClusterAccess,
} from '../clusters/ClusterAccess';
import { ResultCache } from '../clusters/ResultCache';
import { fanOut } from '../clusters/fanOut';
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

/** Who is asking, and the cluster credentials their request carried. */
export interface CostRequest {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  clusterAuthHeaders: Record<string, string>;
}

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

export class CostService {
  private readonly client: OpenCostClient;
  private readonly cache: ResultCache;

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      catalog: CatalogService;
      logger: LoggerService;
      options: CostOptions;
      now?: () => Date;
    },
  ) {
    this.client = new OpenCostClient(deps.access);
    this.cache = new ResultCache(deps.options.cacheTtlMs);
  }

  /**
   * One user's answer for a route and its parameters, reused for
   * `paved.cost.cacheTtl`; an answer with a cluster that timed out or failed
   * is not kept, so a passing failure does not stick.
   */
  private cached(
    route: string,
    params: CostParams,
    request: CostRequest,
    compute: () => Promise<Omit<CostResponse, 'entityRef'>>,
  ) {
    return this.cache.forUser(
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
    request: CostRequest,
  ): Promise<CostResponse> {
    const entity = await entityAsUser(
      this.deps.catalog,
      ref,
      request.credentials,
    );
    const entityRef = stringifyEntityRef(entity);
    const response = await this.cached(
      `entity:${entityRef}`,
      params,
      request,
      () => this.compute(costPlanOf(entity), params, request),
    );
    return { entityRef, ...response };
  }

  clusterCost(name: string, params: CostParams, request: CostRequest) {
    return this.cached(`cluster:${name}`, params, request, () =>
      this.compute({ type: 'cluster', cluster: name }, params, request),
    );
  }

  labelCost(
    label: string,
    value: string,
    params: CostParams,
    request: CostRequest,
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
    return this.cached(
      `label:${JSON.stringify([label, value])}`,
      params,
      request,
      () => this.compute({ type: 'label', label, value }, params, request),
    );
  }

  /** The component's workloads in one cluster, found by its label selector. */
  private async componentWorkloads(
    plan: Extract<CostPlan, { type: 'component' }>,
    cluster: string,
    known: readonly string[],
    ctx: CallContext,
  ) {
    const found: ClusterWork['workloads'] = [];
    await Promise.all(
      COST_WORKLOAD_KINDS.map(k =>
        this.deps.access.list(
          cluster,
          known,
          listPath(k.group, k.version, k.plural, plan.namespace),
          { labelSelector: plan.labelSelector },
          500,
          item => {
            // Jobs a CronJob made are the CronJob's; OpenCost still names the Job.
            found.push({
              namespace: item?.metadata?.namespace,
              controllerKind: k.kind,
              controller: item?.metadata?.name,
            });
          },
          ctx,
        ),
      ),
    );
    return found.filter(w => w.namespace && w.controller);
  }

  private async compute(
    plan: CostPlan,
    params: CostParams,
    request: CostRequest,
  ): Promise<Omit<CostResponse, 'entityRef'>> {
    const { access, options } = this.deps;
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
    const known = await access.listClusters(request);
    const only =
      plan.type === 'cluster' || plan.type === 'component'
        ? plan.cluster
        : undefined;
    if (plan.type === 'cluster') assertKnownCluster(plan.cluster, known);
    const clusters = only ? known.filter(c => c === only) : known;
    const mtdWindow =
      plan.type === 'tenant' ? monthToDate(now, window.zone) : undefined;

    const results = await fanOut(
      clusters,
      options.clusterTimeoutMs,
      request,
      async (cluster, ctx): Promise<ClusterWork> => {
        const target = options.target(cluster);
        let selector: CostSelector;
        let filter: string | undefined;
        let workloads: ClusterWork['workloads'] = [];
        if (plan.type === 'component') {
          workloads = await this.componentWorkloads(plan, cluster, known, ctx);
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
