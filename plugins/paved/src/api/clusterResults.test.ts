import { withCurrentClusterResults } from './clusterResults';

describe('withCurrentClusterResults', () => {
  it("renames an older backend's health field to data in clusters and in a single cluster", () => {
    const legacy = {
      entityRef: 'component:default/x',
      clusters: [
        { cluster: 'a', ok: true, health: { score: 1 }, apiLatency: undefined },
        { cluster: 'b', ok: false, error: { name: 'E', message: 'no' } },
      ],
    };
    expect(withCurrentClusterResults(legacy)).toEqual({
      entityRef: 'component:default/x',
      clusters: [
        { cluster: 'a', ok: true, data: { score: 1 }, apiLatency: undefined },
        { cluster: 'b', ok: false, error: { name: 'E', message: 'no' } },
      ],
    });
    expect(
      withCurrentClusterResults({
        cluster: { cluster: 'a', ok: true, health: { nodes: 3 } },
      }),
    ).toEqual({ cluster: { cluster: 'a', ok: true, data: { nodes: 3 } } });
  });

  it('leaves current answers, and answers that are not cluster results, as they are', () => {
    const current = { clusters: [{ cluster: 'a', ok: true, data: { n: 1 } }] };
    expect(withCurrentClusterResults(current)).toBe(current);
    // A fleet row has a health field of its own and no `ok`.
    const fleet = { clusters: [{ cluster: 'a', health: { nodes: 3 } }] };
    expect(withCurrentClusterResults(fleet)).toBe(fleet);
    // Drift and cost results carry their data under their own names.
    const drift = { clusters: [{ cluster: 'a', ok: true, drift: {} }] };
    expect(withCurrentClusterResults(drift)).toBe(drift);
    expect(withCurrentClusterResults(null)).toBeNull();
    expect(withCurrentClusterResults([1, 2])).toEqual([1, 2]);
  });
});
