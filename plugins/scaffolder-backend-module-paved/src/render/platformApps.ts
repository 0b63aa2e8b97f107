import { TierNumber } from '@paved/plugin-paved-common';
import { MANAGED_BY } from './labels';
import { ClusterChoices, usesGatekeeper, usesKyverno } from './choices';
import { manifestFile } from './yaml';
import { RenderedFile } from './types';

type Component = {
  name: string;
  fromTier: TierNumber;
  repoURL: string;
  chart: string;
  version: string;
  namespace: string;
  satisfies: string[];
  /** Only with these choices; absent means always from `fromTier`. */
  when?: (c: ClusterChoices) => boolean;
  values?: (ctx: PlatformContext) => Record<string, unknown>;
};

export type PlatformContext = {
  cluster: string;
  tier: TierNumber;
  region: string;
  backupBucket: string;
  choices: ClusterChoices;
};

const VELERO_PLUGIN: Record<ClusterChoices['provider'], string> = {
  'aws-eks': 'velero/velero-plugin-for-aws:v1.10.1',
  'on-prem': 'velero/velero-plugin-for-aws:v1.10.1',
  gke: 'velero/velero-plugin-for-gcp:v1.10.1',
  aks: 'velero/velero-plugin-for-microsoft-azure:v1.10.1',
};

/**
 * Cluster add-ons as Argo CD Applications (tier 3+, where Argo CD is the
 * default), so installing them is reviewable GitOps rather than a one-off
 * `helm install`. Chart versions are pinned; bump them in review.
 */
const COMPONENTS: Component[] = [
  {
    name: 'kube-prometheus-stack',
    fromTier: 3,
    repoURL: 'https://prometheus-community.github.io/helm-charts',
    chart: 'kube-prometheus-stack',
    version: '65.1.1',
    namespace: 'monitoring',
    satisfies: ['kube-prometheus-stack'],
    values: () => ({ grafana: { sidecar: { dashboards: { enabled: true, label: 'grafana_dashboard' } } } }),
  },
  {
    name: 'loki-stack',
    fromTier: 3,
    repoURL: 'https://grafana.github.io/helm-charts',
    chart: 'loki-stack',
    version: '2.10.2',
    namespace: 'monitoring',
    satisfies: ['loki'],
    values: () => ({ promtail: { enabled: true }, loki: { persistence: { enabled: true } } }),
  },
  {
    name: 'external-secrets',
    fromTier: 3,
    repoURL: 'https://charts.external-secrets.io',
    chart: 'external-secrets',
    version: '0.10.4',
    namespace: 'external-secrets',
    satisfies: ['external-secrets-vault'],
    when: c => c.secrets === 'external-secrets-vault',
  },
  {
    name: 'kyverno',
    fromTier: 3,
    repoURL: 'https://kyverno.github.io/kyverno',
    chart: 'kyverno',
    version: '3.2.7',
    namespace: 'kyverno',
    satisfies: ['policy-engine'],
    when: usesKyverno,
  },
  {
    name: 'velero',
    fromTier: 3,
    repoURL: 'https://vmware-tanzu.github.io/helm-charts',
    chart: 'velero',
    version: '7.2.1',
    namespace: 'velero',
    satisfies: ['velero-schedules'],
    // Locations and schedules are velero.io objects in manifests/backup,
    // validated against Velero's CRD schemas; the chart installs the server.
    values: ctx => ({
      upgradeCRDs: true,
      deployNodeAgent: true,
      configuration: { backupStorageLocation: [], volumeSnapshotLocation: [] },
      initContainers: [
        {
          name: 'velero-plugin',
          image: VELERO_PLUGIN[ctx.choices.provider],
          volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        },
      ],
    }),
  },
  {
    name: 'istiod',
    fromTier: 3,
    when: c => c.mesh === 'istio',
    repoURL: 'https://istio-release.storage.googleapis.com/charts',
    chart: 'istiod',
    version: '1.23.2',
    namespace: 'istio-system',
    satisfies: ['service-mesh', 'cross-cluster-discovery'],
    values: ctx => ({
      global: {
        meshID: 'paved-mesh',
        multiCluster: { clusterName: ctx.cluster },
        network: `${ctx.cluster}-network`,
      },
    }),
  },
  {
    name: 'linkerd-crds',
    fromTier: 3,
    when: c => c.mesh === 'linkerd',
    repoURL: 'https://helm.linkerd.io/edge',
    chart: 'linkerd-crds',
    version: '2024.11.8',
    namespace: 'linkerd',
    satisfies: ['service-mesh'],
  },
  {
    name: 'linkerd-control-plane',
    fromTier: 3,
    when: c => c.mesh === 'linkerd',
    repoURL: 'https://helm.linkerd.io/edge',
    chart: 'linkerd-control-plane',
    version: '2024.11.8',
    namespace: 'linkerd',
    satisfies: ['service-mesh'],
    // The trust anchor and issuer come from cert-manager, never from Git.
    values: () => ({ identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } } }),
  },
  {
    name: 'linkerd-multicluster',
    fromTier: 4,
    when: c => c.mesh === 'linkerd',
    repoURL: 'https://helm.linkerd.io/edge',
    chart: 'linkerd-multicluster',
    version: '2024.11.8',
    namespace: 'linkerd-multicluster',
    satisfies: ['cross-cluster-discovery'],
    values: () => ({ gateway: { enabled: true } }),
  },
  {
    name: 'external-dns',
    fromTier: 4,
    repoURL: 'https://kubernetes-sigs.github.io/external-dns',
    chart: 'external-dns',
    version: '1.15.0',
    namespace: 'external-dns',
    satisfies: ['dns-failover'],
    values: () => ({ policy: 'upsert-only', sources: ['gateway-httproute', 'service'] }),
  },
  {
    name: 'thanos',
    fromTier: 4,
    repoURL: 'https://charts.bitnami.com/bitnami',
    chart: 'thanos',
    version: '15.7.27',
    namespace: 'monitoring',
    satisfies: ['thanos'],
  },
  {
    name: 'vault',
    fromTier: 4,
    repoURL: 'https://helm.releases.hashicorp.com',
    chart: 'vault',
    version: '0.28.1',
    namespace: 'vault',
    satisfies: ['vault-ha'],
    values: () => ({ server: { ha: { enabled: true, replicas: 3, raft: { enabled: true } } } }),
  },
  {
    name: 'argo-rollouts',
    fromTier: 4,
    repoURL: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-rollouts',
    version: '2.37.7',
    namespace: 'argo-rollouts',
    satisfies: ['argo-rollouts'],
  },
  {
    name: 'gatekeeper',
    fromTier: 3,
    when: usesGatekeeper,
    repoURL: 'https://open-policy-agent.github.io/gatekeeper/charts',
    chart: 'gatekeeper',
    version: '3.17.1',
    namespace: 'gatekeeper-system',
    satisfies: ['gatekeeper'],
  },
  {
    name: 'cilium',
    fromTier: 5,
    repoURL: 'https://helm.cilium.io',
    chart: 'cilium',
    version: '1.16.3',
    namespace: 'kube-system',
    satisfies: ['cilium-cluster-mesh'],
    values: ctx => ({ cluster: { name: ctx.cluster }, clustermesh: { useAPIServer: true } }),
  },
  {
    name: 'crossplane',
    fromTier: 5,
    repoURL: 'https://charts.crossplane.io/stable',
    chart: 'crossplane',
    version: '1.17.1',
    namespace: 'crossplane-system',
    satisfies: ['crossplane'],
  },
  {
    name: 'kubecost',
    fromTier: 5,
    repoURL: 'https://kubecost.github.io/cost-analyzer',
    chart: 'cost-analyzer',
    version: '2.4.1',
    namespace: 'kubecost',
    satisfies: ['kubecost'],
  },
  {
    name: 'vcluster-operator',
    fromTier: 5,
    repoURL: 'https://charts.loft.sh',
    chart: 'vcluster',
    version: '0.20.1',
    namespace: 'vcluster',
    satisfies: ['vcluster'],
  },
  {
    name: 'tetragon',
    fromTier: 5,
    repoURL: 'https://helm.cilium.io',
    chart: 'tetragon',
    version: '1.2.0',
    namespace: 'kube-system',
    satisfies: ['tetragon'],
  },
];

export function renderPlatformApps(ctx: PlatformContext): RenderedFile[] {
  return COMPONENTS.filter(
    c => c.fromTier <= ctx.tier && (!c.when || c.when(ctx.choices)),
  ).map(c =>
    manifestFile(
      `manifests/platform/${c.name}.yaml`,
      [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: {
            name: c.name,
            namespace: 'argocd',
            labels: {
              'app.kubernetes.io/managed-by': MANAGED_BY,
              'app.kubernetes.io/part-of': 'paved-platform',
            },
          },
          spec: {
            project: 'platform',
            source: {
              repoURL: c.repoURL,
              chart: c.chart,
              targetRevision: c.version,
              helm: { valuesObject: c.values ? c.values(ctx) : {} },
            },
            destination: {
              server: 'https://kubernetes.default.svc',
              namespace: c.namespace,
            },
            syncPolicy: {
              automated: { prune: false, selfHeal: true },
              syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
            },
          },
        },
      ],
      c.satisfies,
    ),
  );
}
