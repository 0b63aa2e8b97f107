import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ClusterAccess } from './ClusterAccess';
import { ClusterReader } from './ClusterReader';
import { ClusterReadRequest } from './ClusterReadRequest';
import { ClusterReadService } from './ClusterReadService';
import { entityClusterRead } from './entityClusterRead';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'example.com/cluster': 'east' },
  },
};
const ref = { kind: 'component', namespace: 'default', name: 'payments' };

/** A ClusterAccess whose cluster list is `known` and which counts listings. */
function accessListing(known: string[]) {
  const access = new ClusterAccess({
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
  });
  const listClusters = jest
    .spyOn(access, 'listClusters')
    .mockImplementation(async () => known);
  return { access, listClusters };
}

const request = (): ClusterReadRequest => ({
  credentials: mockCredentials.user(),
  clusterAuthHeaders: {},
});

const deps = (access: ClusterAccess, timeoutMs = 1000) => ({
  access,
  catalog: catalogServiceMock({ entities: [entity] }),
  options: { clusterTimeoutMs: timeoutMs, pageSize: 7 },
});

describe('entityClusterRead', () => {
  it('reads every cluster the user may list, each with its own reader', async () => {
    const { access } = accessListing(['east', 'west']);
    const seen: ClusterReader[] = [];
    const read = await entityClusterRead(deps(access), ref, request(), {
      scope: e => e.metadata.name,
      read: async (reader, { scope }) => {
        seen.push(reader);
        return `${scope}@${reader.cluster}`;
      },
    });
    expect(read.entity.metadata.name).toBe('payments');
    expect(read.known).toEqual(['east', 'west']);
    expect(read.results).toEqual([
      { cluster: 'east', ok: true, data: 'payments@east' },
      { cluster: 'west', ok: true, data: 'payments@west' },
    ]);
    expect(seen.map(r => [r.cluster, r.known, r.pageSize])).toEqual([
      ['east', ['east', 'west'], 7],
      ['west', ['east', 'west'], 7],
    ]);
    expect(seen.every(r => r.ctx.signal instanceof AbortSignal)).toBe(true);
  });

  it('reads only the pinned cluster, and names the pin when the user may not list it', async () => {
    const pinned = {
      scope: (e: Entity) => e.metadata.annotations!['example.com/cluster'],
      pin: (cluster: string) => cluster,
      via: 'annotation example.com/cluster',
      read: async (reader: ClusterReader) => reader.cluster,
    };
    const { access } = accessListing(['east', 'west']);
    const read = await entityClusterRead(deps(access), ref, request(), pinned);
    expect(read.results.map(r => r.cluster)).toEqual(['east']);

    const other = accessListing(['west']);
    await expect(
      entityClusterRead(deps(other.access), ref, request(), pinned),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "Cluster 'east' (annotation example.com/cluster) is not configured in the Kubernetes backend",
    });
  });

  it('fails an entity the user cannot see before any cluster is listed', async () => {
    const { access, listClusters } = accessListing(['east']);
    await expect(
      entityClusterRead(deps(access), { ...ref, name: 'missing' }, request(), {
        scope: () => undefined,
        read: async () => 1,
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(listClusters).not.toHaveBeenCalled();
  });

  it('gives a cluster that overruns the timeout its error beside the others', async () => {
    const { access } = accessListing(['east', 'slow']);
    const read = await entityClusterRead(deps(access, 50), ref, request(), {
      scope: () => undefined,
      read: reader =>
        reader.cluster === 'slow'
          ? new Promise<number>(() => {})
          : Promise.resolve(1),
    });
    expect(read.results).toEqual([
      { cluster: 'east', ok: true, data: 1 },
      expect.objectContaining({
        cluster: 'slow',
        ok: false,
        error: expect.objectContaining({ name: 'ClusterTimeoutError' }),
      }),
    ]);
  });
});

class CountingService extends ClusterReadService {
  computed = 0;

  read(req: ClusterReadRequest) {
    return this.entityRead(
      'counting',
      ref,
      req,
      { scope: () => undefined, read: async reader => reader.cluster },
      ({ results }) => {
        this.computed++;
        return results.map(r => r.cluster);
      },
    );
  }
}

describe('ClusterReadService', () => {
  it('keeps one answer per user for cacheTtl, shaped once', async () => {
    const { access } = accessListing(['east']);
    const service = new CountingService({
      ...deps(access),
      logger: mockServices.logger.mock(),
      options: {
        clusterTimeoutMs: 1000,
        cacheTtlMs: 60_000,
        pageSize: 500,
        inspectLimit: 2,
      },
    });
    const alice = request();
    expect(await service.read(alice)).toEqual(['east']);
    expect(await service.read({ ...alice })).toEqual(['east']);
    expect(service.computed).toBe(1);
    await service.read({
      credentials: mockCredentials.user('user:default/bob'),
      clusterAuthHeaders: {},
    });
    expect(service.computed).toBe(2);
  });
});
