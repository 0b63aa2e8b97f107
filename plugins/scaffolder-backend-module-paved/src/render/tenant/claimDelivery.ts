import { stringify } from 'yaml';
import { renderReadme } from '../readme';
import {
  platformContractFile,
  tenantEntity,
  TenantInput,
  TenantRenderOptions,
  tenantNamespaceName,
} from '../tenant';
import { RenderedFile } from '../types';
import { manifestFile, textFile } from '../yaml';
import {
  TENANT_CLAIM_NAMESPACE,
  TENANT_XRD_NAME,
  tenantClaim,
  TenantClaimSpec,
} from './claim';

/** The claim's spec of a tenant the action has checked for `delivery: claim`. */
export function claimSpecOf(t: TenantInput): TenantClaimSpec {
  return {
    tenant: t.name,
    team: t.team,
    project: t.project,
    costCenter: t.costCenter,
    tier: t.tier,
    environments: t.environments,
    quota: t.quota,
    defaults: t.defaults,
    groups: t.groups,
    ...(t.priorityClass ? { priorityClass: t.priorityClass } : {}),
    guardrails: t.guardrails !== false,
  };
}

/** Where `delivery: claim` writes the claim (the apply path applies manifests/). */
export const TENANT_CLAIM_FILE = 'manifests/tenant-claim.yaml';

/**
 * `delivery: claim`: one Tenant claim, the catalog entity and a README, in
 * memory; the cluster's Tenant Composition creates the rest.
 */
export function renderTenantClaim(
  t: TenantInput,
  options: TenantRenderOptions = {},
): RenderedFile[] {
  const files: RenderedFile[] = [
    {
      ...manifestFile(TENANT_CLAIM_FILE, [tenantClaim(claimSpecOf(t))]),
      validateAs: 'crossplane-claim',
    },
    textFile(
      'catalog-info.yaml',
      stringify(tenantEntity(t), { lineWidth: 0, sortMapEntries: false }),
    ),
  ];
  files.push(platformContractFile(t, options.contract));
  files.push(
    renderReadme({
      title: `Tenant ${t.name}`,
      intro: [
        `Onboards tenant \`${t.name}\` (team \`${t.team}\`) as one Crossplane claim: ` +
          `\`Tenant/${t.name}\` in the namespace \`${TENANT_CLAIM_NAMESPACE}\`. ` +
          `The cluster's Composition \`${TENANT_XRD_NAME}\` (shipped by the tier ${t.tier} baseline) ` +
          `creates, in each of ${t.environments
            .map(e => `\`${tenantNamespaceName(t.name, e)}\``)
            .join(', ')}, what the manifests delivery would write: ` +
          `the namespace, quota, limit range, network policies, tenant roles and bindings, ` +
          `PodMonitor and, unless switched off, the guardrail policy.`,
        `Change the tenant by changing the claim; deleting the claim deletes what it composed.`,
      ],
      tier: t.tier,
      files,
      checkTierSpec: false,
    }),
  );
  return files;
}
