import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  pavedConformanceReadPermission,
  pavedCrossplaneEventsReadPermission,
  pavedCrossplaneReadPermission,
  pavedCrossplaneYamlReadPermission,
  pavedFleetReadPermission,
  pavedHealthReadPermission,
  pavedLogsReadPermission,
  pavedTenantReadPermission,
  pavedDriftReadPermission,
} from '@paved/plugin-paved-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { clusterAuthHeadersOf } from './service/clusters/ClusterAccess';
import { assertEntityRefParts } from './service/entityAsUser';
import { ConformanceService } from './service/conformance/ConformanceService';
import {
  addAdrSourceRoutes,
  AdrSourceService,
} from './service/adr/AdrSourceService';
import { addCostRoutes } from './service/cost/costRoutes';
import { CostService } from './service/cost/CostService';
import { addCostAlertRoutes } from './service/costAlerts/costAlertRoutes';
import { CostAlertStore } from './service/costAlerts/CostAlertStore';
import { CrossplaneService } from './service/crossplane/CrossplaneService';
import { crossplaneAccess } from './service/crossplane/access';
import { HealthService } from './service/health/HealthService';
import { ClusterReadRequest } from './service/clusters/ClusterReadRequest';
import { TenantService } from './service/tenants/TenantService';
import { DriftService } from './service/drift/DriftService';
import { FleetService } from './service/fleet/FleetService';
import { EvidenceService } from './service/evidence/EvidenceService';
import { parseEvidenceQuery } from './service/evidence/evidenceQuery';
import { GitOpsService } from './service/gitops/GitOpsService';
import { pavedGitOpsReadPermission } from '@paved/plugin-paved-common';
import { ALL_FEATURES_ON, FeatureSwitches } from './features';

/**
 * The entity a route is about: `:namespace/:kind/:name`, or the cluster's
 * Resource (`resource:default/<cluster>`) for the cluster routes.
 */
export function resourceRefOf(req: Request): string {
  const { namespace, kind, name, cluster } = req.params;
  if (namespace && kind && name) {
    // Named before the policy sees it: a NUL in a ref is the caller's to fix.
    assertEntityRefParts({ kind, namespace, name });
    return stringifyEntityRef({ kind, namespace, name });
  }
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: 'default',
    name: cluster ?? name,
  });
}

/**
 * Paved's read check, shared by the routes and the actions: may this user
 * read `permission` on the resource (asked only for resource permissions)?
 */
export async function authorizeRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
  permission: ResourcePermission<'catalog-entity'> | BasicPermission,
  resourceRef: () => string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [
      isResourcePermission(permission)
        ? { permission, resourceRef: resourceRef() }
        : { permission: permission as BasicPermission },
    ],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
}

/** A thin router: who is asking, may they, then the service. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  health: HealthService;
  conformance: ConformanceService;
  crossplane: CrossplaneService;
  cost: CostService;
  /** The tenant page's route; without it, no such route. */
  tenants?: TenantService;
  /** The drift card's route (tenants, cluster baselines); without it, no such route. */
  drift?: DriftService;
  /** The fleet page's route; without it, no such route. */
  fleet?: FleetService;
  /** The evidence drawer's route (events, previous log); without it, no such route. */
  evidence?: EvidenceService;
  /** The ADR Markdown and images route; without it, no such route. */
  adrSource?: AdrSourceService;
  /** Cost alerts' list, snooze and dismiss routes; without them, no such routes. */
  costAlerts?: { store: CostAlertStore; catalog: CatalogService };
  /** The GitOps status card's route; without it, no such route. */
  gitops?: GitOpsService;
  /** `paved.features`: a switched-off feature's routes are not mounted (404). Default all on. */
  features?: FeatureSwitches;
}): Promise<express.Router> {
  const { httpAuth, permissions, health, conformance, crossplane } = deps;
  const on = deps.features ?? ALL_FEATURES_ON;
  const router = Router();

  // Paved's reads are for a person: a service identity may not stand in.
  // Read permissions are resource permissions on the entity the route is
  // about (a cluster as its Resource, named as in the Kubernetes config), so
  // a policy can decide by owner; the label route is a basic permission.
  const authorize = async (
    req: Request,
    permission:
      | ResourcePermission<'catalog-entity'>
      | BasicPermission = pavedHealthReadPermission,
  ): Promise<ClusterReadRequest> => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorizeRead(permissions, credentials, permission, () =>
      resourceRefOf(req),
    );
    return {
      credentials,
      clusterAuthHeaders: clusterAuthHeadersOf(req.headers),
    };
  };

  if (on.health) {
    router.get('/health/entity/:namespace/:kind/:name', async (req, res) => {
      const request = await authorize(req);
      const { namespace, kind, name } = req.params;
      res.json(
        await health.componentHealth({ namespace, kind, name }, request),
      );
    });

    router.get('/health/cluster/:name', async (req, res) => {
      const request = await authorize(req);
      res.json(await health.clusterHealth(req.params.name, request));
    });
  }

  if (on.conformance) {
    router.get(
      '/conformance/entity/:namespace/:kind/:name',
      async (req, res) => {
        const request = await authorize(req, pavedConformanceReadPermission);
        const { namespace, kind, name } = req.params;
        res.json(
          await conformance.entityConformance(
            { namespace, kind, name },
            request,
          ),
        );
      },
    );
  }

  if (on.crossplane) {
    router.get(
      '/crossplane/entity/:namespace/:kind/:name',
      async (req, res) => {
        const request = await authorize(req, pavedCrossplaneReadPermission);
        const { namespace, kind, name } = req.params;
        // YAML and events have their own permissions: without them, the tree only.
        const access = await crossplaneAccess(
          permissions,
          request.credentials,
          resourceRefOf(req),
        );
        res.json(
          await crossplane.entityClaims(
            { namespace, kind, name },
            request,
            access,
          ),
        );
      },
    );

    router.get(
      '/crossplane/entity/:namespace/:kind/:name/yaml',
      async (req, res) => {
        await authorize(req, pavedCrossplaneReadPermission);
        const request = await authorize(req, pavedCrossplaneYamlReadPermission);
        const { namespace, kind, name } = req.params;
        res.json(
          await crossplane.entityYaml({ namespace, kind, name }, request),
        );
      },
    );

    router.get(
      '/crossplane/entity/:namespace/:kind/:name/events',
      async (req, res) => {
        await authorize(req, pavedCrossplaneReadPermission);
        const request = await authorize(
          req,
          pavedCrossplaneEventsReadPermission,
        );
        const { namespace, kind, name } = req.params;
        res.json(
          await crossplane.entityEvents({ namespace, kind, name }, request),
        );
      },
    );

    router.get(
      '/crossplane/entity/:namespace/:kind/:name/details',
      async (req, res) => {
        const request = await authorize(req, pavedCrossplaneReadPermission);
        const { namespace, kind, name } = req.params;
        res.json(
          await crossplane.entityDetails({ namespace, kind, name }, request),
        );
      },
    );

    router.get('/crossplane/xrds/:cluster', async (req, res) => {
      const request = await authorize(req, pavedCrossplaneReadPermission);
      res.json(await crossplane.xrdOffers(req.params.cluster, request));
    });
  }

  if (on.cost) {
    addCostRoutes(router, authorize, deps.cost);
    if (deps.costAlerts) addCostAlertRoutes(router, authorize, deps.costAlerts);
  }

  const drift = on.drift ? deps.drift : undefined;
  if (drift) {
    router.get('/drift/entity/:namespace/:kind/:name', async (req, res) => {
      const request = await authorize(req, pavedDriftReadPermission);
      const { namespace, kind, name } = req.params;
      res.json(await drift.entityDrift({ namespace, kind, name }, request));
    });
  }

  const tenants = on.tenants ? deps.tenants : undefined;
  if (tenants) {
    router.get('/tenants/entity/:namespace/:kind/:name', async (req, res) => {
      const request = await authorize(req, pavedTenantReadPermission);
      const { namespace, kind, name } = req.params;
      res.json(await tenants.tenantPage({ namespace, kind, name }, request));
    });
  }

  const fleet = on.fleet ? deps.fleet : undefined;
  if (fleet) {
    // Each row is then checked per cluster (paved.health.read, paved.cost.read).
    router.get('/fleet', async (req, res) => {
      const request = await authorize(req, pavedFleetReadPermission);
      res.json(await fleet.fleet(request));
    });
  }

  const evidence = on.evidence ? deps.evidence : undefined;
  if (evidence) {
    // Logs can hold what health never shows: their own permission.
    router.get('/evidence/entity/:namespace/:kind/:name', async (req, res) => {
      const request = await authorize(req, pavedLogsReadPermission);
      const { namespace, kind, name } = req.params;
      const query = parseEvidenceQuery(req.query);
      res.json(
        await evidence.evidence({ namespace, kind, name }, query, request),
      );
    });
  }

  const gitops = on.gitops ? deps.gitops : undefined;
  if (gitops) {
    router.get('/gitops/entity/:namespace/:kind/:name', async (req, res) => {
      const request = await authorize(req, pavedGitOpsReadPermission);
      const { namespace, kind, name } = req.params;
      res.json(await gitops.entityStatus({ namespace, kind, name }, request));
    });
  }

  if (deps.adrSource) {
    // The catalog decides: the ADR is read with the user's credentials.
    addAdrSourceRoutes(router, {
      credentials: req => httpAuth.credentials(req, { allow: ['user'] }),
      adrSource: deps.adrSource,
    });
  }

  return router;
}
