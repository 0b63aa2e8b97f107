import { TIER_NUMBERS, TierNumber } from '@paved/plugin-paved-common';
import { ClusterInput } from '../render/cluster';
import {
  CHOICE_FIELDS,
  CLUSTER_CHOICES,
  ClusterChoices,
  combinationProblems,
  tierChoiceDefaults,
} from '../render/choices';

/** A cluster input with the tier's defaults, changed by `choices`. */
export const clusterInput = (
  tier: TierNumber,
  choices: Partial<ClusterChoices> = {},
): ClusterInput => ({
  name: 'prod-eu-1',
  tier,
  team: 'platform',
  project: 'paved',
  costCenter: 'cc-1234',
  teams: ['payments', 'search'],
  environments: ['dev', 'prod'],
  domain: 'example.com',
  region: 'eu-west-1',
  gitopsRepoUrl: 'https://github.com/example/gitops.git',
  image: `ghcr.io/example/sample-app:1.0.0@sha256:${'a'.repeat(64)}`,
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '512Mi',
  },
  adminGroup: 'platform-admins',
  choices: { ...tierChoiceDefaults(tier), ...choices },
});

/** Every tier with its defaults, and each allowed single change of a choice. */
export function allBaselines(): Array<[string, ClusterInput]> {
  const out: Array<[string, ClusterInput]> = [];
  for (const tier of TIER_NUMBERS) {
    out.push([`tier ${tier} defaults`, clusterInput(tier)]);
    for (const field of CHOICE_FIELDS) {
      for (const value of CLUSTER_CHOICES[field]) {
        const input = clusterInput(tier, { [field]: value });
        if (value === tierChoiceDefaults(tier)[field]) continue;
        if (combinationProblems(tier, input.choices).length) continue;
        out.push([`tier ${tier} ${field} ${value}`, input]);
      }
    }
  }
  return out;
}
