import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  pavedConformancePermissions,
  pavedCostAlertPermissions,
  pavedCostPermissions,
  pavedCrossplanePermissions,
  pavedEvidencePermissions,
  pavedFleetPermissions,
  pavedHealthPermissions,
  pavedTenantPermissions,
  pavedDriftPermissions,
} from '@paved/plugin-paved-common';
import { createRouter } from './router';
import { setUpCostAlerts } from './service/costAlerts/setUpCostAlerts';
import { registerPavedActions } from './actions';
import { AdrSourceService } from './service/adr/AdrSourceService';
import { ClusterAccess } from './service/clusters/ClusterAccess';
import { ConformanceService } from './service/conformance/ConformanceService';
import { readCostOptions } from './service/cost/costOptions';
import { CostService } from './service/cost/CostService';
import { CrossplaneService } from './service/crossplane/CrossplaneService';
import { HealthService } from './service/health/HealthService';
import { TenantService } from './service/tenants/TenantService';
import { DriftService } from './service/drift/DriftService';
import { FleetService } from './service/fleet/FleetService';
import { EvidenceService } from './service/evidence/EvidenceService';
import { readEvidenceOptions } from './service/evidence/evidenceOptions';
import { PreviousLogReader } from './service/evidence/previousLogReader';
import { readClusterReadOptions } from './service/clusters/options';
import { GitOpsService } from './service/gitops/GitOpsService';
import { pavedGitOpsPermissions } from '@paved/plugin-paved-common';
import { featuresOff, readFeatureSwitches } from './features';

/**
 * Paved's backend plugin: health summaries of components and clusters,
 * computed from live clusters reached through the Kubernetes backend as the
 * signed-in user.
 *
 * @public
 */
export const pavedPlugin = createBackendPlugin({
  pluginId: 'paved',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        urlReader: coreServices.urlReader,
        actionsRegistry: actionsRegistryServiceRef,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions([
          ...pavedHealthPermissions,
          ...pavedConformancePermissions,
          ...pavedCostPermissions,
          ...pavedCostAlertPermissions,
          ...pavedCrossplanePermissions,
          ...pavedTenantPermissions,
          ...pavedDriftPermissions,
          ...pavedFleetPermissions,
          ...pavedEvidencePermissions,
          ...pavedGitOpsPermissions,
        ]);
        const access = new ClusterAccess({
          auth: deps.auth,
          discovery: deps.discovery,
          logger: deps.logger,
        });
        const features = readFeatureSwitches(deps.config, deps.logger);
        const off = featuresOff(features);
        if (off.length > 0) {
          deps.logger.info(
            `Paved features switched off (paved.features): ${off.join(', ')}`,
          );
        }
        const options = readClusterReadOptions(deps.config, deps.logger);
        const health = new HealthService({
          access: access.forFeature('health'),
          catalog: deps.catalog,
          logger: deps.logger,
          options,
        });
        const conformance = new ConformanceService({
          access: access.forFeature('conformance'),
          catalog: deps.catalog,
          logger: deps.logger,
          options,
        });
        const crossplane = new CrossplaneService({
          access: access.forFeature('crossplane'),
          catalog: deps.catalog,
          logger: deps.logger,
          options,
        });
        const cost = new CostService({
          access: access.forFeature('cost'),
          catalog: deps.catalog,
          logger: deps.logger,
          options: readCostOptions(deps.config),
        });
        // The same reads as actions, for MCP clients and the Backstage CLI.
        registerPavedActions(deps.actionsRegistry, {
          permissions: deps.permissions,
          catalog: deps.catalog,
          health,
          conformance,
          crossplane,
          cost,
          features,
        });
        // Cost off: no alert table, no scheduled evaluation, no alert routes.
        const costAlerts = features.cost
          ? await setUpCostAlerts({ ...deps, access })
          : undefined;
        deps.httpRouter.use(
          await createRouter({
            features,
            costAlerts,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            health,
            conformance,
            crossplane,
            cost,
            drift: new DriftService({
              access: access.forFeature('drift'),
              catalog: deps.catalog,
              logger: deps.logger,
              options,
            }),
            tenants: new TenantService({
              access: access.forFeature('tenants'),
              catalog: deps.catalog,
              logger: deps.logger,
              options,
            }),
            fleet: new FleetService({
              access: access.forFeature('health'),
              catalog: deps.catalog,
              permissions: deps.permissions,
              health,
              conformance,
              cost,
              logger: deps.logger,
              options,
            }),
            evidence: new EvidenceService({
              access: access.forFeature('evidence'),
              logs: new PreviousLogReader({
                auth: deps.auth,
                discovery: deps.discovery,
                logger: deps.logger,
              }),
              catalog: deps.catalog,
              logger: deps.logger,
              options: readEvidenceOptions(deps.config),
              clusterTimeoutMs: options.clusterTimeoutMs,
            }),
            adrSource: new AdrSourceService({
              catalog: deps.catalog,
              reader: deps.urlReader,
            }),
            gitops: new GitOpsService({
              access: access.forFeature('gitops'),
              catalog: deps.catalog,
              logger: deps.logger,
              options,
            }),
          }),
        );
      },
    });
  },
});
