import { stringify } from 'yaml';
import { getTier, TierNumber } from '@paved/plugin-paved-common';
import { MANAGED_BY } from './labels';
import {
  NamespaceSpec,
  namespaceObject,
  networkPolicies,
  resourceLimits,
  tenantRbac,
} from './namespaceBaseline';
import { renderPlatformApps } from './platformApps';
import {
  CHOICE_FIELDS,
  ClusterChoices,
  tierChoiceDefaults,
  usesGatekeeper,
  usesKyverno,
} from './choices';
import {
  crossplaneObjects,
  fluxObjects,
  gatekeeperPolicies,
  linkerdPolicy,
  veleroCrossRegion,
  veleroObjects,
} from './choiceObjects';
import { renderReadme } from './readme';
import { renderSampleApp } from './sampleApp';
import { manifestFile, textFile } from './yaml';
import { ContainerDefaults, KubeObject, QuotaInput, RenderedFile } from './types';

export type ClusterInput = {
  name: string;
  tier: TierNumber;
  team: string;
  project: string;
  costCenter: string;
  /** Teams that get namespaces of their own from tier 3. */
  teams: string[];
  environments: string[];
  domain: string;
  region: string;
  gitopsRepoUrl: string;
  image: string;
  quota: QuotaInput;
  defaults: ContainerDefaults;
  adminGroup: string;
  /** Seed 002's choices in effect (tier defaults where none was made). */
  choices: ClusterChoices;
};

const label = { 'app.kubernetes.io/managed-by': MANAGED_BY };

/** Workload namespaces by the tier's namespace strategy. */
export function clusterNamespaces(c: ClusterInput): NamespaceSpec[] {
  const cost = (team: string, environment: string) => ({
    team,
    project: c.project,
    environment,
    costCenter: c.costCenter,
  });
  if (c.tier === 1) {
    return [{ name: 'apps', tier: 1, tenant: c.team, cost: cost(c.team, c.environments[0]) }];
  }
  if (c.tier === 2) {
    return c.environments.map(env => ({
      name: `apps-${env}`,
      tier: c.tier,
      tenant: c.team,
      cost: cost(c.team, env),
    }));
  }
  return c.teams.flatMap(team =>
    c.environments.map(env => ({
      name: `${team}-${env}`,
      tier: c.tier,
      tenant: team,
      parent: `team-${team}`,
      cost: cost(team, env),
    })),
  );
}

const PLANS: Record<string, { tier: TierNumber; title: string; body: string }> = {
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
    body: 'Tenants that need cluster-scoped objects get a vcluster inside their namespace instead of cluster-wide rights.',
  },
  'vault-hsm': {
    tier: 5,
    title: 'Multi-tenant Vault with HSM',
    body: 'Use Vault namespaces per tenant and auto-unseal with an HSM or cloud KMS; both are Vault configuration, not Kubernetes objects.',
  },
};

function kyvernoPolicies(): KubeObject[] {
  const policy = (name: string, rule: Record<string, unknown>): KubeObject => ({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name, labels: label },
    spec: { validationFailureAction: 'Enforce', background: true, rules: [rule] },
  });
  const pods = { any: [{ resources: { kinds: ['Pod'] } }] };
  return [
    policy('require-requests-limits', {
      name: 'containers-have-requests-and-limits',
      match: pods,
      validate: {
        message: 'Every container needs CPU and memory requests and limits.',
        pattern: {
          spec: {
            containers: [
              { resources: { requests: { cpu: '?*', memory: '?*' }, limits: { cpu: '?*', memory: '?*' } } },
            ],
          },
        },
      },
    }),
    policy('disallow-latest-tag', {
      name: 'images-are-pinned',
      match: pods,
      validate: {
        message: 'Images must not use the latest tag.',
        pattern: { spec: { containers: [{ image: '!*:latest' }] } },
      },
    }),
    policy('require-cost-labels', {
      name: 'namespaces-carry-cost-labels',
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      validate: {
        message: 'Namespaces need the team, project, environment and cost-center labels.',
        pattern: { metadata: { labels: { team: '?*', project: '?*', environment: '?*', 'cost-center': '?*' } } },
      },
    }),
  ];
}

/** The next region of the same provider area (eu-west-1 → eu-west-2), for the DR copy. */
export function secondaryRegion(region: string): string {
  const m = /^(.*-)(\d+)$/.exec(region);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${region}-secondary`;
}

/**
 * What the Argo CD root Application syncs, by packaging: the root
 * kustomization (kustomize), the baseline's own Helm chart (helm), or the
 * manifests folder as plain YAML (raw).
 */
function rootSource(c: ClusterInput): Record<string, unknown> {
  const repo = { repoURL: c.gitopsRepoUrl, targetRevision: 'main' };
  switch (c.choices.packaging) {
    case 'kustomize':
      return { ...repo, path: `clusters/${c.name}`, kustomize: {} };
    case 'helm':
      return { ...repo, path: `clusters/${c.name}`, helm: { releaseName: `${c.name}-baseline` } };
    default:
      return { ...repo, path: `clusters/${c.name}/manifests`, directory: { recurse: true } };
  }
}

/**
 * Packaging helm: the output folder is a Helm chart whose one template emits
 * every file under manifests/ unchanged (`.Files` output is not re-rendered,
 * so `{{...}}` inside ApplicationSets stays as it is).
 */
export function helmChart(c: ClusterInput): RenderedFile[] {
  return [
    textFile(
      'Chart.yaml',
      stringify({
        apiVersion: 'v2',
        name: `${c.name}-baseline`,
        description: `Tier ${c.tier} cluster baseline of ${c.name}, generated by Paved`,
        type: 'application',
        version: '0.1.0',
        appVersion: '1.0.0',
      }),
    ),
    textFile('values.yaml', '# The baseline is rendered as reviewed; it takes no values.\n{}\n'),
    textFile('.helmignore', ['docs/', 'cluster-config/', 'README.md', 'kustomization.yaml', ''].join('\n')),
    textFile(
      'templates/manifests.yaml',
      [
        '{{- range $path, $_ := .Files.Glob "manifests/**.yaml" }}',
        '---',
        '{{ $.Files.Get $path }}',
        '{{- end }}',
        '',
      ].join('\n'),
    ),
  ];
}

/** Per-folder kustomization.yaml files over the manifest files, and the root one. */
export function kustomizeTree(files: RenderedFile[]): RenderedFile[] {
  const byDir = new Map<string, string[]>();
  for (const f of files.filter(x => x.objects)) {
    const dir = f.path.slice(0, f.path.lastIndexOf('/'));
    byDir.set(dir, [...(byDir.get(dir) ?? []), f.path.slice(dir.length + 1)]);
  }
  const kustomization = (resources: string[]) =>
    stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources });
  const dirs = [...byDir.keys()].sort();
  return [
    ...dirs.map(dir => textFile(`${dir}/kustomization.yaml`, kustomization(byDir.get(dir)!), ['kustomize-base'])),
    textFile('kustomization.yaml', kustomization(dirs), ['kustomize-base']),
  ];
}

/** Every file of a tier's cluster baseline, in memory; nothing is written here. */
export function renderClusterBaseline(c: ClusterInput): RenderedFile[] {
  const tier = getTier(c.tier);
  const workloadNs = clusterNamespaces(c);
  const prodNs =
    workloadNs.find(n => n.cost.environment === 'prod') ?? workloadNs[workloadNs.length - 1];
  const platformNs: NamespaceSpec[] =
    c.tier >= 3
      ? ['platform', 'shared'].map(name => ({
          name,
          tier: c.tier,
          tenant: 'platform',
          cost: { team: c.team, project: c.project, environment: 'all', costCenter: c.costCenter },
        }))
      : [];
  const groups = { admin: c.adminGroup, developer: `${c.team}-developers` };
  const files: RenderedFile[] = [
    manifestFile(
      'manifests/namespaces.yaml',
      [...platformNs, ...workloadNs].map(namespaceObject),
      [
        'namespace',
        ...(c.tier >= 2 ? ['pod-security-restricted'] : []),
        ...(c.tier >= 3 ? ['namespace-hierarchy'] : []),
      ],
    ),
  ];
  if (tier.requiresQuota) {
    files.push(
      manifestFile(
        'manifests/resource-limits.yaml',
        workloadNs.flatMap(n => resourceLimits(n, c.quota, c.defaults)),
        ['quota-limitrange'],
      ),
    );
  }
  if (tier.requiresDefaultDeny) {
    files.push(
      manifestFile('manifests/network-policies.yaml', workloadNs.flatMap(s => networkPolicies(s)), [
        'network-policy',
      ]),
    );
  }
  if (c.tier >= 2) {
    const rbac = workloadNs.flatMap(n =>
      tenantRbac(n, { admin: `${n.tenant}-admins`, developer: `${n.tenant}-developers` }),
    );
    if (c.tier >= 4) {
      // Federated identity: the same OIDC group is admin on every cluster.
      rbac.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'paved-platform-admins', labels: label },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: `oidc:${groups.admin}` }],
      });
    }
    files.push(
      manifestFile('manifests/rbac.yaml', rbac, ['namespace-rbac', ...(c.tier >= 4 ? ['oidc-rbac'] : [])]),
    );
  }
  files.push(
    ...renderSampleApp({
      namespace: prodNs.name,
      tier: c.tier,
      cost: prodNs.cost,
      domain: c.domain,
      image: c.image,
      gatewayNamespace: 'platform',
      secrets: c.choices.secrets,
      ingress: c.choices.ingress,
    }),
  );
  // Seed 002's choices: each one decides which objects are generated.
  const ch = c.choices;
  if (usesKyverno(ch) && c.tier >= 2) {
    files.push(manifestFile('manifests/policies/kyverno.yaml', kyvernoPolicies(), ['policy-engine']));
  }
  if (usesGatekeeper(ch)) {
    const prodNames = new Set([
      ...workloadNs.filter(n => n.cost.environment === 'prod').map(n => n.name),
      prodNs.name,
    ]);
    files.push(
      manifestFile(
        'manifests/policies/gatekeeper.yaml',
        gatekeeperPolicies([...prodNames]),
        ['gatekeeper'],
      ),
    );
  }
  if (ch.secrets === 'external-secrets-vault') {
    files.push(
      manifestFile('manifests/secrets/cluster-secret-store.yaml', [
        {
          apiVersion: 'external-secrets.io/v1',
          kind: 'ClusterSecretStore',
          metadata: { name: 'vault', labels: label },
          spec: {
            provider: {
              vault: {
                server: 'https://vault.vault.svc:8200',
                path: 'secret',
                version: 'v2',
                auth: {
                  kubernetes: {
                    mountPath: 'kubernetes',
                    role: 'external-secrets',
                    serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' },
                  },
                },
              },
            },
          },
        },
      ], ['external-secrets-vault']),
    );
  }
  if (ch.ingress === 'gateway-api') {
    // Istio's gateway with the Istio mesh, Cilium's from tier 3 (Cilium is
    // the CNI there), NGINX Gateway Fabric below.
    let gatewayClassName = c.tier >= 3 ? 'cilium' : 'nginx';
    if (ch.mesh === 'istio') gatewayClassName = 'istio';
    files.push(
      manifestFile('manifests/gateway/gateway.yaml', [
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: {
            name: 'platform-gateway',
            namespace: 'platform',
            labels: label,
            annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
          },
          spec: {
            gatewayClassName,
            listeners: [
              {
                name: 'https',
                protocol: 'HTTPS',
                port: 443,
                hostname: `*.${c.domain}`,
                tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'platform-gateway-tls' }] },
                allowedRoutes: { namespaces: { from: 'All' } },
              },
            ],
          },
        },
      ], ['gateway-api', ...(c.tier >= 2 ? ['ingress-tls'] : [])]),
    );
  }
  if (ch.mesh === 'istio') {
    files.push(
      manifestFile('manifests/mesh/peer-authentication.yaml', [
        {
          apiVersion: 'security.istio.io/v1',
          kind: 'PeerAuthentication',
          metadata: { name: 'default', namespace: 'istio-system', labels: label },
          spec: { mtls: { mode: 'STRICT' } },
        },
      ], ['service-mesh']),
    );
  } else if (ch.mesh === 'linkerd') {
    files.push(manifestFile('manifests/mesh/linkerd-policy.yaml', linkerdPolicy(prodNs.name, 'sample-app'), ['service-mesh']));
  }
  const kustomizePackaging = ch.packaging === 'kustomize';
  if (ch.gitops === 'argocd') {
    files.push(
      manifestFile('manifests/gitops/project.yaml', [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'AppProject',
          metadata: { name: 'platform', namespace: 'argocd', labels: label },
          spec: {
            description: 'Cluster add-ons owned by the platform team',
            sourceRepos: ['*'],
            destinations: [{ server: '*', namespace: '*' }],
            clusterResourceWhitelist: [{ group: '*', kind: '*' }],
          },
        },
      ], ['gitops-app-of-apps']),
      manifestFile('manifests/gitops/root-application.yaml', [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: { name: `${c.name}-root`, namespace: 'argocd', labels: label },
          spec: {
            project: 'platform',
            // App of apps: this Application syncs the manifests, which hold
            // the other Applications. With packaging kustomize it builds the
            // root kustomization.yaml; otherwise it reads manifests/ as plain YAML.
            source: rootSource(c),
            destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
            syncPolicy: { automated: { prune: false, selfHeal: true } },
          },
        },
      ], ['argocd-apps', 'gitops-app-of-apps']),
    );
  } else if (ch.gitops === 'flux') {
    files.push(
      manifestFile(
        'manifests/gitops/flux.yaml',
        fluxObjects({
          cluster: c.name,
          repoUrl: c.gitopsRepoUrl,
          path: kustomizePackaging ? `./clusters/${c.name}` : `./clusters/${c.name}/manifests`,
        }),
        ['gitops-flux'],
      ),
    );
  }
  if (c.tier >= 2) {
    const workloadNames = workloadNs.map(n => n.name);
    files.push(
      manifestFile(
        'manifests/backup/velero.yaml',
        veleroObjects({ tier: c.tier, bucket: `${c.name}-velero`, region: c.region, provider: ch.provider, workloadNamespaces: workloadNames }),
        ['velero-schedules'],
      ),
    );
    if (c.tier >= 4) {
      files.push(
        manifestFile(
          'manifests/backup/velero-cross-region.yaml',
          veleroCrossRegion({ bucket: `${c.name}-velero`, secondaryRegion: secondaryRegion(c.region), provider: ch.provider, workloadNamespaces: workloadNames }),
          ['velero-cross-region'],
        ),
      );
    }
  }
  if (c.tier >= 3) {
    files.push(
      manifestFile('manifests/gitops/applicationset.yaml', [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'ApplicationSet',
          metadata: { name: 'team-workloads', namespace: 'argocd', labels: label },
          spec: {
            generators: [{ list: { elements: workloadNs.map(n => ({ namespace: n.name, team: n.tenant })) } }],
            template: {
              metadata: { name: '{{namespace}}' },
              spec: {
                project: 'platform',
                source: { repoURL: c.gitopsRepoUrl, targetRevision: 'main', path: 'teams/{{team}}/{{namespace}}' },
                destination: { server: 'https://kubernetes.default.svc', namespace: '{{namespace}}' },
              },
            },
          },
        },
      ], ['argocd-apps']),
      manifestFile('manifests/observability/dashboards.yaml', [
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'paved-namespace-dashboard', namespace: 'monitoring', labels: { ...label, grafana_dashboard: '1' } },
          data: {
            'namespace-costs.json': JSON.stringify({
              title: 'Namespaces by team and cost centre',
              panels: [{ type: 'table', title: 'CPU and memory by cost-center', targets: [{ expr: 'sum by (label_cost_center) (kube_pod_container_resource_requests * on(namespace) group_left(label_cost_center) kube_namespace_labels)' }] }],
            }),
          },
        },
      ], ['kube-prometheus-stack']),
      ...renderPlatformApps({
        cluster: c.name,
        tier: c.tier,
        region: c.region,
        backupBucket: `${c.name}-velero`,
        choices: ch,
      }),
    );
  }
  if (c.tier >= 4) {
    files.push(
      manifestFile('manifests/gitops/fleet-applicationset.yaml', [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'ApplicationSet',
          metadata: { name: 'fleet-baseline', namespace: 'argocd', labels: label },
          spec: {
            // Hub and spokes: the hub's Argo CD syncs the baseline to every
            // registered cluster labelled for the fleet.
            generators: [{ clusters: { selector: { matchLabels: { 'paved.dev/fleet': c.project } } } }],
            template: {
              metadata: { name: '{{name}}-baseline' },
              spec: {
                project: 'platform',
                source: { repoURL: c.gitopsRepoUrl, targetRevision: 'main', path: 'clusters/{{name}}/manifests' },
                destination: { server: '{{server}}', namespace: 'argocd' },
              },
            },
          },
        },
      ], ['argocd-hub-spoke']),
      textFile(
        'cluster-config/audit-policy.yaml',
        // An API server flag file, not an API object: kept outside manifests/.
        stringify({
          apiVersion: 'audit.k8s.io/v1',
          kind: 'Policy',
          omitStages: ['RequestReceived'],
          rules: [
            { level: 'Metadata', resources: [{ group: '', resources: ['secrets', 'configmaps'] }] },
            { level: 'RequestResponse', resources: [{ group: 'rbac.authorization.k8s.io' }] },
            { level: 'Metadata' },
          ],
        }),
        ['audit-policy'],
      ),
    );
  }
  if (c.tier >= 5) {
    files.push(
      manifestFile('manifests/karpenter/nodepool.yaml', [
        {
          apiVersion: 'karpenter.sh/v1',
          kind: 'NodePool',
          metadata: { name: 'general', labels: label },
          spec: {
            template: {
              spec: {
                nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'general' },
                requirements: [
                  { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
                  { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] },
                ],
              },
            },
            limits: { cpu: '10000' },
            disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
          },
        },
        {
          apiVersion: 'karpenter.k8s.aws/v1',
          kind: 'EC2NodeClass',
          metadata: { name: 'general', labels: label },
          spec: {
            role: `KarpenterNodeRole-${c.name}`,
            amiSelectorTerms: [{ alias: 'al2023@latest' }],
            subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': c.name } }],
            securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': c.name } }],
          },
        },
      ], ['karpenter']),
      manifestFile('manifests/policies/supply-chain.yaml', [
        {
          apiVersion: 'kyverno.io/v1',
          kind: 'ClusterPolicy',
          metadata: { name: 'verify-slsa-provenance', labels: label },
          spec: {
            validationFailureAction: 'Enforce',
            webhookTimeoutSeconds: 30,
            rules: [
              {
                name: 'slsa-provenance',
                match: { any: [{ resources: { kinds: ['Pod'] } }] },
                verifyImages: [
                  {
                    imageReferences: ['*'],
                    attestations: [
                      {
                        type: 'https://slsa.dev/provenance/v1',
                        attestors: [{ entries: [{ keyless: { issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/*' } }] }],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
      ], ['slsa-admission']),
    );
    const crossplane = crossplaneObjects(ch.provider);
    files.push(
      manifestFile('manifests/crossplane/providers.yaml', crossplane.providers, ['crossplane']),
      manifestFile('manifests/crossplane/xrd.yaml', crossplane.xrd, ['crossplane']),
    );
  }
  if (kustomizePackaging) {
    // Packaging kustomize: one kustomization.yaml per manifest folder listing
    // its files, and a root one listing the folders (overlays patch these).
    files.push(...kustomizeTree(files));
  } else if (c.tier >= 2) {
    // A Kustomize base over every manifest, so overlays can patch per environment.
    files.push(
      textFile(
        'kustomization.yaml',
        stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: files.filter(f => f.objects).map(f => f.path),
        }),
        ['kustomize-base'],
      ),
    );
  }
  if (ch.packaging === 'helm') files.push(...helmChart(c));
  for (const [id, plan] of Object.entries(PLANS)) {
    if (plan.tier <= c.tier && !(id === 'sealed-secrets' && c.tier < 3)) {
      const specIds: Record<string, string> = {
        'vault-replication': 'vault-ha',
        'crossplane-compositions': 'crossplane',
        'virtual-clusters': 'vcluster',
      };
      files.push(
        textFile(`docs/${id}.md`, `# ${plan.title}\n\n${plan.body}\n`, [specIds[id] ?? id]),
      );
    }
  }
  files.push(
    renderReadme({
      title: `Cluster ${c.name}: tier ${tier.tier} (${tier.title}) baseline`,
      intro: [
        `${tier.summary} Choices: ${CHOICE_FIELDS.map(f => {
          const isDefault = c.choices[f] === tierChoiceDefaults(c.tier)[f];
          return `${f} ${c.choices[f]}${isDefault ? '' : ` (tier default ${tierChoiceDefaults(c.tier)[f]})`}`;
        }).join(', ')}; namespaces ${tier.defaults.namespaceStrategy}, observability ${tier.defaults.observability}, ` +
          `DR ${tier.defaults.disasterRecovery.strategy} (RPO ${tier.defaults.disasterRecovery.rpo}, RTO ${tier.defaults.disasterRecovery.rto}).`,
      ],
      tier: c.tier,
      files,
      checkTierSpec: true,
    }),
  );
  return files;
}
