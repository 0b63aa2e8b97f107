import {
  ApiDiscovery,
  KindNotServedError,
  objectPath,
  preferredVersions,
  servedResource,
  splitApiVersion,
} from './discovery';

class NotFound extends Error {}

const DOCS: Record<string, unknown> = {
  '/apis': {
    groups: [
      {
        name: 'apiextensions.crossplane.io',
        versions: [{ version: 'v1' }, { version: 'v2' }],
        preferredVersion: { version: 'v2' },
      },
      { name: 'empty.example.org', versions: [] },
    ],
  },
  '/apis/apiextensions.crossplane.io': {
    name: 'apiextensions.crossplane.io',
    versions: [{ version: 'v1' }, { version: 'v2' }],
    preferredVersion: { version: 'v2' },
  },
  '/apis/apiextensions.crossplane.io/v2': {
    resources: [
      // A subresource listed first must not win over its resource.
      {
        name: 'compositeresourcedefinitions/status',
        kind: 'CompositeResourceDefinition',
        namespaced: false,
      },
      {
        name: 'compositeresourcedefinitions',
        kind: 'CompositeResourceDefinition',
        namespaced: false,
      },
    ],
  },
  '/apis/apiextensions.crossplane.io/v1': {
    resources: [
      { name: 'compositions', kind: 'Composition', namespaced: false },
    ],
  },
  '/api/v1': {
    resources: [
      { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
      { name: 'namespaces', kind: 'Namespace', namespaced: false },
    ],
  },
};

function fakeCluster(docs: Record<string, unknown> = DOCS) {
  const calls: string[] = [];
  const get = async (path: string) => {
    calls.push(path);
    if (path === '/apis/broken/v1') throw new Error('500 InternalError: etcd');
    if (!(path in docs)) throw new NotFound(path);
    return docs[path];
  };
  return {
    calls,
    discovery: new ApiDiscovery(get, e => e instanceof NotFound),
  };
}

describe('discovery documents', () => {
  it('splits apiVersions, core group included', () => {
    expect(splitApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(splitApiVersion('apps/v1')).toEqual({
      group: 'apps',
      version: 'v1',
    });
  });

  it('puts the preferred version first, once', () => {
    expect(
      preferredVersions({
        versions: [{ version: 'v1' }, { version: 'v2' }],
        preferredVersion: { version: 'v2' },
      }),
    ).toEqual(['v2', 'v1']);
    expect(preferredVersions({ versions: [] })).toEqual([]);
    expect(preferredVersions(undefined)).toEqual([]);
  });

  it('finds a kind by its resource, never a subresource', () => {
    expect(
      servedResource(
        DOCS['/apis/apiextensions.crossplane.io/v2'],
        'CompositeResourceDefinition',
      ),
    ).toEqual({ plural: 'compositeresourcedefinitions', namespaced: false });
    expect(servedResource({ resources: 'nope' }, 'Pod')).toBeUndefined();
  });

  it('builds object paths for namespaced and cluster-wide kinds', () => {
    const cm = {
      group: '',
      version: 'v1',
      kind: 'ConfigMap',
      plural: 'configmaps',
      namespaced: true,
    };
    expect(objectPath(cm, 'a b', 'team-x')).toBe(
      '/api/v1/namespaces/team-x/configmaps/a%20b',
    );
    expect(
      objectPath({ ...cm, group: 'x.io', namespaced: false }, 'n', 'ignored'),
    ).toBe('/apis/x.io/v1/configmaps/n');
  });
});

describe('ApiDiscovery', () => {
  it('reads each document once per instance', async () => {
    const { discovery, calls } = fakeCluster();
    await discovery.byApiVersion('v1', 'ConfigMap');
    await discovery.byApiVersion('v1', 'Namespace');
    expect(calls).toEqual(['/api/v1']);
  });

  it('says what is not served, and passes other errors on', async () => {
    const { discovery } = fakeCluster();
    await expect(discovery.byApiVersion('v1', 'Widget')).rejects.toThrow(
      new KindNotServedError('Kind Widget is not served in v1 by this cluster'),
    );
    await expect(
      discovery.byApiVersion('nope.io/v1', 'Widget'),
    ).rejects.toBeInstanceOf(KindNotServedError);
    await expect(discovery.byApiVersion('broken/v1', 'X')).rejects.toThrow(
      '500 InternalError: etcd',
    );
  });

  it('asks every version of a group, preferred first, for a kind', async () => {
    const { discovery, calls } = fakeCluster();
    expect(
      await discovery.byGroupKind('apiextensions.crossplane.io', 'Composition'),
    ).toMatchObject({ version: 'v1', plural: 'compositions' });
    expect(calls).toEqual([
      '/apis',
      '/apis/apiextensions.crossplane.io/v2',
      '/apis/apiextensions.crossplane.io/v1',
    ]);
    expect(await discovery.servesGroup('empty.example.org')).toBe(false);
    await expect(
      discovery.byGroupKind('nope.io', 'Widget'),
    ).rejects.toBeInstanceOf(KindNotServedError);
  });

  it("reads one group's own document", async () => {
    const { discovery, calls } = fakeCluster();
    expect(
      await discovery.versionsOfGroup('apiextensions.crossplane.io'),
    ).toEqual(['v2', 'v1']);
    expect(await discovery.versionsOfGroup('nope.io')).toBeUndefined();
    expect(calls).toEqual([
      '/apis/apiextensions.crossplane.io',
      '/apis/nope.io',
    ]);
  });

  it('reads a group version again once forgotten', async () => {
    const docs: Record<string, unknown> = { ...DOCS };
    const { discovery, calls } = fakeCluster(docs);
    await expect(
      discovery.byApiVersion('slow.paved.dev/v1', 'Widget'),
    ).rejects.toBeInstanceOf(KindNotServedError);
    // A CRD is applied and becomes Established.
    docs['/apis/slow.paved.dev/v1'] = {
      resources: [{ name: 'widgets', kind: 'Widget', namespaced: true }],
    };
    await expect(
      discovery.byApiVersion('slow.paved.dev/v1', 'Widget'),
    ).rejects.toBeInstanceOf(KindNotServedError);
    discovery.forget('slow.paved.dev/v1');
    expect(
      await discovery.byApiVersion('slow.paved.dev/v1', 'Widget'),
    ).toMatchObject({ plural: 'widgets', namespaced: true });
    expect(calls).toEqual([
      '/apis/slow.paved.dev/v1',
      '/apis/slow.paved.dev/v1',
    ]);
  });
});
