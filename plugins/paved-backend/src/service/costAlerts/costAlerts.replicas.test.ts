import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  budgetStatus,
  CostResponse,
  monthProgress,
  resolveCostWindow,
} from '@paved/plugin-paved-common';
import { CostAlertEvaluator } from './CostAlertEvaluator';
import { readCostAlertOptions } from './costAlertOptions';
import { scheduleCostAlerts } from './costAlertsTask';
import { CostAlertStore } from './CostAlertStore';

jest.setTimeout(120_000);

const tenant: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: { 'paved.dev/tenant': 'shop' },
  },
  spec: { owner: 'payments-team' },
};

/** Always over its budget of 1. */
function overBudget(): CostResponse {
  const now = new Date();
  const window = resolveCostWindow('last30d', now, 'UTC');
  return {
    scope: { type: 'tenant', tenant: 'shop', namespaces: [] },
    window,
    currency: 'EUR',
    clusters: [{ cluster: 'c1', ok: true, summary: {} as any } as any],
    total: { slackCost: 0, clusterIdleCost: null, daily: [] } as any,
    complete: true,
    budget: budgetStatus({
      monthlyBudget: 1,
      monthToDate: 100,
      progress: monthProgress(now, 'UTC'),
    }),
  };
}

const FREQUENCY_S = 2;

/**
 * Two backends (replicas) on one database, each with the real scheduler and
 * Paved's cost alert task: the scheduler's lock in the shared database must
 * run the evaluation once per schedule, not once per replica.
 */
describe('cost alerts with two replicas on one database', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'evaluates once per schedule and sends once (%s)',
    async id => {
      const knex = await databases.init(id);
      const runs: { replica: number; start: number; end: number }[] = [];
      const sent: NotificationSendOptions[] = [];

      const replica = (n: number) =>
        createBackendPlugin({
          pluginId: 'paved',
          register(env) {
            env.registerInit({
              deps: {
                config: coreServices.rootConfig,
                database: coreServices.database,
                logger: coreServices.logger,
                scheduler: coreServices.scheduler,
              },
              async init({ config, database, logger, scheduler }) {
                const options = readCostAlertOptions(config);
                const evaluator = new CostAlertEvaluator({
                  reader: {
                    tenants: async () => {
                      const run = { replica: n, start: Date.now(), end: 0 };
                      runs.push(run);
                      // Long enough that a second runner would overlap.
                      await new Promise(r => setTimeout(r, 300));
                      run.end = Date.now();
                      return [tenant];
                    },
                    entityCost: async () => overBudget(),
                  },
                  store: await CostAlertStore.create(database),
                  notifications: { send: async s => void sent.push(s) },
                  logger,
                  options,
                });
                await scheduleCostAlerts({
                  scheduler,
                  evaluator,
                  options,
                  logger,
                });
              },
            });
          },
        });

      const config = mockServices.rootConfig.factory({
        data: {
          paved: {
            costAlerts: {
              schedule: {
                frequency: { seconds: FREQUENCY_S },
                timeout: { seconds: 30 },
              },
            },
          },
        },
      });
      // One after the other: Backstage's scheduler creates its own tables
      // on first start, and two first starts at once race in its migration
      // (upstream's, not Paved's). Both replicas then run side by side.
      const backends = [];
      for (const n of [1, 2]) {
        backends.push(
          await startTestBackend({
            features: [
              replica(n),
              config,
              schedulerServiceFactory,
              mockServices.database.factory({ knex }),
            ],
          }),
        );
      }
      const started = Date.now();
      await new Promise(r => setTimeout(r, 5 * FREQUENCY_S * 1000 + 500));
      const elapsed = Date.now() - started;
      await Promise.all(backends.map(b => b.stop()));

      // Once per schedule: about elapsed / frequency runs in all, where one
      // per replica would be twice that.
      const slots = Math.ceil(elapsed / (FREQUENCY_S * 1000)) + 1;
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(slots);
      // Never two at once, and never two within one schedule.
      const sorted = [...runs].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
        expect(sorted[i].start - sorted[i - 1].start).toBeGreaterThan(
          FREQUENCY_S * 1000 * 0.75,
        );
      }
      // The condition went out once, whichever replica ran first.
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/payments-team',
      });
    },
  );
});
