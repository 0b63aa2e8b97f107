import { getTier, podSecurityLabels, TIER_NUMBERS, TIERS } from './tiers';

describe('tiers', () => {
  it('has five tiers numbered and named in order', () => {
    expect(TIER_NUMBERS.map(t => TIERS[t].id)).toEqual([
      'foundation',
      'production',
      'enterprise',
      'multi-cluster',
      'hyperscale',
    ]);
  });

  it.each([
    [
      1,
      'none',
      'none',
      'kubernetes-secrets',
      'nginx-ingress',
      'none',
      'single-namespace',
      'kubectl-logs',
      'none',
    ],
    [
      2,
      'none',
      'none',
      'sealed-secrets',
      'nginx-ingress',
      'kyverno',
      'per-environment',
      'prometheus-grafana',
      '24h',
    ],
    [
      3,
      'argocd',
      'istio',
      'external-secrets-vault',
      'gateway-api',
      'kyverno',
      'per-team-per-environment',
      'full-stack',
      '1h',
    ],
    [
      4,
      'argocd',
      'istio',
      'external-secrets-vault',
      'gateway-api',
      'kyverno-and-gatekeeper',
      'hierarchical',
      'full-stack',
      '15m',
    ],
    [
      5,
      'argocd',
      'istio',
      'external-secrets-vault',
      'gateway-api',
      'kyverno-and-gatekeeper',
      'virtual-clusters',
      'full-stack',
      '~0',
    ],
  ])(
    'tier %i defaults: gitops %s, mesh %s, secrets %s, ingress %s, policy %s, namespaces %s, observability %s, RPO %s',
    (tier, gitops, mesh, secrets, ingress, policy, ns, obs, rpo) => {
      const d = getTier(tier).defaults;
      expect(d.provider).toBe('aws-eks');
      expect(d.packaging).toBe('helm');
      expect([d.gitops, d.mesh, d.secrets, d.ingress, d.policyEngine]).toEqual([
        gitops,
        mesh,
        secrets,
        ingress,
        policy,
      ]);
      expect(d.namespaceStrategy).toBe(ns);
      expect(d.observability).toBe(obs);
      expect(d.disasterRecovery.rpo).toBe(rpo);
    },
  );

  it('refuses tiers outside 1-5', () => {
    expect(() => getTier(0)).toThrow(/tier must be one of/);
    expect(() => getTier(6)).toThrow(/tier must be one of/);
    expect(() => getTier(2.5)).toThrow(/tier must be one of/);
  });

  it('enforces baseline Pod Security at tier 1 and restricted from tier 2', () => {
    expect(podSecurityLabels(1)['pod-security.kubernetes.io/enforce']).toBe(
      'baseline',
    );
    for (const t of [2, 3, 4, 5] as const) {
      expect(podSecurityLabels(t)['pod-security.kubernetes.io/enforce']).toBe(
        'restricted',
      );
    }
  });

  it('requires quotas and default deny from tier 2', () => {
    expect(TIER_NUMBERS.map(t => TIERS[t].requiresQuota)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(TIER_NUMBERS.map(t => TIERS[t].requiresDefaultDeny)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });
});
