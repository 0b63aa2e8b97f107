import { getTier, TierNumber } from '@paved/plugin-paved-common';

/** Who answers the tenant, and where; all optional with honest defaults. */
export type PlatformContractInput = {
  /** The platform team's catalog group, e.g. `group:default/platform`. */
  platformTeam?: string;
  /** Where tenants ask for help, e.g. a chat channel or a queue URL. */
  supportChannel?: string;
  /** The on-call route for severity 1, e.g. a PagerDuty service name. */
  onCall?: string;
};

/** What the contract needs to know about the tenant. */
export type ContractTenant = {
  name: string;
  team: string;
  tier: TierNumber;
  environments: string[];
  groups: { admin: string; developer: string };
  isolationLevel: string;
  guardrails: boolean;
};

/**
 * Response targets per tier. Tiers 1-2 run one team's cluster in office
 * hours; from tier 3 (several teams share the platform) severity 1 is
 * answered around the clock, because one incident stops many teams.
 */
const SUPPORT: Record<
  TierNumber,
  { hours: string; sev1: string; sev2: string; sev3: string }
> = {
  1: {
    hours: 'business hours',
    sev1: '4h',
    sev2: '1 business day',
    sev3: 'best effort',
  },
  2: {
    hours: 'business hours',
    sev1: '1h',
    sev2: '4h',
    sev3: '2 business days',
  },
  3: {
    hours: '24×7 for severity 1, business hours otherwise',
    sev1: '30 min',
    sev2: '4h',
    sev3: '2 business days',
  },
  4: {
    hours: '24×7 for severity 1 and 2',
    sev1: '15 min',
    sev2: '1h',
    sev3: '1 business day',
  },
  5: { hours: '24×7', sev1: '15 min', sev2: '30 min', sev3: '1 business day' },
};

/**
 * The version of the tenant baseline the contract names. Bump it with the
 * rule in the contract's "Versioning" section when what renderTenant writes
 * changes (the golden test in src/render/__golden__ shows when it does).
 */
export const TENANT_BASELINE_VERSION = '1.1.0';

/** How long a deprecated baseline part keeps working after it is announced. */
export const DEPRECATION_NOTICE_DAYS: Record<TierNumber, number> = {
  1: 30,
  2: 60,
  3: 90,
  4: 90,
  5: 180,
};

/**
 * The tenant's `PLATFORM.md`: the contract between the platform team and
 * the tenant (what each side provides, versioning, deprecation, support and
 * escalation), written with the tenant's own tier, roles and contacts so it
 * is the page a tenant reads, not a generic policy.
 */
export function renderPlatformContract(
  t: ContractTenant,
  contract: PlatformContractInput = {},
  baselineVersion: string = TENANT_BASELINE_VERSION,
): string {
  const tier = getTier(t.tier);
  const support = SUPPORT[t.tier];
  const dr = tier.defaults.disasterRecovery;
  const platformTeam = contract.platformTeam ?? 'the platform team';
  const channel =
    contract.supportChannel ??
    `the platform team's support channel (not set: \`paved.tenants.contract.supportChannel\` in the portal's config)`;
  const onCall =
    contract.onCall ??
    `${platformTeam}'s on-call (not set: \`paved.tenants.contract.onCall\`)`;
  const namespaces = t.environments.map(e => `\`${t.name}-${e}\``).join(', ');
  const days = DEPRECATION_NOTICE_DAYS[t.tier];

  return `# Platform contract for tenant ${t.name}

This is the agreement between ${platformTeam} and team **${t.team}** for
tenant \`${t.name}\` on a tier ${t.tier} (${tier.title}) cluster. It was
written by Paved's "Onboard a tenant" template, tenant baseline version
${baselineVersion}; changes to it come as pull requests like any other
change to this tenant.

## What the platform provides

- Namespaces ${namespaces}, with a ResourceQuota, a LimitRange, Pod
  Security \`${tier.podSecurity.enforce}\` enforced, and a default-deny
  NetworkPolicy that lets the tenant's own namespaces and DNS through.
- Two roles: \`${t.groups.admin}\` as tenant admins and
  \`${t.groups.developer}\` as developers (see docs/tenants.md, "Tenant
  roles", for what each may do).
- Isolation tier \`${t.isolationLevel}\`.
- ${
    t.guardrails
      ? 'Guardrail policies on every namespace: the tenant label, the name prefix and no references to other namespaces.'
      : 'No guardrail policies: the cluster has no policy engine that can enforce them.'
  }
- Disaster recovery as the tier defines it: ${
    dr.strategy === 'none'
      ? 'none (tier 1 keeps no backups; keep your own).'
      : `${dr.method}, recovery point ${dr.rpo}, recovery time ${dr.rto}.`
  }

## What the tenant provides

- Everything it deploys carries \`paved.dev/tenant: ${t.name}\` and a name
  starting with \`${t.name}-\`.
- Requests and limits within the quota; asks for more through the "Change a
  tenant" template, not by editing the ResourceQuota.
- Its own application alerts' receivers, and a person reachable while its
  workloads run.
- No changes to objects labelled \`app.kubernetes.io/managed-by:
  paved-scaffolder\`: they belong to the platform and are put back on the
  next delivery.

## Versioning

The tenant baseline (the objects above) follows semantic versioning:
patch releases fix defects and apply without notice; minor releases add
objects or options and are proposed as a pull request the tenant can
review; a major release changes or removes something the tenant may rely
on and follows the deprecation rule below. The version in effect is the one
named at the top of this file.

## Deprecation

A part of the baseline that will change or go is announced in the platform
changelog and in ${channel} at least **${days} days** before it changes.
During that time the old and the new both work, and the scaffolder's dry run
names what is deprecated.

## Support

Ask in ${channel}. Hours: ${support.hours}.

| Severity | Meaning | First answer within |
| --- | --- | --- |
| 1 | production of this tenant is down or data is at risk | ${support.sev1} |
| 2 | production degraded, or a deploy is blocked by the platform | ${
    support.sev2
  } |
| 3 | a question, or a problem with a workaround | ${support.sev3} |

Before asking, check the runbook the portal links from the failing card:
most problems there are in the tenant's own hands.

## Escalation

1. ${channel}, with the tenant name, the namespace and the portal link.
2. Severity 1, or no answer within the target: ${onCall}.
3. Still unresolved after twice the target: the lead of ${platformTeam}.
`;
}
