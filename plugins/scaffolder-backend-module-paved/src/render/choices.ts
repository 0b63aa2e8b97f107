import { getTier, TierNumber } from '@paved/plugin-paved-common';

/**
 * The choices seed 002 lets a team make for a cluster, with what each may be.
 * `default` (or leaving the input out) takes the tier's default from
 * `@paved/plugin-paved-common` (TIERS[tier].defaults).
 */
export const CLUSTER_CHOICES = {
  provider: ['aws-eks', 'gke', 'aks', 'on-prem'],
  packaging: ['helm', 'kustomize', 'raw'],
  gitops: ['argocd', 'flux', 'none'],
  mesh: ['none', 'istio', 'linkerd', 'cilium'],
  secrets: ['kubernetes-secrets', 'sealed-secrets', 'external-secrets-vault'],
  ingress: ['nginx-ingress', 'gateway-api'],
  policyEngine: ['none', 'kyverno', 'gatekeeper', 'kyverno-and-gatekeeper'],
} as const;

export type ChoiceField = keyof typeof CLUSTER_CHOICES;
export type ClusterChoices = {
  [K in ChoiceField]: (typeof CLUSTER_CHOICES)[K][number];
};

export const CHOICE_FIELDS = Object.keys(CLUSTER_CHOICES) as ChoiceField[];

/** The tier's default for each choice. */
export function tierChoiceDefaults(tier: TierNumber): ClusterChoices {
  const d = getTier(tier).defaults;
  return {
    provider: d.provider,
    packaging: d.packaging,
    gitops: d.gitops,
    mesh: d.mesh,
    secrets: d.secrets,
    ingress: d.ingress,
    policyEngine: d.policyEngine,
  };
}

/** Problems (field, rule) of the choices given; empty when all are allowed. */
export function choiceProblems(
  input: Record<string, unknown>,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const field of CHOICE_FIELDS) {
    const v = input[field];
    if (v === undefined || v === 'default') continue;
    if (!(CLUSTER_CHOICES[field] as readonly unknown[]).includes(v)) {
      out.push([
        field,
        `${JSON.stringify(v)} must be default or one of ${CLUSTER_CHOICES[
          field
        ].join(', ')}`,
      ]);
    }
  }
  return out;
}

/** The choices in effect: what was chosen, the tier's default otherwise. */
export function resolveChoices(
  tier: TierNumber,
  input: Record<string, unknown>,
): ClusterChoices {
  const defaults = tierChoiceDefaults(tier);
  const out = { ...defaults } as Record<ChoiceField, string>;
  for (const field of CHOICE_FIELDS) {
    const v = input[field];
    if (typeof v === 'string' && v !== 'default') out[field] = v;
  }
  return out as ClusterChoices;
}

export const usesGatekeeper = (c: ClusterChoices) =>
  c.policyEngine === 'gatekeeper' ||
  c.policyEngine === 'kyverno-and-gatekeeper';

export const usesKyverno = (c: ClusterChoices) =>
  c.policyEngine === 'kyverno' || c.policyEngine === 'kyverno-and-gatekeeper';

/**
 * Combinations a tier's output specification rules out: from tier 2 secrets
 * must be encrypted for Git, from tier 3 the baseline is Argo CD
 * app-of-apps, Kyverno, External Secrets with Vault and Gateway API, and
 * from tier 4 Gatekeeper and an Istio or Linkerd mesh join them.
 */
export function combinationProblems(
  tier: TierNumber,
  c: ClusterChoices,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const need = (
    ok: boolean,
    field: ChoiceField,
    from: TierNumber,
    rule: string,
  ) => {
    if (!ok && tier >= from)
      out.push([
        field,
        `${c[field]} is not allowed at tier ${tier}: from tier ${from} ${rule}`,
      ]);
  };
  need(
    c.secrets !== 'kubernetes-secrets',
    'secrets',
    2,
    'secrets must be safe to commit (sealed-secrets or external-secrets-vault)',
  );
  need(
    c.secrets === 'external-secrets-vault',
    'secrets',
    3,
    'secrets come from Vault through External Secrets',
  );
  need(
    c.gitops === 'argocd',
    'gitops',
    3,
    'the baseline is an Argo CD app-of-apps (gitops argocd)',
  );
  need(c.ingress === 'gateway-api', 'ingress', 3, 'ingress is Gateway API');
  need(
    c.policyEngine === 'kyverno' || c.policyEngine === 'kyverno-and-gatekeeper',
    'policyEngine',
    3,
    'Kyverno enforces the policies (kyverno or kyverno-and-gatekeeper)',
  );
  need(
    c.policyEngine === 'kyverno-and-gatekeeper',
    'policyEngine',
    4,
    'OPA Gatekeeper runs next to Kyverno (kyverno-and-gatekeeper)',
  );
  need(
    c.mesh === 'istio' || c.mesh === 'linkerd',
    'mesh',
    4,
    'the mesh is Istio or Linkerd (seed 002: "Istio/Linkerd service mesh configuration") with mutual TLS and cross-cluster discovery',
  );
  return out;
}
