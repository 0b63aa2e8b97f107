import type { FleetRow } from '@paved/plugin-paved-common';

/** The fleet page's filters; absent: any. */
export interface FleetFilters {
  tier?: string;
  provider?: string;
  owner?: string;
}

/** What a row shows for a missing value, and what the filter offers for it. */
export const NONE = '(none)';

const tierOf = (row: FleetRow) =>
  row.tier === undefined ? NONE : `Tier ${row.tier}`;
const providerOf = (row: FleetRow) => row.provider ?? NONE;
const ownerOf = (row: FleetRow) => row.owner ?? NONE;

/** Rows matching every filter set, in the order given (worst first). */
export function filterFleetRows(
  rows: readonly FleetRow[],
  filters: FleetFilters,
): FleetRow[] {
  return rows.filter(
    row =>
      (!filters.tier || tierOf(row) === filters.tier) &&
      (!filters.provider || providerOf(row) === filters.provider) &&
      (!filters.owner || ownerOf(row) === filters.owner),
  );
}

/** The values each filter offers: those present in the rows, sorted. */
export function fleetFilterOptions(rows: readonly FleetRow[]): {
  tiers: string[];
  providers: string[];
  owners: string[];
} {
  const distinct = (f: (row: FleetRow) => string) =>
    // `(none)` last, the rest alphabetically.
    [...new Set(rows.map(f))].sort(
      (a, b) => Number(a === NONE) - Number(b === NONE) || a.localeCompare(b),
    );
  return {
    tiers: distinct(tierOf),
    providers: distinct(providerOf),
    owners: distinct(ownerOf),
  };
}
