import { ClusterResult, LegacyClusterResult, withClusterData } from './results';

describe('withClusterData', () => {
  it('moves an older backend’s health field to data', () => {
    const legacy: LegacyClusterResult<{ score: number }> = {
      cluster: 'east',
      ok: true,
      health: { score: 0.5 },
      apiLatency: {
        calls: 1,
        medianMs: 3,
        p95Ms: 3,
        maxMs: 3,
        meetsTarget: true,
      },
    };
    const result = withClusterData(legacy);
    expect(result).toEqual({
      cluster: 'east',
      ok: true,
      data: { score: 0.5 },
      apiLatency: legacy.apiLatency,
    });
    expect(result).not.toHaveProperty('health');
  });

  it('leaves current answers and errors as they are', () => {
    const current: ClusterResult<number> = { cluster: 'a', ok: true, data: 1 };
    const failed: ClusterResult<number> = {
      cluster: 'b',
      ok: false,
      error: { name: 'Error', message: 'boom', statusCode: 500 },
    };
    expect(withClusterData(current)).toBe(current);
    expect(withClusterData(failed)).toBe(failed);
  });
});
