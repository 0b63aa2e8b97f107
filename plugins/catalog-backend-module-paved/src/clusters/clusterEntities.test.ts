import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import { clusterEntitiesFromConfig } from './clusterEntities';
import { readClusterProviderSettings } from './providerSettings';

const cluster = (name: string, extra: JsonObject = {}): JsonObject => ({
  name,
  url: `https://${name}.k8s.example.com`,
  authProvider: 'serviceAccount',
  serviceAccountToken: 'SECRET-TOKEN-VALUE',
  caData: 'SECRET-CA-DATA',
  ...extra,
});

const configOf = (clusters: JsonValue[], paved?: JsonObject) =>
  mockServices.rootConfig({
    data: {
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [{ type: 'config', clusters }],
      },
      ...(paved ? { paved: { clusters: paved } } : {}),
    },
  });

describe('clusterEntitiesFromConfig', () => {
  it('maps a configured cluster to a kubernetes-cluster Resource the cards find', () => {
    const result = clusterEntitiesFromConfig(
      configOf(
        [
          cluster('prod-eu-1', {
            title: 'Production EU 1',
            dashboardUrl: 'https://dash.example.com/prod-eu-1',
          }),
        ],
        { 'prod-eu-1': { owner: 'platform-team', tier: 1, system: 'shop' } },
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.entities).toEqual([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'prod-eu-1',
          namespace: 'default',
          title: 'Production EU 1',
          description:
            "Kubernetes cluster prod-eu-1, registered from the Kubernetes backend's configuration.",
          annotations: {
            'backstage.io/kubernetes-cluster': 'prod-eu-1',
            'paved.dev/tier': '1',
            'backstage.io/managed-by-location':
              'paved-cluster-config:prod-eu-1',
            'backstage.io/managed-by-origin-location':
              'paved-cluster-config:prod-eu-1',
          },
          links: [
            { url: 'https://dash.example.com/prod-eu-1', title: 'Dashboard' },
          ],
        },
        spec: {
          type: 'kubernetes-cluster',
          owner: 'group:default/platform-team',
          system: 'system:default/shop',
        },
      },
    ]);
  });

  it('never copies the URL, tokens, CA data or auth settings into the entity', () => {
    const { entities } = clusterEntitiesFromConfig(
      configOf([cluster('a', { oidcTokenProvider: 'okta' })], {
        a: { owner: 'group:default/ops' },
      }),
    );
    expect(entities).toHaveLength(1);
    const json = JSON.stringify(entities);
    for (const secretish of [
      'SECRET-TOKEN-VALUE',
      'SECRET-CA-DATA',
      'serviceAccount',
      'okta',
      'a.k8s.example.com',
    ]) {
      expect(json).not.toContain(secretish);
    }
  });

  it('reads every config locator, ignores other locator types, and uses defaultOwner', () => {
    const config = mockServices.rootConfig({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'config', clusters: [cluster('one')] },
            { type: 'gke', projectId: 'p' },
            { type: 'config', clusters: [cluster('two')] },
          ],
        },
        paved: {
          clusters: {
            catalogProvider: { defaultOwner: 'group:default/platform-team' },
            two: { owner: 'user:default/ana', tier: '3' },
          },
        },
      },
    });
    const { entities, errors } = clusterEntitiesFromConfig(config);
    expect(errors).toEqual([]);
    expect(
      entities.map(e => [
        e.metadata.name,
        e.spec?.owner,
        e.metadata.annotations?.['paved.dev/tier'],
      ]),
    ).toEqual([
      ['one', 'group:default/platform-team', undefined],
      ['two', 'user:default/ana', '3'],
    ]);
  });

  it('skips a cluster with register: false, without an error', () => {
    const result = clusterEntitiesFromConfig(
      configOf([cluster('paved-local'), cluster('b')], {
        catalogProvider: { defaultOwner: 'ops' },
        'paved-local': { register: false },
      }),
    );
    expect(result.entities.map(e => e.metadata.name)).toEqual(['b']);
    expect(result.skipped).toEqual(['paved-local']);
    expect(result.errors).toEqual([]);
  });

  it('reads settings of a cluster whose name has dots', () => {
    const { entities, errors } = clusterEntitiesFromConfig(
      configOf([cluster('prod.eu')], {
        'prod.eu': { owner: 'ops', tier: 4 },
      }),
    );
    expect(errors).toEqual([]);
    expect(entities[0].metadata.annotations?.['paved.dev/tier']).toBe('4');
  });

  it('registers no clusters when the Kubernetes backend has none', () => {
    expect(
      clusterEntitiesFromConfig(mockServices.rootConfig({ data: {} })),
    ).toEqual({ entities: [], errors: [], skipped: [] });
  });

  it.each<[string, JsonValue[], JsonObject, RegExp]>([
    [
      'a missing name',
      [{ url: 'https://x', authProvider: 'serviceAccount' }],
      {},
      /^Cluster at kubernetes\.clusterLocatorMethods\[0\]\.clusters\[0\] has no name; no catalog entity is registered for it$/,
    ],
    [
      'a bad tier',
      [cluster('bad')],
      { bad: { owner: 'ops', tier: 'six' } },
      /^Cluster "bad": paved\.clusters\.bad\.tier must be 1, 2, 3, 4 or 5, got "six"; no catalog entity/,
    ],
    [
      'a tier out of range',
      [cluster('bad')],
      { bad: { owner: 'ops', tier: 7 } },
      /^Cluster "bad": paved\.clusters\.bad\.tier must be 1, 2, 3, 4 or 5, got 7;/,
    ],
    [
      'no owner',
      [cluster('bad')],
      {},
      /^Cluster "bad": no owner: set paved\.clusters\.bad\.owner or paved\.clusters\.catalogProvider\.defaultOwner \(or paved\.clusters\.bad\.register: false if its entity is written by hand\);/,
    ],
    [
      'an owner that is no entity ref',
      [cluster('bad')],
      { bad: { owner: 'group:a:b/c/d' } },
      /^Cluster "bad": paved\.clusters\.bad\.owner is not an entity reference: "group:a:b\/c\/d";/,
    ],
    [
      'a name the catalog refuses',
      [cluster('prod eu 1')],
      { catalogProvider: { defaultOwner: 'ops' } },
      /^Cluster "prod eu 1": the name is not a valid catalog entity name/,
    ],
    [
      'the reserved name',
      [cluster('catalogProvider')],
      { catalogProvider: { defaultOwner: 'ops' } },
      /^Cluster "catalogProvider": its name is reserved/,
    ],
    [
      'register that is not a boolean',
      [cluster('bad')],
      { bad: { owner: 'ops', register: 'no' } },
      /^Cluster "bad": paved\.clusters\.bad\.register must be true or false, got "no";/,
    ],
  ])(
    'reports %s, naming the cluster, and emits nothing for it',
    (_what, clusters, paved, message) => {
      const good = cluster('good');
      const result = clusterEntitiesFromConfig(
        configOf([...clusters, good], {
          ...paved,
          good: { owner: 'group:default/ops', tier: 2 },
        }),
      );
      expect(result.errors).toEqual([expect.stringMatching(message)]);
      // The others are still registered.
      expect(result.entities.map(e => e.metadata.name)).toEqual(['good']);
    },
  );

  it('keeps the first of two clusters with the same name and reports the second', () => {
    const result = clusterEntitiesFromConfig(
      configOf([cluster('twin'), cluster('twin', { title: 'Second' })], {
        twin: { owner: 'ops' },
      }),
    );
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0].metadata.title).toBeUndefined();
    expect(result.errors).toEqual([
      'Cluster "twin": the name is configured more than once; the first one is kept; no catalog entity is registered for it',
    ]);
  });
});

describe('readClusterProviderSettings', () => {
  it('is enabled with no schedule by default', () => {
    expect(
      readClusterProviderSettings(mockServices.rootConfig({ data: {} })),
    ).toEqual({ enabled: true });
  });

  it('reads enabled and a schedule', () => {
    const settings = readClusterProviderSettings(
      mockServices.rootConfig({
        data: {
          paved: {
            clusters: {
              catalogProvider: {
                enabled: false,
                schedule: {
                  frequency: { minutes: 5 },
                  timeout: { seconds: 30 },
                },
              },
            },
          },
        },
      }),
    );
    expect(settings.enabled).toBe(false);
    expect(settings.schedule).toMatchObject({
      frequency: { minutes: 5 },
      timeout: { seconds: 30 },
    });
  });

  it('names a bad schedule', () => {
    expect(() =>
      readClusterProviderSettings(
        mockServices.rootConfig({
          data: {
            paved: {
              clusters: {
                catalogProvider: { schedule: { frequency: 'often' } },
              },
            },
          },
        }),
      ),
    ).toThrow(
      /paved\.clusters\.catalogProvider\.schedule is not a valid schedule/,
    );
  });
});
