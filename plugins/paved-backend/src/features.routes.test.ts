import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { startKubernetesApiTestDouble } from '@paved/kubernetes-api-test-double';
import request from 'supertest';
import { startPavedTestBackend } from './__testUtils__/testBackend';
import { SWITCHABLE_FEATURES, SwitchableFeature } from './features';
import { COST_ALERTS_TASK_ID } from './service/costAlerts/costAlertsTask';

type Double = Awaited<ReturnType<typeof startKubernetesApiTestDouble>>;

const ENTITY = 'default/component/payments-api';
const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

/** Each feature's routes (one per router block) and its actions. */
const ROUTES: Record<SwitchableFeature, string[]> = {
  health: [`/health/entity/${ENTITY}`, '/health/cluster/paved-local'],
  conformance: [`/conformance/entity/${ENTITY}`],
  cost: [`/cost/entity/${ENTITY}`, `/cost/alerts/${ENTITY}`],
  crossplane: [`/crossplane/entity/${ENTITY}`, '/crossplane/xrds/paved-local'],
  gitops: [`/gitops/entity/${ENTITY}`],
  drift: [`/drift/entity/${ENTITY}`],
  evidence: [`/evidence/entity/${ENTITY}`],
  fleet: ['/fleet'],
  tenants: [`/tenants/entity/${ENTITY}`],
};
const ACTIONS: Partial<Record<SwitchableFeature, string[]>> = {
  health: ['paved:get-component-health', 'paved:get-cluster-health'],
  conformance: ['paved:get-conformance'],
  cost: ['paved:get-entity-cost'],
  crossplane: ['paved:get-crossplane-claims'],
};

const asUser = { Authorization: mockCredentials.user.header() };

// The first proxy call loads @kubernetes/client-node through Jest's transform.
jest.setTimeout(120_000);

describe('paved.features', () => {
  let double: Double;
  beforeAll(async () => {
    double = await startKubernetesApiTestDouble({ port: 0 });
  });
  afterAll(() => double.close());

  const start = async (features?: Partial<Record<SwitchableFeature, any>>) => {
    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    const backend = await startPavedTestBackend(
      ENTITIES,
      [{ name: 'paved-local', url: double.url }],
      {
        services: [scheduler.factory, logger.factory],
        ...(features ? { paved: { features } } : {}),
      },
    );
    const get = (path: string) =>
      request(backend.server).get(`/api/paved${path}`).set(asUser);
    const actions = async (): Promise<string[]> => {
      const res = await request(backend.server)
        .get('/api/paved/.backstage/actions/v1/actions')
        .set(asUser);
      expect(res.status).toBe(200);
      return res.body.actions.map((a: { id: string }) => a.id);
    };
    const scheduledTasks = () =>
      scheduler.scheduleTask.mock.calls.map(([task]) => task.id);
    const offLines = () =>
      logger.info.mock.calls
        .map(([message]) => message)
        .filter(m => m.startsWith('Paved features switched off'));
    return { backend, get, actions, scheduledTasks, offLines };
  };

  it('with every feature on, mounts every route, action and the cost alerts task', async () => {
    const { backend, get, actions, scheduledTasks, offLines } = await start();
    expect(offLines()).toEqual([]);
    for (const path of Object.values(ROUTES).flat()) {
      expect([path, (await get(path)).status]).not.toEqual([path, 404]);
    }
    expect(await actions()).toEqual(
      expect.arrayContaining(Object.values(ACTIONS).flat()),
    );
    expect(scheduledTasks()).toContain(COST_ALERTS_TASK_ID);
    await backend.stop();
  });

  it.each(SWITCHABLE_FEATURES.map(f => [f]))(
    'with %s off, its routes 404 and its actions are gone; the others still answer',
    async feature => {
      const { backend, get, actions, scheduledTasks, offLines } = await start({
        [feature]: false,
      });
      expect(offLines()).toEqual([
        `Paved features switched off (paved.features): ${feature}`,
      ]);
      for (const path of ROUTES[feature]) {
        expect([path, (await get(path)).status]).toEqual([path, 404]);
      }
      // Another feature, on, still answers in full.
      const other = feature === 'health' ? ROUTES.gitops[0] : ROUTES.health[0];
      expect((await get(other)).status).toBe(200);

      const registered = new Set(await actions());
      const expected = Object.entries(ACTIONS).flatMap(([owner, ids]) =>
        ids.map(id => [id, owner !== feature]),
      );
      expect(
        expected.map(([id]) => [id, registered.has(id as string)]),
      ).toEqual(expected);
      expect(scheduledTasks().includes(COST_ALERTS_TASK_ID)).toBe(
        feature !== 'cost',
      );
      await backend.stop();
    },
  );

  it('refuses a switch that is not a boolean, naming its key', async () => {
    await expect(start({ cost: 'maybe' })).rejects.toThrow(
      /paved\.features\.cost/,
    );
  });
});
