import {
  getPath,
  OUTPUT_SPEC,
  outputSpecForTier,
  satisfactionsAt,
} from './outputSpec';
import { TIER_NUMBERS } from './tiers';

const ids = (tier: 1 | 2 | 3 | 4 | 5) => outputSpecForTier(tier).map(i => i.id);

describe('output specification', () => {
  it('has unique ids and at least one satisfaction per item', () => {
    expect(new Set(OUTPUT_SPEC.map(i => i.id)).size).toBe(OUTPUT_SPEC.length);
    for (const i of OUTPUT_SPEC)
      expect(i.satisfiedBy.length).toBeGreaterThan(0);
  });

  it('is cumulative: every tier includes all items of the tiers below', () => {
    for (const t of TIER_NUMBERS.slice(1)) {
      const below = ids((t - 1) as 1 | 2 | 3 | 4);
      expect(ids(t)).toEqual(expect.arrayContaining(below));
      expect(ids(t).length).toBeGreaterThan(below.length);
    }
  });

  it('maps tier 1 item by item', () => {
    expect(ids(1)).toEqual([
      'deployment-resources',
      'service-clusterip',
      'configmap',
      'secret',
      'namespace',
      'ingress',
      'readme',
      'encryption-at-rest',
    ]);
  });

  it('maps tier 2 item by item', () => {
    expect(ids(2).filter(i => !ids(1).includes(i))).toEqual([
      'quota-limitrange',
      'namespace-rbac',
      'sealed-secrets',
      'network-policy',
      'hpa',
      'pdb',
      'ingress-tls',
      'pod-security-restricted',
      'probes',
      'service-monitor',
      'kustomize-base',
    ]);
  });

  it('maps tier 3 item by item', () => {
    expect(ids(3).filter(i => !ids(2).includes(i))).toEqual([
      'namespace-hierarchy',
      'policy-engine',
      'external-secrets-vault',
      'gateway-api',
      'cilium-l7-policy',
      'argocd-apps',
      'gitops-app-of-apps',
      'kube-prometheus-stack',
      'loki',
      'slo-alerts',
      'velero-schedules',
      'cost-visibility',
      'aggregated-rbac',
      'vpa',
      'topology-spread',
    ]);
  });

  it('maps tier 4 item by item', () => {
    expect(ids(4).filter(i => !ids(3).includes(i))).toEqual([
      'argocd-hub-spoke',
      'service-mesh',
      'cross-cluster-discovery',
      'dns-failover',
      'thanos',
      'vault-ha',
      'argo-rollouts',
      'velero-cross-region',
      'audit-policy',
      'oidc-rbac',
      'gatekeeper',
    ]);
  });

  it('maps tier 5 item by item', () => {
    expect(ids(5).filter(i => !ids(4).includes(i))).toEqual([
      'fleet-management',
      'cilium-cluster-mesh',
      'crossplane',
      'custom-operators',
      'karpenter',
      'kubecost',
      'platform-api',
      'vcluster',
      'vault-hsm',
      'slsa-admission',
      'tetragon',
    ]);
  });

  it('replaces staged satisfactions as the tier grows', () => {
    const secret = OUTPUT_SPEC.find(i => i.id === 'secret')!;
    // By each tier's default secrets choice.
    expect(satisfactionsAt(secret, 1).map(s => s.kind)).toEqual(['Secret']);
    expect(satisfactionsAt(secret, 2).map(s => s.kind)).toEqual([
      'SealedSecret',
    ]);
    expect(satisfactionsAt(secret, 5).map(s => s.kind)).toEqual([
      'ExternalSecret',
    ]);
    const sealed = OUTPUT_SPEC.find(i => i.id === 'sealed-secrets')!;
    expect(satisfactionsAt(sealed, 3).map(s => s.file)).toEqual([
      'manifests/sample-app/secret.yaml',
      'docs/sealed-secrets.md',
    ]);
    const quota = OUTPUT_SPEC.find(i => i.id === 'quota-limitrange')!;
    expect(satisfactionsAt(quota, 2)).toHaveLength(2);
  });

  it('follows the seed-002 choices, the tier defaults when none are given', () => {
    const find = (id: string) => OUTPUT_SPEC.find(i => i.id === id)!;
    const kinds = (
      id: string,
      tier: 1 | 2 | 3 | 4 | 5,
      choices?: Record<string, string>,
    ) =>
      satisfactionsAt(find(id), tier, choices).map(
        s => `${s.file}:${s.kind ?? ''}`,
      );
    expect(kinds('secret', 2, { secrets: 'external-secrets-vault' })).toEqual([
      'manifests/sample-app/secret.yaml:ExternalSecret',
    ]);
    expect(kinds('ingress', 2, { ingress: 'gateway-api' })).toEqual([
      'manifests/sample-app/ingress.yaml:HTTPRoute',
    ]);
    expect(kinds('service-mesh', 4)).toEqual([
      'manifests/platform/istiod.yaml:Application',
      'manifests/mesh/peer-authentication.yaml:PeerAuthentication',
    ]);
    expect(kinds('service-mesh', 4, { mesh: 'linkerd' })).toEqual([
      'manifests/platform/linkerd-control-plane.yaml:Application',
      'manifests/mesh/linkerd-policy.yaml:Server',
      'manifests/mesh/linkerd-policy.yaml:AuthorizationPolicy',
      'manifests/mesh/linkerd-policy.yaml:MeshTLSAuthentication',
    ]);
    expect(kinds('gatekeeper', 4)).toEqual([
      'manifests/platform/gatekeeper.yaml:Application',
      'manifests/policies/gatekeeper.yaml:ConstraintTemplate',
      'manifests/policies/gatekeeper.yaml:K8sResourceLimits',
    ]);
    expect(kinds('crossplane', 5, { provider: 'gke' })).not.toContain(
      'manifests/crossplane/providers.yaml:ProviderConfig',
    );
    expect(kinds('crossplane', 5)).toContain(
      'manifests/crossplane/providers.yaml:ProviderConfig',
    );
  });

  it('reads dotted paths with escaped dots', () => {
    const o = { metadata: { labels: { 'a.b/c': 'x' } }, l: [{ n: 1 }] };
    expect(getPath(o, 'metadata.labels.a\\.b/c')).toBe('x');
    expect(getPath(o, 'l.0.n')).toBe(1);
    expect(getPath(o, 'l.1.n')).toBeUndefined();
  });
});
