import { TierNumber } from '@paved/plugin-paved-common';
import { CHOICE_FIELDS, ClusterChoices, tierChoiceDefaults } from '../choices';
import { applySteps } from '../platform/addonFiles';
import { addonVersion } from '../platform/addonTypes';
import { installPlan } from '../platform/installPlan';
import { renderReadme } from '../readme';
import { RenderedFile } from '../types';
import { textFile } from '../yaml';
import type { BaselineContext } from './context';

/** What a tier asks for that is not a Kubernetes object: a plan, from its tier on. */
const PLANS: Record<string, { tier: TierNumber; title: string; body: string }> =
  {
    'sealed-secrets': {
      tier: 3,
      title: 'Sealed Secrets after tier 2',
      body: 'From tier 3 secrets come from Vault through External Secrets; keep the Sealed Secrets controller only while migrating existing SealedSecrets.',
    },
    'cilium-l7-policy': {
      tier: 3,
      title: 'Cilium L7 network policy',
      body: 'CiliumNetworkPolicy has no validated model in this generator, so it is not emitted as a manifest. After Cilium is the CNI, add per-service L7 rules (HTTP method and path) next to the namespace NetworkPolicies.',
    },
    'vault-replication': {
      tier: 4,
      title: 'Vault cross-cluster replication',
      body: 'Run Vault HA (raft) per region and enable performance replication from the primary; replication needs a Vault Enterprise licence and is configured with the Vault API, not with Kubernetes objects.',
    },
    'fleet-management': {
      tier: 5,
      title: 'Fleet management',
      body: 'Register every cluster with the fleet manager of the provider (EKS with Argo CD cluster secrets, GKE Fleet, Rancher). The fleet ApplicationSet in manifests/gitops selects clusters by the label paved.dev/fleet.',
    },
    'crossplane-compositions': {
      tier: 5,
      title: 'Crossplane compositions',
      body: 'Crossplane is installed by manifests/platform/crossplane.yaml; manifests/crossplane holds the provider of the chosen cloud, its ProviderConfig and the XBucket XRD (claim kind Bucket). Write one Composition per provider for the XRD (Composition functions are pipelines, reviewed like code) and validate it against the installed CRDs in CI.',
    },
    'custom-operators': {
      tier: 5,
      title: 'Custom operators',
      body: 'Scaffold with `kubebuilder init --domain paved.dev` and `kubebuilder create api`; ship the CRDs through GitOps like any other add-on.',
    },
    'platform-api': {
      tier: 5,
      title: 'Platform API',
      body: 'The platform API is Backstage: the Paved templates "Kubernetes cluster baseline" and "Onboard a tenant" generate and apply these manifests.',
    },
    'virtual-clusters': {
      tier: 5,
      title: 'Virtual clusters',
      body: 'Tenants that need cluster-scoped objects get a vcluster inside their own namespace instead of cluster-wide rights: one release of the vcluster chart (https://charts.loft.sh, chart vcluster) per tenant namespace, delivered with the tenant (the "Onboard a tenant" template), never a cluster-wide install. The baseline installs no vcluster of its own.',
    },
    'vault-hsm': {
      tier: 5,
      title: 'Multi-tenant Vault with HSM',
      body: 'Use Vault namespaces per tenant and auto-unseal with an HSM or cloud KMS; both are Vault configuration, not Kubernetes objects.',
    },
  };

/** Output-spec items the plans satisfy, where the id differs from the plan's. */
const PLAN_SPEC_IDS: Record<string, string> = {
  'vault-replication': 'vault-ha',
  'crossplane-compositions': 'crossplane',
  'virtual-clusters': 'vcluster',
};

/** The tier's plans as docs/<id>.md (Sealed Secrets' migration note from tier 3). */
export function planFiles(b: BaselineContext): RenderedFile[] {
  const tier = b.input.tier;
  return Object.entries(PLANS)
    .filter(
      ([id, plan]) =>
        plan.tier <= tier && !(id === 'sealed-secrets' && tier < 3),
    )
    .map(([id, plan]) =>
      textFile(`docs/${id}.md`, `# ${plan.title}\n\n${plan.body}\n`, [
        PLAN_SPEC_IDS[id] ?? id,
      ]),
    );
}

/**
 * Where a tier's declared default cannot be rendered for the provider; the
 * template's form states the same before the run.
 */
export function providerNotes(
  tier: TierNumber,
  provider: ClusterChoices['provider'],
): string[] {
  const notes: string[] = [];
  if (tier >= 3 && provider !== 'aws-eks') {
    notes.push(
      `Karpenter (the tier's node autoscaler) runs on EKS only; on ${provider} use the provider's node autoscaling (GKE node auto-provisioning, AKS node autoprovisioning, Cluster Autoscaler on-prem). The baseline installs VPA and HPA, not Karpenter.`,
    );
  }
  if (tier >= 3 && provider === 'aws-eks') {
    notes.push(
      'Cilium runs chained onto the AWS VPC CNI (chainingMode aws-cni): pod addresses stay VPC addresses.',
    );
  }
  if (tier >= 4 && provider !== 'on-prem') {
    notes.push(
      `The API server's audit policy is managed by ${provider}; audit logging is switched on through the provider (cluster-config/).`,
    );
  }
  return notes;
}

/**
 * The README over every file: the tier, the choices (and where they differ
 * from the tier's defaults), the add-ons, provider notes and apply steps.
 */
export function readmeFile(
  b: BaselineContext,
  manifests: RenderedFile[],
): RenderedFile {
  const c = b.input;
  const tier = b.tier;
  const addons = b.addons;
  const notes = providerNotes(c.tier, c.choices.provider);
  return renderReadme({
    title: `Cluster ${c.name}: tier ${tier.tier} (${tier.title}) baseline`,
    intro: [
      `${tier.summary} Choices: ${CHOICE_FIELDS.map(f => {
        const isDefault = c.choices[f] === tierChoiceDefaults(c.tier)[f];
        return `${f} ${c.choices[f]}${
          isDefault ? '' : ` (tier default ${tierChoiceDefaults(c.tier)[f]})`
        }`;
      }).join(', ')}; namespaces ${
        tier.defaults.namespaceStrategy
      }, observability ${tier.defaults.observability}, ` +
        `DR ${tier.defaults.disasterRecovery.strategy} (RPO ${tier.defaults.disasterRecovery.rpo}, RTO ${tier.defaults.disasterRecovery.rto}).`,
      '',
      `Add-ons: ${addons
        .map(
          a =>
            `${a.id} (${
              a.source.type === 'helm'
                ? `${a.source.chart} ${a.source.version}`
                : addonVersion(a)
            })`,
        )
        .join(', ')}.`,
      ...(notes.length
        ? ['', '## Provider notes', '', ...notes.map(n => `- ${n}`)]
        : []),
    ],
    tier: c.tier,
    files: manifests,
    checkTierSpec: true,
    applySteps: applySteps(installPlan(manifests, addons), c.choices.gitops),
  });
}
