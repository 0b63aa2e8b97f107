import type { FleetRow } from '@paved/plugin-paved-common';
import { filterFleetRows, fleetFilterOptions, NONE } from './filterFleet';

const row = (cluster: string, extra: Partial<FleetRow> = {}): FleetRow => ({
  cluster,
  entityRef: `resource:default/${cluster}`,
  inCatalog: true,
  readiness: 'ready',
  ...extra,
});

const rows = [
  row('eu', { tier: 4, provider: 'gke', owner: 'group:default/platform' }),
  row('us', { tier: 2, provider: 'aws', owner: 'group:default/platform' }),
  row('lab', { provider: 'kind' }),
];

describe('filterFleetRows', () => {
  it('keeps rows matching every filter, in order', () => {
    expect(filterFleetRows(rows, {}).map(r => r.cluster)).toEqual([
      'eu',
      'us',
      'lab',
    ]);
    expect(
      filterFleetRows(rows, { owner: 'group:default/platform' }).map(
        r => r.cluster,
      ),
    ).toEqual(['eu', 'us']);
    expect(
      filterFleetRows(rows, {
        owner: 'group:default/platform',
        provider: 'aws',
      }).map(r => r.cluster),
    ).toEqual(['us']);
    expect(filterFleetRows(rows, { tier: NONE }).map(r => r.cluster)).toEqual([
      'lab',
    ]);
    expect(filterFleetRows(rows, { tier: 'Tier 3' })).toEqual([]);
  });
});

describe('fleetFilterOptions', () => {
  it('offers the values present, sorted, with (none) last', () => {
    expect(fleetFilterOptions(rows)).toEqual({
      tiers: ['Tier 2', 'Tier 4', NONE],
      providers: ['aws', 'gke', 'kind'],
      owners: ['group:default/platform', NONE],
    });
  });
});
