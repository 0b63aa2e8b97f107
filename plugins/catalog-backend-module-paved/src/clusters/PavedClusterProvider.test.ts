import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { PavedClusterProvider } from './PavedClusterProvider';

const config = (paved: JsonObject) =>
  mockServices.rootConfig({
    data: {
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              { name: 'good', url: 'https://good' },
              { name: 'broken', url: 'https://broken' },
            ],
          },
        ],
      },
      paved: { clusters: paved },
    },
  });

function connection() {
  return {
    applyMutation: jest.fn(async () => {}),
    refresh: jest.fn(async () => {}),
  } satisfies EntityProviderConnection;
}

describe('PavedClusterProvider', () => {
  it('logs an error naming the broken cluster and emits only the good one, as a full mutation', async () => {
    const logger = mockServices.logger.mock();
    const conn = connection();
    const provider = new PavedClusterProvider(
      config({
        good: { owner: 'ops', tier: 2 },
        broken: { owner: 'ops', tier: 'six' },
      }),
      logger,
    );
    await provider.connect(conn);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      'Cluster "broken": paved.clusters.broken.tier must be 1, 2, 3, 4 or 5, got "six"; no catalog entity is registered for it',
    );
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
    expect(conn.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        expect.objectContaining({
          locationKey: 'paved-cluster-config:good',
          entity: expect.objectContaining({
            metadata: expect.objectContaining({ name: 'good' }),
          }),
        }),
      ],
    });
  });

  it('emits an empty full mutation when disabled, so earlier clusters leave the catalog', async () => {
    const logger = mockServices.logger.mock();
    const conn = connection();
    await new PavedClusterProvider(
      config({ catalogProvider: { enabled: false, defaultOwner: 'ops' } }),
      logger,
    ).connect(conn);
    expect(conn.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [],
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('does nothing before the catalog connects', async () => {
    const logger = mockServices.logger.mock();
    await expect(
      new PavedClusterProvider(config({}), logger).refresh(),
    ).resolves.toBeUndefined();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('runs refreshes one after the other and survives a failed one', async () => {
    const logger = mockServices.logger.mock();
    const order: string[] = [];
    let fail = true;
    const conn = connection();
    conn.applyMutation.mockImplementation(async () => {
      order.push('start');
      await new Promise(r => setTimeout(r, 20));
      order.push('end');
      if (fail) {
        fail = false;
        throw new Error('database gone');
      }
    });
    const provider = new PavedClusterProvider(
      config({ catalogProvider: { defaultOwner: 'ops' } }),
      logger,
    );
    await expect(provider.connect(conn)).rejects.toThrow('database gone');
    await Promise.all([provider.refresh(), provider.refresh()]);
    expect(order).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });
});
