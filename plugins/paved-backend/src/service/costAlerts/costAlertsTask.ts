import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CostAlertEvaluator } from './CostAlertEvaluator';
import { CostAlertOptions } from './costAlertOptions';

/** The scheduler's id for the evaluation; one row in its tasks table. */
export const COST_ALERTS_TASK_ID = 'paved-cost-alerts';

/**
 * Evaluates cost alerts on `paved.costAlerts.schedule`. The task's scope is
 * always global: with several replicas on one database, the scheduler's
 * lock runs it once per schedule, not once per replica.
 */
export async function scheduleCostAlerts(deps: {
  scheduler: SchedulerService;
  evaluator: CostAlertEvaluator;
  options: CostAlertOptions;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, evaluator, options, logger } = deps;
  if (!options.enabled) {
    logger.info('Cost alerts are off (paved.costAlerts.enabled: false)');
    return;
  }
  await scheduler.scheduleTask({
    id: COST_ALERTS_TASK_ID,
    ...options.schedule,
    scope: 'global',
    fn: async () => {
      await evaluator.run();
    },
  });
}
