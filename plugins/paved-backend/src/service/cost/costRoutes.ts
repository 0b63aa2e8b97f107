import { pavedCostReadPermission } from '@paved/plugin-paved-common';
import { Request, Router } from 'express';
import { CostRequest, CostService } from './CostService';

type Authorize = (
  req: Request,
  permission: typeof pavedCostReadPermission,
) => Promise<CostRequest>;

/**
 * The cost routes, thin like the others: permission `paved.cost.read` for
 * the user, then the service. `window` is last7d, last30d or mtd; `tz` the
 * user's IANA zone (default UTC).
 */
export function addCostRoutes(
  router: Router,
  authorize: Authorize,
  cost: CostService,
): void {
  const params = (req: Request) => ({
    window: req.query.window,
    tz: req.query.tz,
  });

  router.get('/cost/entity/:namespace/:kind/:name', async (req, res) => {
    const request = await authorize(req, pavedCostReadPermission);
    const { namespace, kind, name } = req.params;
    res.json(
      await cost.entityCost({ namespace, kind, name }, params(req), request),
    );
  });

  router.get('/cost/cluster/:name', async (req, res) => {
    const request = await authorize(req, pavedCostReadPermission);
    res.json(await cost.clusterCost(req.params.name, params(req), request));
  });

  router.get('/cost/label/:label/:value', async (req, res) => {
    const request = await authorize(req, pavedCostReadPermission);
    res.json(
      await cost.labelCost(
        req.params.label,
        req.params.value,
        params(req),
        request,
      ),
    );
  });
}
