import { TierNumber } from '@paved/plugin-paved-common';
import { MANAGED_BY } from '../labels';
import { ClusterChoices } from '../choices';
import { AddonContext } from '../platform/addonTypes';
import { ContainerDefaults, QuotaInput } from '../types';

export type ClusterInput = {
  name: string;
  tier: TierNumber;
  team: string;
  project: string;
  costCenter: string;
  /** Teams that get namespaces of their own from tier 3. */
  teams: string[];
  environments: string[];
  domain: string;
  region: string;
  gitopsRepoUrl: string;
  image: string;
  quota: QuotaInput;
  defaults: ContainerDefaults;
  adminGroup: string;
  /** Seed 002's choices in effect (tier defaults where none was made). */
  choices: ClusterChoices;
  /** Cilium Cluster Mesh id (1-255, unique in the mesh); default 1. */
  clusterId?: number;
};

/** The label every platform-level object of the baseline carries. */
export const label = { 'app.kubernetes.io/managed-by': MANAGED_BY };

/** The add-on context of a cluster input. */
export function addonContext(c: ClusterInput): AddonContext {
  return {
    cluster: c.name,
    tier: c.tier,
    region: c.region,
    backupBucket: `${c.name}-velero`,
    choices: c.choices,
    clusterId: c.clusterId ?? 1,
  };
}
