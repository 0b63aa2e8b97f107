import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  pavedConformanceReadPermission,
  pavedCostReadPermission,
  pavedCrossplaneReadPermission,
  pavedHealthReadPermission,
} from '@paved/plugin-paved-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { clusterAuthHeadersOf } from './service/clusters/ClusterAccess';
import { ConformanceService } from './service/conformance/ConformanceService';
import { addCostRoutes } from './service/cost/costRoutes';
import { CostService } from './service/cost/CostService';
import { CrossplaneService } from './service/crossplane/CrossplaneService';
import { HealthRequest, HealthService } from './service/health/HealthService';

/** A thin router: who is asking, may they, then the service. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  health: HealthService;
  conformance: ConformanceService;
  crossplane: CrossplaneService;
  cost: CostService;
}): Promise<express.Router> {
  const { httpAuth, permissions, health, conformance, crossplane } = deps;
  const router = Router();

  // Health is read for a person: a service identity may not stand in.
  const authorize = async (
    req: Request,
    permission:
      | typeof pavedHealthReadPermission
      | typeof pavedConformanceReadPermission
      | typeof pavedCrossplaneReadPermission
      | typeof pavedCostReadPermission = pavedHealthReadPermission,
  ): Promise<HealthRequest> => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return {
      credentials,
      clusterAuthHeaders: clusterAuthHeadersOf(req.headers),
    };
  };

  router.get('/health/entity/:namespace/:kind/:name', async (req, res) => {
    const request = await authorize(req);
    const { namespace, kind, name } = req.params;
    res.json(await health.componentHealth({ namespace, kind, name }, request));
  });

  router.get('/health/cluster/:name', async (req, res) => {
    const request = await authorize(req);
    res.json(await health.clusterHealth(req.params.name, request));
  });

  router.get('/conformance/entity/:namespace/:kind/:name', async (req, res) => {
    const request = await authorize(req, pavedConformanceReadPermission);
    const { namespace, kind, name } = req.params;
    res.json(
      await conformance.entityConformance({ namespace, kind, name }, request),
    );
  });

  router.get('/crossplane/entity/:namespace/:kind/:name', async (req, res) => {
    const request = await authorize(req, pavedCrossplaneReadPermission);
    const { namespace, kind, name } = req.params;
    res.json(await crossplane.entityClaims({ namespace, kind, name }, request));
  });

  router.get('/crossplane/xrds/:cluster', async (req, res) => {
    const request = await authorize(req, pavedCrossplaneReadPermission);
    res.json(await crossplane.xrdOffers(req.params.cluster, request));
  });

  addCostRoutes(router, authorize, deps.cost);

  return router;
}
