import { addonContext, renderClusterBaseline } from '../cluster';
import { clusterInput } from '../../__testUtils__/clusterInputs';
import { addonsFor } from './addons';

const ids = (tier: 1 | 2 | 3 | 4 | 5, choices = {}) =>
  addonsFor(addonContext(clusterInput(tier, choices))).map(a => a.id);
const object = (
  tier: 1 | 2 | 3 | 4 | 5,
  path: string,
  kind: string,
  choices = {},
) =>
  renderClusterBaseline(clusterInput(tier, choices))
    .find(f => f.path === path)!
    .objects!.filter(o => o.kind === kind) as any[];

describe("a tier's declared defaults are what it installs", () => {
  it('tier 2: Prometheus and Grafana, Kyverno, Sealed Secrets, Velero, cert-manager and the ingress controller', () => {
    expect(ids(2)).toEqual(
      expect.arrayContaining([
        'kube-prometheus-stack',
        'kyverno',
        'sealed-secrets',
        'velero',
        'cert-manager',
        'ingress-nginx',
        'metrics-server',
      ]),
    );
  });

  it('tier 3: Cilium, Karpenter and VPA, and OpenCost for cost visibility', () => {
    expect(ids(3)).toEqual(
      expect.arrayContaining([
        'cilium',
        'karpenter',
        'vpa',
        'opencost',
        'loki-stack',
      ]),
    );
    // Karpenter is EKS-only: elsewhere the README says what replaces it.
    expect(ids(3, { provider: 'gke' })).not.toContain('karpenter');
    expect(
      renderClusterBaseline(clusterInput(3, { provider: 'gke' })).find(
        f => f.path === 'docs/node-autoscaling.md',
      )!.content,
    ).toMatch(/Karpenter .* runs on EKS only/);
  });

  it('Cilium chains onto the VPC CNI on EKS and carries a Cluster Mesh id', () => {
    const app = object(5, 'manifests/platform/cilium.yaml', 'Application')[0];
    expect(app.spec.source.helm.valuesObject).toMatchObject({
      cluster: { name: 'prod-eu-1', id: 1 },
      cni: { chainingMode: 'aws-cni', exclusive: false },
      clustermesh: { useAPIServer: true },
    });
  });

  it('no vcluster is installed cluster-wide', () => {
    expect(
      renderClusterBaseline(clusterInput(5))
        .map(f => f.path)
        .filter(p => /vcluster/.test(p)),
    ).toEqual([]);
  });

  it('the cost dashboard keeps cores and bytes apart, on labels kube-state-metrics exports', () => {
    const dashboard = JSON.parse(
      object(3, 'manifests/observability/dashboards.yaml', 'ConfigMap')[0].data[
        'namespace-costs.json'
      ],
    );
    const exprs: string[] = dashboard.panels.map((p: any) => p.targets[0].expr);
    expect(exprs).toHaveLength(2);
    expect(exprs[0]).toContain('resource="cpu"');
    expect(exprs[1]).toContain('resource="memory"');
    const values = object(
      3,
      'manifests/platform/kube-prometheus-stack.yaml',
      'Application',
    )[0].spec.source.helm.valuesObject;
    expect(values['kube-state-metrics'].metricLabelsAllowlist).toEqual([
      'namespaces=[team,project,environment,cost-center]',
    ]);
  });

  it('tier 3 RBAC is aggregated; tier 4 binds OIDC groups beyond one cluster-admin binding', () => {
    expect(
      object(3, 'manifests/rbac.yaml', 'ClusterRole').find(
        r => r.aggregationRule,
      ),
    ).toBeDefined();
    const bindings = object(4, 'manifests/rbac.yaml', 'ClusterRoleBinding');
    expect(bindings.map(b => b.roleRef.name).sort()).toEqual([
      'cluster-admin',
      'paved-platform-viewer',
      'view',
    ]);
    expect(
      object(4, 'manifests/rbac.yaml', 'RoleBinding')[0].subjects[0].name,
    ).toMatch(/^oidc:/);
  });

  it('audit policy files only where the API server takes them; encryption at rest at every tier', () => {
    const paths = (provider: string) =>
      renderClusterBaseline(clusterInput(4, { provider } as any))
        .map(f => f.path)
        .filter(p => p.startsWith('cluster-config/'));
    expect(paths('aws-eks')).toEqual(['cluster-config/eksctl-cluster.yaml']);
    expect(paths('on-prem')).toEqual([
      'cluster-config/encryption-config.yaml',
      'cluster-config/audit-policy.yaml',
    ]);
    expect(paths('gke')).toEqual(['cluster-config/control-plane.md']);
    expect(renderClusterBaseline(clusterInput(1)).map(f => f.path)).toContain(
      'cluster-config/eksctl-cluster.yaml',
    );
  });
});
