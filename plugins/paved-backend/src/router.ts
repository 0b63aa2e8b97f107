import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  pavedConformanceReadPermission,
  pavedHealthReadPermission,
} from '@paved/plugin-paved-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { clusterAuthHeadersOf } from './service/ClusterAccess';
import { ConformanceService } from './service/ConformanceService';
import { HealthRequest, HealthService } from './service/HealthService';

/** A thin router: who is asking, may they, then the service. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  health: HealthService;
  conformance: ConformanceService;
}): Promise<express.Router> {
  const { httpAuth, permissions, health, conformance } = deps;
  const router = Router();

  // Health is read for a person: a service identity may not stand in.
  const authorize = async (
    req: Request,
    permission:
      | typeof pavedHealthReadPermission
      | typeof pavedConformanceReadPermission = pavedHealthReadPermission,
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

  return router;
}
