import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ClusterAccess } from '../clusters/ClusterAccess';
import { readCostOptions } from '../cost/costOptions';
import { CostService } from '../cost/CostService';
import { CostAlertEvaluator } from './CostAlertEvaluator';
import { readCostAlertOptions } from './costAlertOptions';
import { scheduleCostAlerts } from './costAlertsTask';
import { CostAlertStore } from './CostAlertStore';
import { serviceCostReader } from './serviceCostReader';

/**
 * Cost alerts for the plugin: migrates the alert table, schedules the
 * evaluation, and returns what the alert routes need.
 */
export async function setUpCostAlerts(deps: {
  access: ClusterAccess;
  auth: AuthService;
  catalog: CatalogService;
  config: RootConfigService;
  database: DatabaseService;
  logger: LoggerService;
  notifications: NotificationService;
  scheduler: SchedulerService;
}) {
  const options = readCostAlertOptions(deps.config);
  const store = await CostAlertStore.create(deps.database);
  // Its own cost service without the per-user answer cache: the evaluation
  // asks rarely, and its answers must never be served to a user.
  const cost = new CostService({
    access: deps.access.forFeature('cost'),
    catalog: deps.catalog,
    logger: deps.logger,
    options: { ...readCostOptions(deps.config), cacheTtlMs: 0 },
  });
  const evaluator = new CostAlertEvaluator({
    reader: serviceCostReader({ auth: deps.auth, catalog: deps.catalog, cost }),
    store,
    notifications: deps.notifications,
    logger: deps.logger.child({ task: 'paved-cost-alerts' }),
    options,
  });
  await scheduleCostAlerts({
    scheduler: deps.scheduler,
    evaluator,
    options,
    logger: deps.logger,
  });
  return { store, catalog: deps.catalog, evaluator };
}
