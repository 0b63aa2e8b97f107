import { usesGatekeeper, usesKyverno } from '../choices';
import { MANAGED_BY } from '../labels';
import { KubeObject } from '../types';
import { HNC_FROM_TIER } from '../tenant/aggregateQuota';
import { Addon, AddonContext, AddonWorkload, ServedKind } from './addonTypes';

/*
 * The add-ons a baseline installs, with the kinds each one serves and the
 * workloads it runs. Chart versions are pinned; bump them in review. The
 * served kinds are the ones the baseline's own manifests use (a chart may
 * serve more); the self-check refuses a baseline that uses a kind no
 * included add-on serves.
 */

/** The resource name Kubernetes derives from a kind (Policy → policies). */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (k.endsWith('s')) return `${k}es`;
  return `${k}s`;
}

const kinds = (
  group: string,
  version: string,
  namespaced: boolean,
  ...names: string[]
): ServedKind[] =>
  names.map(kind => ({
    group,
    version,
    kind,
    plural: pluralOf(kind),
    namespaced,
  }));

const deployment = (
  name: string,
  podLabels: Record<string, string>,
  ports: AddonWorkload['ports'],
  extra: Partial<AddonWorkload> = {},
): AddonWorkload => ({
  kind: 'Deployment',
  name,
  podLabels,
  ports,
  callsApiServer: true,
  ...extra,
});

const metrics = (port: number) => ({
  name: 'metrics',
  port,
  role: 'metrics' as const,
});
const webhook = (port: number) => ({
  name: 'webhook',
  port,
  role: 'webhook' as const,
});

/** Cilium is the CNI from tier 3 (seed 002), and whenever it is the mesh. */
export const usesCilium = (ctx: AddonContext) =>
  ctx.tier >= 3 || ctx.choices.mesh === 'cilium';

/** Which implementation serves the baseline's Gateway. */
export function gatewayClassOf(
  ctx: AddonContext,
): 'istio' | 'cilium' | 'nginx' {
  if (ctx.choices.mesh === 'istio') return 'istio';
  if (usesCilium(ctx)) return 'cilium';
  return 'nginx';
}

/** Whether this implementation serves the baseline's Gateway (only with ingress gateway-api). */
export const servesGateway = (
  ctx: AddonContext,
  impl: 'istio' | 'cilium' | 'nginx',
) => ctx.choices.ingress === 'gateway-api' && gatewayClassOf(ctx) === impl;

/** EKS keeps the VPC CNI for pod addresses; Cilium chains onto it there. */
export const ciliumChainsOnVpcCni = (ctx: AddonContext) =>
  ctx.choices.provider === 'aws-eks';

const gatewayClass = (name: string, controllerName: string) => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GatewayClass',
  metadata: { name },
  spec: { controllerName },
});

const VELERO_PLUGIN: Record<AddonContext['choices']['provider'], string> = {
  'aws-eks': 'velero/velero-plugin-for-aws:v1.10.1',
  'on-prem': 'velero/velero-plugin-for-aws:v1.10.1',
  gke: 'velero/velero-plugin-for-gcp:v1.10.1',
  aks: 'velero/velero-plugin-for-microsoft-azure:v1.10.1',
};

/** trust-manager's trust namespace: where a Bundle's source Secrets live (its default). */
export const TRUST_NAMESPACE = 'cert-manager';

/** The objects the Linkerd identity reads, by name. */
export const LINKERD_IDENTITY = {
  namespace: 'linkerd',
  /** Self-signed ClusterIssuer that signs the trust anchor. */
  rootIssuer: 'linkerd-trust-root-issuer',
  /** The trust anchor: Certificate, its Secret (in the trust namespace) and the CA ClusterIssuer over it. */
  trustAnchor: 'linkerd-trust-anchor',
  /** The issuer Certificate and its kubernetes.io/tls Secret the identity controller mounts. */
  issuer: 'linkerd-identity-issuer',
  /** The Bundle, and the ConfigMap it writes (key ca-bundle.crt) that every proxy trusts. */
  trustRoots: 'linkerd-identity-trust-roots',
};

/**
 * Linkerd's identity with cert-manager and trust-manager, the way Linkerd
 * documents it for GitOps: a self-signed root (the trust anchor, ECDSA
 * P-256 as Linkerd requires) in cert-manager's namespace, a CA ClusterIssuer
 * over it, the identity issuer Certificate (an intermediate CA, renewed by
 * cert-manager) in the linkerd namespace, and a trust-manager Bundle that
 * copies the anchor's certificate into the ConfigMap the chart reads with
 * `identity.externalCA: true`. The anchor lives ten years and is rotated by
 * hand (a new anchor must be trusted before it signs); the issuer rotates
 * itself.
 */
export function linkerdIdentityObjects(): KubeObject[] {
  const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY };
  const n = LINKERD_IDENTITY;
  const ecdsa = { algorithm: 'ECDSA', size: 256 };
  return [
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: n.rootIssuer, labels },
      spec: { selfSigned: {} },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: n.trustAnchor, namespace: TRUST_NAMESPACE, labels },
      spec: {
        isCA: true,
        commonName: 'root.linkerd.cluster.local',
        secretName: n.trustAnchor,
        duration: '87600h',
        renewBefore: '720h',
        privateKey: ecdsa,
        issuerRef: {
          name: n.rootIssuer,
          kind: 'ClusterIssuer',
          group: 'cert-manager.io',
        },
      },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: n.trustAnchor, labels },
      // A ClusterIssuer reads its CA Secret from cert-manager's cluster resource namespace.
      spec: { ca: { secretName: n.trustAnchor } },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: n.issuer, namespace: n.namespace, labels },
      spec: {
        isCA: true,
        commonName: 'identity.linkerd.cluster.local',
        dnsNames: ['identity.linkerd.cluster.local'],
        secretName: n.issuer,
        duration: '48h',
        renewBefore: '25h',
        privateKey: ecdsa,
        usages: ['cert sign', 'crl sign', 'server auth', 'client auth'],
        issuerRef: {
          name: n.trustAnchor,
          kind: 'ClusterIssuer',
          group: 'cert-manager.io',
        },
      },
    },
    {
      apiVersion: 'trust.cert-manager.io/v1alpha1',
      kind: 'Bundle',
      metadata: { name: n.trustRoots, labels },
      spec: {
        sources: [{ secret: { name: n.trustAnchor, key: 'tls.crt' } }],
        target: {
          configMap: { key: 'ca-bundle.crt' },
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': n.namespace },
          },
        },
      },
    },
  ];
}

/** Kubernetes' own namespaces; present before any baseline. */
export const KUBERNETES_NAMESPACES = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

export const ADDONS: Addon[] = [
  {
    id: 'argo-cd',
    title: 'Argo CD',
    bootstrap: true,
    source: {
      type: 'helm',
      repoURL: 'https://argoproj.github.io/argo-helm',
      chart: 'argo-cd',
      version: '7.6.12',
    },
    namespace: 'argocd',
    include: ctx => ctx.choices.gitops === 'argocd',
    serves: kinds(
      'argoproj.io',
      'v1alpha1',
      true,
      'Application',
      'ApplicationSet',
      'AppProject',
    ),
    workloads: [
      {
        kind: 'StatefulSet',
        name: 'argocd-application-controller',
        podLabels: {
          'app.kubernetes.io/name': 'argocd-application-controller',
        },
        ports: [metrics(8082)],
        callsApiServer: true,
      },
      deployment(
        'argocd-server',
        { 'app.kubernetes.io/name': 'argocd-server' },
        [{ name: 'https', port: 8080, role: 'serving' }, metrics(8083)],
      ),
      deployment(
        'argocd-repo-server',
        { 'app.kubernetes.io/name': 'argocd-repo-server' },
        [{ name: 'repo', port: 8081, role: 'serving' }, metrics(8084)],
      ),
      deployment(
        'argocd-applicationset-controller',
        { 'app.kubernetes.io/name': 'argocd-applicationset-controller' },
        [metrics(8080)],
      ),
      deployment(
        'argocd-redis',
        { 'app.kubernetes.io/name': 'argocd-redis' },
        [{ name: 'redis', port: 6379, role: 'serving' }],
        { callsApiServer: false },
      ),
    ],
    values: () => ({
      configs: {
        cm: {
          // Argo CD stopped assessing Application health in 1.8; without this
          // an app-of-apps does not wait for a wave's add-ons to be healthy.
          'resource.customizations.health.argoproj.io_Application': [
            'hs = {}',
            'hs.status = "Progressing"',
            'hs.message = ""',
            'if obj.status ~= nil and obj.status.health ~= nil then',
            '  hs.status = obj.status.health.status',
            '  if obj.status.health.message ~= nil then hs.message = obj.status.health.message end',
            'end',
            'return hs',
          ].join('\n'),
        },
      },
    }),
    satisfies: ['argocd-apps'],
  },
  {
    id: 'flux',
    title: 'Flux',
    bootstrap: true,
    source: {
      type: 'helm',
      repoURL: 'https://fluxcd-community.github.io/helm-charts',
      chart: 'flux2',
      version: '2.14.0',
    },
    namespace: 'flux-system',
    include: ctx => ctx.choices.gitops === 'flux',
    serves: [
      ...kinds(
        'source.toolkit.fluxcd.io',
        'v1',
        true,
        'GitRepository',
        'HelmRepository',
      ),
      ...kinds('kustomize.toolkit.fluxcd.io', 'v1', true, 'Kustomization'),
      ...kinds('helm.toolkit.fluxcd.io', 'v2', true, 'HelmRelease'),
    ],
    workloads: [
      deployment('source-controller', { app: 'source-controller' }, [
        { name: 'http', port: 9090, role: 'serving' },
        metrics(8080),
      ]),
      deployment('kustomize-controller', { app: 'kustomize-controller' }, [
        metrics(8080),
      ]),
      deployment('helm-controller', { app: 'helm-controller' }, [
        metrics(8080),
      ]),
    ],
    satisfies: ['gitops-flux'],
  },
  {
    id: 'metrics-server',
    title: 'metrics-server (resource metrics for HPA)',
    source: {
      type: 'helm',
      repoURL: 'https://kubernetes-sigs.github.io/metrics-server',
      chart: 'metrics-server',
      version: '3.12.2',
    },
    namespace: 'kube-system',
    // GKE and AKS run it as part of the control plane; EKS and on-prem do not.
    include: ctx =>
      ctx.tier >= 2 &&
      (ctx.choices.provider === 'aws-eks' ||
        ctx.choices.provider === 'on-prem'),
    serves: [],
    workloads: [
      deployment(
        'metrics-server',
        { 'app.kubernetes.io/name': 'metrics-server' },
        [{ name: 'https', port: 10250, role: 'webhook' }],
      ),
    ],
    satisfies: ['hpa'],
  },
  {
    id: 'cilium',
    title: 'Cilium (CNI, network policy, Cluster Mesh)',
    source: {
      type: 'helm',
      repoURL: 'https://helm.cilium.io',
      chart: 'cilium',
      version: '1.16.3',
    },
    namespace: 'kube-system',
    // The operator turns its Gateway API support off when it starts without those CRDs.
    after: ['gateway-api-crds'],
    include: usesCilium,
    serves: kinds('cilium.io', 'v2', true, 'CiliumNetworkPolicy'),
    workloads: [
      {
        kind: 'DaemonSet',
        name: 'cilium',
        podLabels: { 'k8s-app': 'cilium' },
        ports: [metrics(9962)],
        needsNode: true,
        callsApiServer: true,
      },
      deployment(
        'cilium-operator',
        { name: 'cilium-operator' },
        [metrics(9963)],
        { needsNode: true },
      ),
    ],
    creates: ctx =>
      servesGateway(ctx, 'cilium')
        ? [gatewayClass('cilium', 'io.cilium/gateway-controller')]
        : [],
    values: ctx => ({
      cluster: { name: ctx.cluster, id: ctx.clusterId },
      ...(ciliumChainsOnVpcCni(ctx)
        ? {
            // EKS: the VPC CNI keeps assigning pod addresses; Cilium adds
            // policy and observability on top (chaining mode).
            cni: { chainingMode: 'aws-cni', exclusive: false },
            enableIPv4Masquerade: false,
            routingMode: 'native',
          }
        : { kubeProxyReplacement: true }),
      ...(servesGateway(ctx, 'cilium')
        ? { gatewayAPI: { enabled: true }, kubeProxyReplacement: true }
        : {}),
      hubble: {
        relay: { enabled: true },
        metrics: { enabled: ['dns', 'drop', 'tcp', 'flow'] },
      },
      ...(ctx.tier >= 5 ? { clustermesh: { useAPIServer: true } } : {}),
    }),
    satisfies: ['cilium-cluster-mesh'],
  },
  {
    id: 'gateway-api-crds',
    title: 'Gateway API CRDs (standard channel)',
    source: {
      type: 'git',
      repoURL: 'https://github.com/kubernetes-sigs/gateway-api',
      path: 'config/crd/standard',
      version: 'v1.2.0',
    },
    namespace: 'kube-system',
    include: ctx => ctx.choices.ingress === 'gateway-api',
    serves: [
      ...kinds(
        'gateway.networking.k8s.io',
        'v1',
        true,
        'Gateway',
        'HTTPRoute',
        'GRPCRoute',
      ),
      ...kinds('gateway.networking.k8s.io', 'v1', false, 'GatewayClass'),
      ...kinds('gateway.networking.k8s.io', 'v1beta1', true, 'ReferenceGrant'),
    ],
    workloads: [],
    satisfies: ['gateway-api'],
  },
  {
    id: 'nginx-gateway-fabric',
    title: 'NGINX Gateway Fabric',
    source: {
      type: 'helm',
      repoURL: 'oci://ghcr.io/nginx/charts',
      chart: 'nginx-gateway-fabric',
      version: '1.5.1',
    },
    namespace: 'nginx-gateway',
    after: ['gateway-api-crds'],
    include: ctx =>
      ctx.choices.ingress === 'gateway-api' && gatewayClassOf(ctx) === 'nginx',
    serves: [],
    workloads: [
      deployment(
        'nginx-gateway',
        { 'app.kubernetes.io/name': 'nginx-gateway-fabric' },
        [{ name: 'https', port: 443, role: 'serving' }, metrics(9113)],
      ),
    ],
    creates: () => [
      gatewayClass('nginx', 'gateway.nginx.org/nginx-gateway-controller'),
    ],
    satisfies: ['gateway-api'],
  },
  {
    id: 'ingress-nginx',
    title: 'ingress-nginx',
    source: {
      type: 'helm',
      repoURL: 'https://kubernetes.github.io/ingress-nginx',
      chart: 'ingress-nginx',
      version: '4.11.3',
    },
    namespace: 'ingress-nginx',
    include: ctx => ctx.choices.ingress === 'nginx-ingress',
    serves: [],
    workloads: [
      deployment(
        'ingress-nginx-controller',
        {
          'app.kubernetes.io/name': 'ingress-nginx',
          'app.kubernetes.io/component': 'controller',
        },
        [
          { name: 'https', port: 443, role: 'serving' },
          { name: 'http', port: 80, role: 'serving' },
          webhook(8443),
          metrics(10254),
        ],
      ),
    ],
    values: () => ({
      controller: {
        metrics: { enabled: true },
        ingressClassResource: { name: 'nginx', default: true },
      },
    }),
    satisfies: ['ingress'],
  },
  {
    id: 'cert-manager',
    title: 'cert-manager',
    source: {
      type: 'helm',
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      version: 'v1.16.1',
    },
    namespace: 'cert-manager',
    after: ['gateway-api-crds'],
    include: ctx => ctx.tier >= 2 || ctx.choices.mesh === 'linkerd',
    serves: [
      ...kinds('cert-manager.io', 'v1', true, 'Certificate', 'Issuer'),
      ...kinds('cert-manager.io', 'v1', false, 'ClusterIssuer'),
    ],
    workloads: [
      deployment('cert-manager', { 'app.kubernetes.io/name': 'cert-manager' }, [
        metrics(9402),
      ]),
      deployment(
        'cert-manager-webhook',
        { 'app.kubernetes.io/name': 'webhook' },
        [webhook(10250)],
      ),
      deployment(
        'cert-manager-cainjector',
        { 'app.kubernetes.io/name': 'cainjector' },
        [],
      ),
    ],
    values: ctx => ({
      crds: { enabled: true },
      // Certificates for Gateways come from the Gateway's annotation.
      ...(ctx.choices.ingress === 'gateway-api'
        ? {
            config: {
              apiVersion: 'controller.config.cert-manager.io/v1alpha1',
              kind: 'ControllerConfiguration',
              enableGatewayAPI: true,
            },
          }
        : {}),
      prometheus: { servicemonitor: { enabled: false } },
    }),
    satisfies: ['ingress-tls'],
  },
  {
    id: 'trust-manager',
    title: 'trust-manager (trust bundles)',
    source: {
      type: 'helm',
      repoURL: 'https://charts.jetstack.io',
      chart: 'trust-manager',
      version: 'v0.13.0',
    },
    namespace: TRUST_NAMESPACE,
    after: ['cert-manager'],
    include: ctx => ctx.choices.mesh === 'linkerd',
    serves: kinds('trust.cert-manager.io', 'v1alpha1', false, 'Bundle'),
    workloads: [
      deployment('trust-manager', { app: 'trust-manager' }, [
        webhook(6443),
        metrics(9402),
      ]),
    ],
    values: () => ({
      crds: { enabled: true },
      app: { trust: { namespace: TRUST_NAMESPACE } },
    }),
    satisfies: ['service-mesh'],
  },
  {
    id: 'sealed-secrets',
    title: 'Sealed Secrets',
    source: {
      type: 'helm',
      repoURL: 'https://bitnami-labs.github.io/sealed-secrets',
      chart: 'sealed-secrets',
      version: '2.16.2',
    },
    // kube-system and this name are kubeseal's defaults.
    namespace: 'kube-system',
    include: ctx => ctx.choices.secrets === 'sealed-secrets',
    serves: kinds('bitnami.com', 'v1alpha1', true, 'SealedSecret'),
    workloads: [
      deployment(
        'sealed-secrets-controller',
        { 'app.kubernetes.io/name': 'sealed-secrets' },
        [{ name: 'http', port: 8080, role: 'serving' }, metrics(8081)],
      ),
    ],
    values: () => ({ fullnameOverride: 'sealed-secrets-controller' }),
    satisfies: ['sealed-secrets'],
  },
  {
    id: 'vault',
    title: 'HashiCorp Vault',
    source: {
      type: 'helm',
      repoURL: 'https://helm.releases.hashicorp.com',
      chart: 'vault',
      version: '0.28.1',
    },
    namespace: 'vault',
    include: ctx => ctx.choices.secrets === 'external-secrets-vault',
    serves: [],
    workloads: [
      {
        kind: 'StatefulSet',
        name: 'vault',
        podLabels: { 'app.kubernetes.io/name': 'vault' },
        ports: [{ name: 'http', port: 8200, role: 'serving' }],
        callsApiServer: true,
      },
    ],
    values: ctx => ({
      server:
        ctx.tier >= 4
          ? { ha: { enabled: true, replicas: 3, raft: { enabled: true } } }
          : { standalone: { enabled: true } },
      injector: { enabled: ctx.tier >= 4 },
    }),
    satisfies: ['vault-ha', 'external-secrets-vault'],
  },
  {
    id: 'external-secrets',
    title: 'External Secrets Operator',
    // 0.17 is the first release that serves external-secrets.io/v1.
    source: {
      type: 'helm',
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '0.18.2',
    },
    namespace: 'external-secrets',
    after: ['vault'],
    include: ctx => ctx.choices.secrets === 'external-secrets-vault',
    serves: [
      ...kinds('external-secrets.io', 'v1', true, 'ExternalSecret'),
      ...kinds('external-secrets.io', 'v1', false, 'ClusterSecretStore'),
    ],
    workloads: [
      deployment(
        'external-secrets',
        { 'app.kubernetes.io/name': 'external-secrets' },
        [metrics(8080)],
      ),
      deployment(
        'external-secrets-webhook',
        { 'app.kubernetes.io/name': 'external-secrets-webhook' },
        [webhook(10250)],
      ),
    ],
    satisfies: ['external-secrets-vault'],
  },
  {
    id: 'kube-prometheus-stack',
    title: 'kube-prometheus-stack (Prometheus, Grafana, Alertmanager)',
    source: {
      type: 'helm',
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      version: '65.1.1',
    },
    namespace: 'monitoring',
    include: ctx => ctx.tier >= 2,
    serves: kinds(
      'monitoring.coreos.com',
      'v1',
      true,
      'ServiceMonitor',
      'PodMonitor',
      'PrometheusRule',
    ),
    workloads: [
      {
        kind: 'StatefulSet',
        name: 'prometheus-kube-prometheus-stack-prometheus',
        podLabels: { 'app.kubernetes.io/name': 'prometheus' },
        ports: [{ name: 'http-web', port: 9090, role: 'serving' }],
        callsApiServer: true,
      },
      deployment(
        'kube-prometheus-stack-grafana',
        { 'app.kubernetes.io/name': 'grafana' },
        [{ name: 'http-web', port: 3000, role: 'serving' }],
      ),
      deployment(
        'kube-prometheus-stack-operator',
        {
          'app.kubernetes.io/name': 'kube-prometheus-stack-prometheus-operator',
        },
        [{ name: 'https', port: 10250, role: 'webhook' }],
      ),
      deployment(
        'kube-prometheus-stack-kube-state-metrics',
        { 'app.kubernetes.io/name': 'kube-state-metrics' },
        [metrics(8080)],
      ),
      {
        kind: 'DaemonSet',
        name: 'kube-prometheus-stack-prometheus-node-exporter',
        podLabels: { 'app.kubernetes.io/name': 'prometheus-node-exporter' },
        ports: [metrics(9100)],
        needsNode: true,
      },
    ],
    values: () => ({
      prometheus: {
        prometheusSpec: {
          // Pick up every ServiceMonitor and rule, not only the chart's own
          // (the default selects on the Helm release label).
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          ruleSelectorNilUsesHelmValues: false,
        },
      },
      // Namespace cost labels as kube_namespace_labels series, for the cost dashboard.
      'kube-state-metrics': {
        metricLabelsAllowlist: [
          'namespaces=[team,project,environment,cost-center]',
        ],
      },
      grafana: {
        sidecar: {
          dashboards: {
            enabled: true,
            label: 'grafana_dashboard',
            // Tenant dashboards name their folder (docs/tenants.md).
            folderAnnotation: 'grafana_folder',
            provider: { foldersFromFilesStructure: true },
          },
        },
      },
    }),
    satisfies: ['kube-prometheus-stack', 'service-monitor'],
  },
  {
    id: 'loki-stack',
    title: 'Loki and Promtail',
    source: {
      type: 'helm',
      repoURL: 'https://grafana.github.io/helm-charts',
      chart: 'loki-stack',
      version: '2.10.2',
    },
    namespace: 'monitoring',
    include: ctx => ctx.tier >= 3,
    serves: [],
    workloads: [
      {
        kind: 'StatefulSet',
        name: 'loki',
        podLabels: { app: 'loki' },
        ports: [{ name: 'http-metrics', port: 3100, role: 'serving' }],
      },
      {
        kind: 'DaemonSet',
        name: 'loki-promtail',
        podLabels: { app: 'promtail' },
        ports: [metrics(3101)],
        needsNode: true,
        callsApiServer: true,
      },
    ],
    values: () => ({
      // Loki multi-tenancy: each Pod's lines go to the Loki tenant in its
      // paved.dev/tenant label, the rest to "platform" (docs/tenants.md).
      promtail: {
        enabled: true,
        config: {
          clients: [
            { url: '{{ .Values.config.lokiAddress }}', tenant_id: 'platform' },
          ],
          snippets: {
            extraRelabelConfigs: [
              {
                source_labels: ['__meta_kubernetes_pod_label_paved_dev_tenant'],
                target_label: 'tenant',
              },
            ],
            pipelineStages: [{ cri: {} }, { tenant: { label: 'tenant' } }],
          },
        },
      },
      loki: {
        persistence: { enabled: true },
        config: { auth_enabled: true },
      },
    }),
    satisfies: ['loki'],
  },
  {
    id: 'opencost',
    title: "OpenCost (cost allocation, the API Paved's cost card reads)",
    source: {
      type: 'helm',
      repoURL: 'https://opencost.github.io/opencost-helm-chart',
      chart: 'opencost',
      version: '1.42.3',
    },
    namespace: 'opencost',
    after: ['kube-prometheus-stack'],
    include: ctx => ctx.tier >= 3,
    serves: [],
    workloads: [
      deployment('opencost', { 'app.kubernetes.io/name': 'opencost' }, [
        { name: 'http', port: 9003, role: 'serving' },
      ]),
    ],
    values: ctx => ({
      opencost: {
        exporter: { defaultClusterId: ctx.cluster },
        prometheus: {
          internal: {
            serviceName: 'kube-prometheus-stack-prometheus',
            namespaceName: 'monitoring',
            port: 9090,
          },
        },
        ui: { enabled: false },
      },
    }),
    satisfies: ['cost-visibility', 'kubecost'],
  },
  {
    id: 'kyverno',
    title: 'Kyverno',
    source: {
      type: 'helm',
      repoURL: 'https://kyverno.github.io/kyverno',
      chart: 'kyverno',
      version: '3.2.7',
    },
    namespace: 'kyverno',
    include: ctx => usesKyverno(ctx.choices),
    // Policy is the namespaced kind tenant guardrails use.
    serves: [
      ...kinds('kyverno.io', 'v1', false, 'ClusterPolicy'),
      ...kinds('kyverno.io', 'v1', true, 'Policy'),
    ],
    workloads: [
      deployment(
        'kyverno-admission-controller',
        {
          'app.kubernetes.io/component': 'admission-controller',
          'app.kubernetes.io/part-of': 'kyverno',
        },
        [webhook(9443), metrics(8000)],
      ),
      deployment(
        'kyverno-background-controller',
        {
          'app.kubernetes.io/component': 'background-controller',
          'app.kubernetes.io/part-of': 'kyverno',
        },
        [metrics(8000)],
      ),
    ],
    satisfies: ['policy-engine'],
  },
  {
    id: 'gatekeeper',
    title: 'OPA Gatekeeper',
    source: {
      type: 'helm',
      repoURL: 'https://open-policy-agent.github.io/gatekeeper/charts',
      chart: 'gatekeeper',
      version: '3.17.1',
    },
    namespace: 'gatekeeper-system',
    include: ctx => usesGatekeeper(ctx.choices),
    serves: kinds('templates.gatekeeper.sh', 'v1', false, 'ConstraintTemplate'),
    workloads: [
      deployment(
        'gatekeeper-controller-manager',
        {
          'control-plane': 'controller-manager',
          'gatekeeper.sh/operation': 'webhook',
        },
        [webhook(8443), metrics(8888)],
      ),
      deployment('gatekeeper-audit', { 'control-plane': 'audit-controller' }, [
        metrics(8888),
      ]),
    ],
    satisfies: ['gatekeeper'],
  },
  {
    id: 'velero',
    title: 'Velero',
    source: {
      type: 'helm',
      repoURL: 'https://vmware-tanzu.github.io/helm-charts',
      chart: 'velero',
      version: '7.2.1',
    },
    namespace: 'velero',
    include: ctx => ctx.tier >= 2,
    serves: kinds('velero.io', 'v1', true, 'BackupStorageLocation', 'Schedule'),
    workloads: [
      deployment('velero', { 'app.kubernetes.io/name': 'velero' }, [
        metrics(8085),
      ]),
      // The node agent reads pod volumes from the node for file-system backups.
      {
        kind: 'DaemonSet',
        name: 'node-agent',
        podLabels: { name: 'node-agent' },
        ports: [],
        needsNode: true,
      },
    ],
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
    satisfies: ['velero-schedules'],
  },
  {
    id: 'istio-base',
    title: 'Istio base (CRDs)',
    source: {
      type: 'helm',
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'base',
      version: '1.23.2',
    },
    namespace: 'istio-system',
    include: ctx => ctx.choices.mesh === 'istio',
    serves: kinds(
      'security.istio.io',
      'v1',
      true,
      'PeerAuthentication',
      'AuthorizationPolicy',
    ),
    workloads: [],
    satisfies: ['service-mesh'],
  },
  {
    id: 'istiod',
    title: 'Istio control plane',
    source: {
      type: 'helm',
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'istiod',
      version: '1.23.2',
    },
    namespace: 'istio-system',
    after: ['istio-base', 'gateway-api-crds'],
    include: ctx => ctx.choices.mesh === 'istio',
    serves: [],
    workloads: [
      deployment('istiod', { app: 'istiod', istio: 'pilot' }, [
        { name: 'grpc-xds', port: 15012, role: 'serving' },
        webhook(15017),
        metrics(15014),
      ]),
    ],
    creates: ctx =>
      servesGateway(ctx, 'istio')
        ? [gatewayClass('istio', 'istio.io/gateway-controller')]
        : [],
    values: ctx => ({
      global: {
        meshID: 'paved-mesh',
        multiCluster: { clusterName: ctx.cluster },
        network: `${ctx.cluster}-network`,
      },
    }),
    satisfies: ['service-mesh', 'cross-cluster-discovery'],
  },
  {
    id: 'linkerd-crds',
    title: 'Linkerd CRDs',
    source: {
      type: 'helm',
      repoURL: 'https://helm.linkerd.io/edge',
      chart: 'linkerd-crds',
      version: '2024.11.8',
    },
    namespace: 'linkerd',
    include: ctx => ctx.choices.mesh === 'linkerd',
    serves: [
      ...kinds('policy.linkerd.io', 'v1beta3', true, 'Server'),
      ...kinds(
        'policy.linkerd.io',
        'v1alpha1',
        true,
        'AuthorizationPolicy',
        'MeshTLSAuthentication',
      ),
    ],
    workloads: [],
    satisfies: ['service-mesh'],
  },
  {
    id: 'linkerd-identity',
    title:
      'Linkerd identity (trust anchor, issuer and trust roots from cert-manager and trust-manager)',
    source: { type: 'manifests' },
    namespace: LINKERD_IDENTITY.namespace,
    after: ['trust-manager', 'linkerd-crds'],
    include: ctx => ctx.choices.mesh === 'linkerd',
    serves: [],
    workloads: [],
    objects: linkerdIdentityObjects,
    satisfies: ['service-mesh'],
  },
  {
    id: 'linkerd-control-plane',
    title: 'Linkerd control plane',
    source: {
      type: 'helm',
      repoURL: 'https://helm.linkerd.io/edge',
      chart: 'linkerd-control-plane',
      version: '2024.11.8',
    },
    namespace: 'linkerd',
    after: ['linkerd-crds', 'linkerd-identity'],
    include: ctx => ctx.choices.mesh === 'linkerd',
    // The identity controller mounts the issuer; every pod's proxy the trust roots.
    requires: [
      {
        kind: 'Secret',
        namespace: LINKERD_IDENTITY.namespace,
        name: LINKERD_IDENTITY.issuer,
      },
      {
        kind: 'ConfigMap',
        namespace: LINKERD_IDENTITY.namespace,
        name: LINKERD_IDENTITY.trustRoots,
      },
    ],
    serves: [],
    workloads: [
      deployment(
        'linkerd-destination',
        { 'linkerd.io/control-plane-component': 'destination' },
        [{ name: 'grpc', port: 8086, role: 'serving' }, webhook(9443)],
      ),
      deployment(
        'linkerd-identity',
        { 'linkerd.io/control-plane-component': 'identity' },
        [{ name: 'grpc', port: 8080, role: 'serving' }],
      ),
      deployment(
        'linkerd-proxy-injector',
        { 'linkerd.io/control-plane-component': 'proxy-injector' },
        [webhook(8443)],
      ),
    ],
    // The trust anchor and issuer come from cert-manager (add-on
    // linkerd-identity), never from Git.
    values: () => ({
      identity: { externalCA: true, issuer: { scheme: 'kubernetes.io/tls' } },
    }),
    satisfies: ['service-mesh'],
  },
  {
    id: 'linkerd-multicluster',
    title: 'Linkerd multicluster',
    source: {
      type: 'helm',
      repoURL: 'https://helm.linkerd.io/edge',
      chart: 'linkerd-multicluster',
      version: '2024.11.8',
    },
    namespace: 'linkerd-multicluster',
    after: ['linkerd-control-plane'],
    include: ctx => ctx.choices.mesh === 'linkerd' && ctx.tier >= 4,
    serves: [],
    workloads: [
      deployment('linkerd-gateway', { app: 'linkerd-gateway' }, [
        { name: 'mc-gateway', port: 4143, role: 'serving' },
      ]),
    ],
    values: () => ({ gateway: { enabled: true } }),
    satisfies: ['cross-cluster-discovery'],
  },
  {
    id: 'karpenter',
    title: 'Karpenter',
    source: {
      type: 'helm',
      repoURL: 'oci://public.ecr.aws/karpenter',
      chart: 'karpenter',
      version: '1.0.6',
    },
    namespace: 'kube-system',
    include: ctx => ctx.tier >= 3 && ctx.choices.provider === 'aws-eks',
    serves: [
      ...kinds('karpenter.sh', 'v1', false, 'NodePool'),
      ...kinds('karpenter.k8s.aws', 'v1', false, 'EC2NodeClass'),
    ],
    workloads: [
      deployment('karpenter', { 'app.kubernetes.io/name': 'karpenter' }, [
        metrics(8080),
        webhook(8443),
      ]),
    ],
    values: ctx => ({
      settings: { clusterName: ctx.cluster, interruptionQueue: ctx.cluster },
    }),
    satisfies: ['karpenter'],
  },
  {
    id: 'vpa',
    title: 'Vertical Pod Autoscaler',
    source: {
      type: 'helm',
      repoURL: 'https://charts.fairwinds.com/stable',
      chart: 'vpa',
      version: '4.6.0',
    },
    namespace: 'vpa',
    include: ctx => ctx.tier >= 3,
    serves: kinds('autoscaling.k8s.io', 'v1', true, 'VerticalPodAutoscaler'),
    workloads: [
      deployment(
        'vpa-recommender',
        { 'app.kubernetes.io/component': 'recommender' },
        [metrics(8942)],
      ),
      deployment(
        'vpa-updater',
        { 'app.kubernetes.io/component': 'updater' },
        [],
      ),
      deployment(
        'vpa-admission-controller',
        { 'app.kubernetes.io/component': 'admission-controller' },
        [webhook(8000)],
      ),
    ],
    satisfies: ['vpa'],
  },
  {
    id: 'external-dns',
    title: 'ExternalDNS',
    source: {
      type: 'helm',
      repoURL: 'https://kubernetes-sigs.github.io/external-dns',
      chart: 'external-dns',
      version: '1.15.0',
    },
    namespace: 'external-dns',
    include: ctx => ctx.tier >= 4,
    serves: [],
    workloads: [
      deployment('external-dns', { 'app.kubernetes.io/name': 'external-dns' }, [
        metrics(7979),
      ]),
    ],
    values: ctx => ({
      policy: 'upsert-only',
      sources:
        ctx.choices.ingress === 'gateway-api'
          ? ['gateway-httproute', 'service']
          : ['ingress', 'service'],
    }),
    satisfies: ['dns-failover'],
  },
  {
    id: 'thanos',
    title: 'Thanos',
    source: {
      type: 'helm',
      repoURL: 'https://charts.bitnami.com/bitnami',
      chart: 'thanos',
      version: '15.7.27',
    },
    namespace: 'monitoring',
    after: ['kube-prometheus-stack'],
    include: ctx => ctx.tier >= 4,
    serves: [],
    workloads: [
      deployment(
        'thanos-query',
        {
          'app.kubernetes.io/name': 'thanos',
          'app.kubernetes.io/component': 'query',
        },
        [{ name: 'http', port: 10902, role: 'serving' }],
      ),
    ],
    satisfies: ['thanos'],
  },
  {
    id: 'argo-rollouts',
    title: 'Argo Rollouts',
    source: {
      type: 'helm',
      repoURL: 'https://argoproj.github.io/argo-helm',
      chart: 'argo-rollouts',
      version: '2.37.7',
    },
    namespace: 'argo-rollouts',
    include: ctx => ctx.tier >= 4,
    serves: kinds(
      'argoproj.io',
      'v1alpha1',
      true,
      'Rollout',
      'AnalysisTemplate',
    ),
    workloads: [
      deployment(
        'argo-rollouts',
        { 'app.kubernetes.io/name': 'argo-rollouts' },
        [metrics(8090)],
      ),
    ],
    satisfies: ['argo-rollouts'],
  },
  {
    id: 'crossplane',
    title: 'Crossplane',
    source: {
      type: 'helm',
      repoURL: 'https://charts.crossplane.io/stable',
      chart: 'crossplane',
      version: '1.17.1',
    },
    namespace: 'crossplane-system',
    include: ctx => ctx.tier >= 5,
    serves: [
      ...kinds('pkg.crossplane.io', 'v1', false, 'Provider', 'Function'),
      ...kinds(
        'pkg.crossplane.io',
        'v1beta1',
        false,
        'DeploymentRuntimeConfig',
      ),
      ...kinds(
        'apiextensions.crossplane.io',
        'v1',
        false,
        'CompositeResourceDefinition',
        'Composition',
      ),
    ],
    workloads: [
      deployment('crossplane', { app: 'crossplane' }, [
        metrics(8080),
        webhook(9443),
      ]),
      deployment(
        'crossplane-rbac-manager',
        { app: 'crossplane-rbac-manager' },
        [],
      ),
    ],
    satisfies: ['crossplane'],
  },
  {
    // Tenant-wide quotas (HierarchicalResourceQuota): seed 002 brings HNC in at tier 4.
    id: 'hnc',
    title:
      'Hierarchical Namespace Controller (with hierarchical resource quotas)',
    source: {
      type: 'git',
      repoURL: 'https://github.com/kubernetes-sigs/hierarchical-namespaces',
      // The release's own `hrq` variant: HNC with --enable-hrq.
      path: 'config/variants/hrq',
      version: 'v1.1.0',
      images: [
        {
          name: 'controller',
          newName: 'gcr.io/k8s-staging-multitenancy/hnc-manager',
          newTag: 'v1.1.0',
        },
      ],
    },
    namespace: 'hnc-system',
    include: ctx => ctx.tier >= HNC_FROM_TIER,
    serves: kinds(
      'hnc.x-k8s.io',
      'v1alpha2',
      true,
      'HierarchyConfiguration',
      'HierarchicalResourceQuota',
    ),
    workloads: [
      deployment(
        'hnc-controller-manager',
        { 'control-plane': 'controller-manager' },
        [metrics(8080), webhook(9443)],
      ),
    ],
    satisfies: ['namespace-hierarchy'],
  },
  {
    id: 'tetragon',
    title: 'Tetragon',
    source: {
      type: 'helm',
      repoURL: 'https://helm.cilium.io',
      chart: 'tetragon',
      version: '1.2.0',
    },
    namespace: 'kube-system',
    include: ctx => ctx.tier >= 5,
    serves: [],
    workloads: [
      {
        kind: 'DaemonSet',
        name: 'tetragon',
        podLabels: { 'app.kubernetes.io/name': 'tetragon' },
        ports: [metrics(2112)],
        needsNode: true,
        callsApiServer: true,
      },
    ],
    satisfies: ['tetragon'],
  },
];

/** The add-ons a baseline installs, each after the ones it needs. */
export function addonsFor(ctx: AddonContext): Addon[] {
  const chosen = ADDONS.filter(a => a.include(ctx));
  const ids = new Set(chosen.map(a => a.id));
  const placed = new Set<string>();
  const out: Addon[] = [];
  // Bootstrap first; then repeatedly every add-on whose needs are placed
  // (catalogue order breaks ties, so the order is stable).
  for (const a of chosen.filter(x => x.bootstrap)) {
    out.push(a);
    placed.add(a.id);
  }
  while (out.length < chosen.length) {
    const next = chosen.find(
      a =>
        !placed.has(a.id) &&
        (a.after ?? []).every(d => !ids.has(d) || placed.has(d)),
    );
    if (!next)
      throw new Error(
        `Add-on dependencies form a cycle among ${chosen
          .filter(a => !placed.has(a.id))
          .map(a => a.id)
          .join(', ')}`,
      );
    out.push(next);
    placed.add(next.id);
  }
  return out;
}

/**
 * Each add-on's install wave: one more than the latest add-on it needs, so
 * independent add-ons install side by side.
 */
export function addonWaves(addons: Addon[]): Map<string, number> {
  const waves = new Map<string, number>();
  for (const a of addons) {
    if (a.bootstrap) continue;
    const needs = (a.after ?? [])
      .map(d => waves.get(d))
      .filter((w): w is number => w !== undefined);
    waves.set(a.id, needs.length ? Math.max(...needs) + 1 : 1);
  }
  return waves;
}
