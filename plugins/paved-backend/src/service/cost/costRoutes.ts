import {
  pavedCostLabelReadPermission,
  pavedCostReadPermission,
} from '@paved/plugin-paved-common';
import { Request, Router } from 'express';
import { singleQueryParam } from '../http/queryParams';
import { AuthorizeRead } from '../clusters/ClusterReadRequest';
import { CostParams, CostService } from './CostService';

type Authorize = AuthorizeRead<
  typeof pavedCostReadPermission | typeof pavedCostLabelReadPermission
>;

/**
 * `window`, `tz`, `start`, `end` and `compare`, each given at most once: a
 * repeated, array or object parameter is a 400 naming it, not a silent
 * default.
 */
export function costParamsOf(req: Request): CostParams {
  return {
    window: singleQueryParam(req.query, 'window'),
    tz: singleQueryParam(req.query, 'tz'),
    start: singleQueryParam(req.query, 'start'),
    end: singleQueryParam(req.query, 'end'),
    compare: singleQueryParam(req.query, 'compare'),
  };
}

/**
 * The cost routes, thin like the others: permission `paved.cost.read` for
 * the user (`paved.cost.label.read` for a label's cost), then the service.
 * `window` is a kind (last7d, last30d, mtd, today, yesterday, wtd, lastMonth,
 * last90d) or, with `start` and `end` (instants with an offset, at most
 * `paved.cost.maxWindowDays` apart), the name of that range; `tz` the user's
 * IANA zone (default UTC); `compare=previous` adds the previous period.
 * Parameters are read after the permission check: an anonymous caller
 * learns nothing about what a well-formed request looks like.
 */
export function addCostRoutes(
  router: Router,
  authorize: Authorize,
  cost: CostService,
): void {
  router.get('/cost/entity/:namespace/:kind/:name', async (req, res) => {
    const request = await authorize(req, pavedCostReadPermission);
    const params = costParamsOf(req);
    const { namespace, kind, name } = req.params;
    res.json(await cost.entityCost({ namespace, kind, name }, params, request));
  });

  router.get('/cost/cluster/:name', async (req, res) => {
    const request = await authorize(req, pavedCostReadPermission);
    const params = costParamsOf(req);
    res.json(await cost.clusterCost(req.params.name, params, request));
  });

  router.get('/cost/label/:label/:value', async (req, res) => {
    const request = await authorize(req, pavedCostLabelReadPermission);
    const params = costParamsOf(req);
    const { label, value } = req.params;
    // The service checks the label key and value against Kubernetes' rules.
    res.json(await cost.labelCost(label, value, params, request));
  });
}
