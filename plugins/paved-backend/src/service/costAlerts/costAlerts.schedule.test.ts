import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  budgetStatus,
  CostResponse,
  monthProgress,
  resolveCostWindow,
} from '@paved/plugin-paved-common';
import { CostAlertEvaluator, CostReader } from './CostAlertEvaluator';
import { readCostAlertOptions } from './costAlertOptions';
import { scheduleCostAlerts } from './costAlertsTask';
import { CostAlertStore } from './CostAlertStore';

jest.setTimeout(60_000);

const ZONE = 'Europe/Berlin';

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: {
      'paved.dev/tenant': 'shop',
      'paved.dev/monthly-budget': '1000',
    },
  },
  spec: { owner: 'payments-team' },
};

/**
 * A tenant whose cost per local day is `perDay(date)`, put together as the
 * cost service does: the last 30 days, and the month to date against the
 * budget, both at the fake clock's now in the zone.
 */
function fakeCost(clock: () => Date, perDay: (date: string) => number) {
  const reader: CostReader = {
    tenants: async () => [shop],
    entityCost: async (_entity, zone) => {
      const now = clock();
      const window = resolveCostWindow('last30d', now, zone);
      const progress = monthProgress(now, zone);
      const today = window.days[window.days.length - 1];
      const fraction = progress.elapsedDays % 1;
      const mtd = window.days
        .filter(d => d.startsWith(progress.month))
        .reduce((s, d) => s + perDay(d) * (d === today ? fraction : 1), 0);
      const cost: CostResponse = {
        scope: { type: 'tenant', tenant: 'shop', namespaces: [] },
        window,
        currency: 'EUR',
        clusters: [{ cluster: 'c1', ok: true, summary: {} as any } as any],
        total: {
          slackCost: 0,
          clusterIdleCost: null,
          daily: window.days.map(date => ({ date, total: perDay(date) })),
        } as any,
        complete: true,
        budget: budgetStatus({
          monthlyBudget: 1000,
          monthToDate: mtd,
          progress,
        }),
      };
      return cost;
    },
  };
  return reader;
}

/** A scheduler that keeps the task and runs it when the test says. */
function fakeScheduler() {
  let task: SchedulerServiceTaskInvocationDefinition | undefined;
  const scheduler = {
    scheduleTask: async (t: SchedulerServiceTaskInvocationDefinition) => {
      task = t;
    },
  } as unknown as SchedulerService;
  return {
    scheduler,
    task: () => task!,
    run: () => task!.fn(new AbortController().signal),
  };
}

describe('cost alerts on a schedule with a fake clock', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'sends once, honours snoozes and dismissals, and resends after a condition returns, over DST and a month end (%s)',
    async id => {
      const knex = await databases.init(id);
      const store = await CostAlertStore.create({
        getClient: async () => knex,
      });
      let now = new Date('2026-10-20T10:00:00+02:00');
      const clock = () => now;
      // 30 a day is 930 in October, under the 1000 budget; 40 is 1240.
      let rate = (_date: string) => 30;
      const sent: NotificationSendOptions[] = [];
      const evaluator = new CostAlertEvaluator({
        reader: fakeCost(clock, d => rate(d)),
        store,
        notifications: { send: async n => void sent.push(n) },
        logger: mockServices.logger.mock(),
        options: readCostAlertOptions(
          mockServices.rootConfig({
            // Budget only here: growth and idle have their own tests.
            data: { paved: { costAlerts: { zone: ZONE, growthShare: 100 } } },
          }),
        ),
        now: clock,
      });
      const { scheduler, task, run } = fakeScheduler();
      await scheduleCostAlerts({
        scheduler,
        evaluator,
        options: readCostAlertOptions(mockServices.rootConfig()),
        logger: mockServices.logger.mock(),
      });
      expect(task()).toMatchObject({
        id: 'paved-cost-alerts',
        scope: 'global',
        frequency: { hours: 1 },
      });
      const at = async (iso: string) => {
        now = new Date(iso);
        await run();
      };
      const budgetKeys = () =>
        sent.map(n => n.payload.scope?.replace(/^.*#/, ''));

      await at('2026-10-20T10:00:00+02:00');
      expect(sent).toEqual([]);

      rate = d => (d >= '2026-10-15' ? 60 : 30);
      await at('2026-10-20T11:00:00+02:00');
      expect(budgetKeys()).toEqual(['budget:2026-10']);
      expect(sent[0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/payments-team',
        },
        payload: {
          link: '/catalog/default/system/shop/cost',
          topic: 'Cost alerts',
          severity: 'high',
        },
      });
      expect(sent[0].payload.title).toBe(
        'shop: Projected over budget in 2026-10',
      );

      // Sent once: the next hours change nothing.
      await at('2026-10-20T12:00:00+02:00');
      await at('2026-10-21T12:00:00+02:00');
      expect(sent).toHaveLength(1);

      // Snoozed until the 23rd: quiet before, sent again once after.
      expect(
        await store.snooze(
          'system:default/shop#budget:2026-10',
          '2026-10-23T00:00:00.000Z',
          'user:default/ana',
        ),
      ).toBe(true);
      await at('2026-10-22T23:59:00Z');
      expect(sent).toHaveLength(1);
      await at('2026-10-23T00:00:00Z');
      expect(budgetKeys()).toEqual(['budget:2026-10', 'budget:2026-10']);
      await at('2026-10-23T01:00:00Z');
      expect(sent).toHaveLength(2);

      // Dismissed: not resent, also across the DST change (25 October).
      expect(
        await store.dismiss(
          'system:default/shop#budget:2026-10',
          'user:default/ana',
          now,
        ),
      ).toBe(true);
      for (const t of [
        '2026-10-24T23:00:00Z',
        '2026-10-25T00:30:00Z',
        '2026-10-25T01:30:00Z',
        '2026-10-25T02:30:00Z',
        '2026-10-26T09:00:00Z',
      ])
        await at(t);
      expect(sent).toHaveLength(2);

      // Clears (the spend falls back) and returns: sent again, dismissal or not.
      rate = () => 20;
      await at('2026-10-27T09:00:00Z');
      const [cleared] = await store.activeFor('system:default/shop');
      expect(cleared).toBeUndefined();
      rate = d => (d >= '2026-10-15' ? 60 : 30);
      await at('2026-10-27T10:00:00Z');
      expect(budgetKeys()).toEqual([
        'budget:2026-10',
        'budget:2026-10',
        'budget:2026-10',
      ]);

      // Month end in Berlin while UTC is still in October: November's budget
      // is a new condition, October's is over.
      await at('2026-10-31T22:30:00Z');
      expect(budgetKeys()).toHaveLength(3);
      await at('2026-10-31T23:30:00Z');
      expect(budgetKeys()).toEqual([
        'budget:2026-10',
        'budget:2026-10',
        'budget:2026-10',
        'budget:2026-11',
      ]);
      const active = await store.activeFor('system:default/shop');
      expect(active.map(a => a.id)).toEqual(['budget:2026-11']);
      expect(active[0]).toMatchObject({ sentCount: 1, status: 'active' });
      const october = await store.get('system:default/shop#budget:2026-10');
      expect(october).toMatchObject({ status: 'cleared', sentCount: 3 });
    },
  );

  it('raises growth for the last complete local week, from the first hour of the week after a DST change', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await CostAlertStore.create({ getClient: async () => knex });
    let now = new Date();
    const sent: NotificationSendOptions[] = [];
    // 10 a day until Sunday 18 October, 15 a day from Monday 19 (week 43).
    const evaluator = new CostAlertEvaluator({
      reader: fakeCost(
        () => now,
        d => (d >= '2026-10-19' ? 15 : 10),
      ),
      store,
      notifications: { send: async n => void sent.push(n) },
      logger: mockServices.logger.mock(),
      options: readCostAlertOptions(
        mockServices.rootConfig({
          data: { paved: { costAlerts: { zone: ZONE } } },
        }),
      ),
      now: () => now,
    });
    const { scheduler, run } = fakeScheduler();
    await scheduleCostAlerts({
      scheduler,
      evaluator,
      options: readCostAlertOptions(mockServices.rootConfig()),
      logger: mockServices.logger.mock(),
    });
    const at = async (iso: string) => {
      now = new Date(iso);
      await run();
    };
    const growth = () =>
      sent
        .map(n => n.payload.scope?.replace(/^.*#/, ''))
        .filter(k => k?.startsWith('growth'));

    // Sunday 25 October 23:30 in Berlin (after the clocks went back): the
    // last complete week is still week 42, as flat as week 41.
    await at('2026-10-25T22:30:00Z');
    expect(growth()).toEqual([]);
    // Monday 00:30 in Berlin, still Sunday in UTC: week 43 is complete.
    await at('2026-10-25T23:30:00Z');
    expect(growth()).toEqual(['growth:2026-W43']);
    expect(sent[0].payload.description).toContain('50 %');
    await at('2026-10-26T12:00:00Z');
    await at('2026-10-30T12:00:00Z');
    expect(growth()).toHaveLength(1);
    // Week 44 costs what week 43 did: no new alert, and week 43's is over.
    await at('2026-11-02T08:00:00Z');
    expect(growth()).toHaveLength(1);
    expect(
      (await store.activeFor('system:default/shop')).map(a => a.id),
    ).toEqual([]);
    expect(
      await store.get('system:default/shop#growth:2026-W43'),
    ).toMatchObject({ status: 'cleared', sentCount: 1 });
  });

  it.each(databases.eachSupportedId())(
    'sends a condition once when evaluations race (%s)',
    async id => {
      const knex = await databases.init(id);
      const stores = await Promise.all([
        CostAlertStore.create({ getClient: async () => knex }),
        CostAlertStore.create({ getClient: async () => knex }),
      ]);
      const now = new Date('2026-11-20T10:00:00Z');
      const sent: NotificationSendOptions[] = [];
      const evaluators = stores.map(
        store =>
          new CostAlertEvaluator({
            reader: fakeCost(
              () => now,
              () => 60,
            ),
            store,
            notifications: { send: async n => void sent.push(n) },
            logger: mockServices.logger.mock(),
            options: readCostAlertOptions(mockServices.rootConfig()),
            now: () => now,
          }),
      );
      const runs = await Promise.all(
        [...evaluators, ...evaluators].map(e => e.run()),
      );
      expect(sent).toHaveLength(1);
      expect(runs.flatMap(r => r.sent)).toEqual([
        'system:default/shop#budget:2026-11',
      ]);
    },
  );

  it('retries a notification that failed on the next run', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await CostAlertStore.create({ getClient: async () => knex });
    const now = new Date('2026-11-20T10:00:00Z');
    let fail = true;
    const sent: NotificationSendOptions[] = [];
    const evaluator = new CostAlertEvaluator({
      reader: fakeCost(
        () => now,
        () => 60,
      ),
      store,
      notifications: {
        send: async n => {
          if (fail) throw new Error('notifications backend down');
          sent.push(n);
        },
      },
      logger: mockServices.logger.mock(),
      options: readCostAlertOptions(mockServices.rootConfig()),
      now: () => now,
    });
    const first = await evaluator.run();
    expect(first.failed[0].error).toMatch(/notifications backend down/);
    fail = false;
    await evaluator.run();
    await evaluator.run();
    expect(sent).toHaveLength(1);
  });
});

describe('readCostAlertOptions', () => {
  it('refuses a local schedule and bad thresholds, naming the key', () => {
    expect(() =>
      readCostAlertOptions(
        mockServices.rootConfig({
          data: {
            paved: {
              costAlerts: {
                schedule: {
                  frequency: { minutes: 5 },
                  timeout: { minutes: 1 },
                  scope: 'local',
                },
              },
            },
          },
        }),
      ),
    ).toThrow(/scope must be 'global'/);
    expect(() =>
      readCostAlertOptions(
        mockServices.rootConfig({
          data: { paved: { costAlerts: { growthShare: -1 } } },
        }),
      ),
    ).toThrow(/paved.costAlerts.growthShare/);
    expect(() =>
      readCostAlertOptions(
        mockServices.rootConfig({
          data: { paved: { costAlerts: { zone: 'Mars/Olympus' } } },
        }),
      ),
    ).toThrow(/paved.costAlerts.zone/);
  });
});
