/*
 * The cluster provider in the real catalog, on SQLite and PostgreSQL:
 * clusters appear, change and disappear as the Kubernetes backend's config
 * changes, on config reload and on the provider's schedule.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
  RootConfigService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModulePaved } from '../module';
import { CLUSTER_PROVIDER_TASK_ID } from './registerClusterProvider';

jest.setTimeout(120_000);

/**
 * A root config whose data the test replaces, telling subscribers as the
 * backend's config loader does on reload (or not, for the schedule test).
 */
function mutableConfig(initial: object) {
  let current = mockServices.rootConfig({ data: initial });
  const listeners = new Set<() => void>();
  const config = new Proxy({} as RootConfigService, {
    get(_target, prop) {
      if (prop === 'subscribe') {
        return (onChange: () => void) => {
          listeners.add(onChange);
          return { unsubscribe: () => listeners.delete(onChange) };
        };
      }
      const value = (current as any)[prop];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return {
    config,
    set(data: object, { notify = true } = {}) {
      current = mockServices.rootConfig({ data });
      if (notify) listeners.forEach(l => l());
    },
  };
}

type Cluster = { name: string; title?: string };

const configData = (
  clusters: Cluster[],
  pavedClusters: Record<string, unknown>,
) => ({
  catalog: { rules: [{ allow: ['Resource', 'Location'] }] },
  kubernetes: {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: clusters.map(c => ({
          ...c,
          url: `https://${c.name}.k8s.example.com`,
          authProvider: 'serviceAccount',
          serviceAccountToken: 'not-for-the-catalog',
        })),
      },
    ],
  },
  paved: { clusters: pavedClusters },
});

async function readCluster(
  base: string,
  name: string,
): Promise<Entity | undefined> {
  const res = await fetch(`${base}/entities/by-name/resource/default/${name}`, {
    headers: { Authorization: mockCredentials.service.header() },
  });
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return res.json();
}

/** Polls until every check holds (processing is asynchronous), then returns the entities. */
async function waitFor(
  base: string,
  expected: Record<string, (e: Entity | undefined) => boolean>,
): Promise<Record<string, Entity | undefined>> {
  const read = async () => {
    const seen: Record<string, Entity | undefined> = {};
    for (const name of Object.keys(expected)) {
      seen[name] = await readCluster(base, name);
    }
    return seen;
  };
  const holds = (seen: Record<string, Entity | undefined>) =>
    Object.entries(expected).every(([name, ok]) => ok(seen[name]));
  let seen = await read();
  for (let i = 0; i < 240 && !holds(seen); i++) {
    await new Promise(r => setTimeout(r, 250));
    seen = await read();
  }
  return seen;
}

const tierOf = (e: Entity | undefined) =>
  e?.metadata.annotations?.['paved.dev/tier'];

describe('cluster provider in the catalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'registers, updates and removes clusters as the config changes (%s)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Records scheduled tasks so the test runs the provider's when it chooses.
      const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
      const scheduler = mockServices.scheduler.mock({
        async scheduleTask(task) {
          tasks.set(task.id, task);
        },
      });
      const { config, set } = mutableConfig(
        configData(
          [
            { name: 'prod-eu-1', title: 'Production EU 1' },
            { name: 'staging' },
          ],
          {
            catalogProvider: {
              defaultOwner: 'group:default/platform-team',
              schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
            },
            'prod-eu-1': { owner: 'group:default/ops', tier: 1 },
            staging: { tier: 3 },
          },
        ),
      );
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModulePaved,
          mockServices.database.factory({ knex }),
          scheduler.factory,
          createServiceFactory({
            service: coreServices.rootConfig,
            deps: {},
            factory: () => config,
          }),
        ],
      });
      try {
        const base = `http://localhost:${backend.server.port()}/api/catalog`;

        // 1. Both clusters appear, as the cards expect them.
        let seen = await waitFor(base, {
          'prod-eu-1': e => tierOf(e) === '1',
          staging: e => tierOf(e) === '3',
        });
        expect(seen['prod-eu-1']).toMatchObject({
          kind: 'Resource',
          metadata: {
            name: 'prod-eu-1',
            title: 'Production EU 1',
            annotations: {
              'backstage.io/kubernetes-cluster': 'prod-eu-1',
              'paved.dev/tier': '1',
              'backstage.io/managed-by-location':
                'paved-cluster-config:prod-eu-1',
            },
          },
          spec: { type: 'kubernetes-cluster', owner: 'group:default/ops' },
        });
        expect(seen.staging?.spec?.owner).toBe('group:default/platform-team');
        expect(JSON.stringify(seen)).not.toContain('not-for-the-catalog');
        expect(seen['prod-eu-1']?.relations).toEqual(
          expect.arrayContaining([
            { type: 'ownedBy', targetRef: 'group:default/ops' },
          ]),
        );

        // 2. Config reload: prod-eu-1 changes tier, staging goes, dev comes;
        // dev-broken has a bad tier and never appears.
        set(
          configData(
            [{ name: 'prod-eu-1' }, { name: 'dev' }, { name: 'dev-broken' }],
            {
              catalogProvider: {
                defaultOwner: 'group:default/platform-team',
              },
              'prod-eu-1': { owner: 'group:default/ops', tier: 2 },
              dev: { tier: 5 },
              'dev-broken': { tier: 'six' },
            },
          ),
        );
        seen = await waitFor(base, {
          'prod-eu-1': e => tierOf(e) === '2',
          staging: e => e === undefined,
          dev: e => tierOf(e) === '5',
        });
        expect(tierOf(seen['prod-eu-1'])).toBe('2');
        expect(seen['prod-eu-1']?.metadata.title).toBeUndefined();
        expect(seen.staging).toBeUndefined();
        expect(seen.dev?.spec?.owner).toBe('group:default/platform-team');
        expect(await readCluster(base, 'dev-broken')).toBeUndefined();

        // 3. A change nobody announces is picked up by the scheduled task.
        set(
          configData([{ name: 'prod-eu-1' }], {
            'prod-eu-1': { owner: 'group:default/ops', tier: 4 },
          }),
          { notify: false },
        );
        expect(scheduler.scheduleTask).toHaveBeenCalledWith(
          expect.objectContaining({
            id: CLUSTER_PROVIDER_TASK_ID,
            frequency: { minutes: 10 },
          }),
        );
        await tasks
          .get(CLUSTER_PROVIDER_TASK_ID)!
          .fn(new AbortController().signal);
        seen = await waitFor(base, {
          'prod-eu-1': e => tierOf(e) === '4',
          dev: e => e === undefined,
        });
        expect(tierOf(seen['prod-eu-1'])).toBe('4');
        expect(seen.dev).toBeUndefined();

        // 4. register: false takes a cluster out; switching the provider off
        // removes everything it registered.
        set(
          configData([{ name: 'prod-eu-1' }, { name: 'dev' }], {
            catalogProvider: { defaultOwner: 'ops' },
            'prod-eu-1': { register: false },
          }),
        );
        seen = await waitFor(base, {
          'prod-eu-1': e => e === undefined,
          dev: e => e !== undefined,
        });
        expect(seen['prod-eu-1']).toBeUndefined();
        expect(seen.dev).toBeDefined();
        set(
          configData([{ name: 'prod-eu-1' }, { name: 'dev' }], {
            catalogProvider: { enabled: false, defaultOwner: 'ops' },
          }),
        );
        seen = await waitFor(base, {
          'prod-eu-1': e => e === undefined,
          dev: e => e === undefined,
        });
        expect(seen).toEqual({ 'prod-eu-1': undefined, dev: undefined });
      } finally {
        await backend.stop();
      }
    },
  );
});
