import { stringify } from 'yaml';
import {
  getTier,
  kyvernoPolicies,
  TierNumber,
} from '@paved/plugin-paved-common';
import { MANAGED_BY } from './labels';
import {
  NamespaceSpec,
  namespaceObject,
  networkPolicies,
  resourceLimits,
  tenantRbac,
} from './namespaceBaseline';
import { addonsFor, gatewayClassOf } from './platform/addons';
import { AddonContext, addonVersion } from './platform/addonTypes';
import { addonFiles, applySteps } from './platform/addonFiles';
import {
  annotateWaves,
  installPlan,
  InstallStep,
} from './platform/installPlan';
import {
  ingressSource,
  platformAccessPolicies,
} from './platform/networkAccess';
import { platformNamespaces } from './platform/platformNamespaces';
import { clusterRbac } from './platform/clusterRbac';
import { controlPlaneConfig } from './platform/controlPlane';
import {
  CHOICE_FIELDS,
  ClusterChoices,
  tierChoiceDefaults,
  usesGatekeeper,
  usesKyverno,
} from './choices';
import {
  crossplaneObjects,
  gatekeeperPolicies,
  linkerdPolicy,
  veleroCrossRegion,
  veleroObjects,
} from './choiceObjects';
import { renderReadme } from './readme';
import { renderSampleApp } from './sampleApp';
import { manifestFile, textFile } from './yaml';
import {
  ContainerDefaults,
  KubeObject,
  QuotaInput,
  RenderedFile,
} from './types';

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
  /** Cilium Cluster Mesh id (1-255, unique in the mesh); default 1. */
  clusterId?: number;
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
    return [
      {
        name: 'apps',
        tier: 1,
        tenant: c.team,
        cost: cost(c.team, c.environments[0]),
      },
    ];
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
      return {
        ...repo,
        path: `clusters/${c.name}`,
        helm: { releaseName: `${c.name}-baseline` },
      };
    default:
      return {
        ...repo,
        path: `clusters/${c.name}/manifests`,
        directory: { recurse: true },
      };
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
    textFile(
      'values.yaml',
      '# The baseline is rendered as reviewed; it takes no values.\n{}\n',
    ),
    textFile(
      '.helmignore',
      ['docs/', 'cluster-config/', 'README.md', 'kustomization.yaml', ''].join(
        '\n',
      ),
    ),
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
    stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources,
    });
  const dirs = [...byDir.keys()].sort();
  return [
    ...dirs.map(dir =>
      textFile(`${dir}/kustomization.yaml`, kustomization(byDir.get(dir)!), [
        'kustomize-base',
      ]),
    ),
    textFile('kustomization.yaml', kustomization(dirs), ['kustomize-base']),
  ];
}

/** The add-on context of a cluster input. */
export function addonContext(c: ClusterInput): AddonContext {
  return {
    cluster: c.name,
    tier: c.tier,
    region: c.region,
    backupBucket: `${c.name}-velero`,
    choices: c.choices,
    clusterId: c.clusterId ?? 1,
  };
}

/** Namespaces the platform team owns beside the add-ons' own. */
const PLATFORM_OWNED = (tier: TierNumber, ch: ClusterChoices) => [
  // The Gateway lives in platform whatever the tier.
  ...(tier >= 3 || ch.ingress === 'gateway-api' ? ['platform'] : []),
  ...(tier >= 3 ? ['shared'] : []),
];

/** Every file of a tier's cluster baseline, in memory; nothing is written here. */
export function renderClusterBaseline(c: ClusterInput): RenderedFile[] {
  const tier = getTier(c.tier);
  const ctx = addonContext(c);
  const addons = addonsFor(ctx);
  const workloadNs = clusterNamespaces(c);
  const prodNs =
    workloadNs.find(n => n.cost.environment === 'prod') ??
    workloadNs[workloadNs.length - 1];
  const platformCost = {
    team: c.team,
    project: c.project,
    environment: 'platform',
    costCenter: c.costCenter,
  };
  const ownNamespaces = [
    ...PLATFORM_OWNED(c.tier, c.choices),
    ...(ingressSourceNamespace(ctx) ?? []),
  ];
  const files: RenderedFile[] = [
    manifestFile(
      'manifests/namespaces.yaml',
      [
        ...platformNamespaces(addons, ownNamespaces, platformCost),
        ...workloadNs.map(namespaceObject),
      ],
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
      manifestFile(
        'manifests/network-policies.yaml',
        workloadNs.flatMap(s => [
          ...networkPolicies(s),
          ...platformAccessPolicies(s, ctx).filter(
            o => o.kind === 'NetworkPolicy',
          ),
        ]),
        ['network-policy'],
      ),
    );
    const cilium = workloadNs.flatMap(s =>
      platformAccessPolicies(s, ctx).filter(o => o.kind !== 'NetworkPolicy'),
    );
    if (cilium.length)
      files.push(
        manifestFile('manifests/network/cilium-gateway-access.yaml', cilium, [
          'network-policy',
        ]),
      );
  }
  // From tier 4 groups come from the OIDC provider, with the API server's prefix.
  const groupPrefix = c.tier >= 4 ? 'oidc:' : '';
  if (c.tier >= 2) {
    const rbac = [
      ...workloadNs.flatMap(n =>
        tenantRbac(n, {
          admin: `${groupPrefix}${n.tenant}-admins`,
          developer: `${groupPrefix}${n.tenant}-developers`,
        }),
      ),
      ...clusterRbac({
        tier: c.tier,
        adminGroup: c.adminGroup,
        teams: c.tier >= 3 ? c.teams : [c.team],
        groupPrefix,
      }),
    ];
    files.push(
      manifestFile('manifests/rbac.yaml', rbac, [
        'namespace-rbac',
        ...(c.tier >= 3 ? ['aggregated-rbac'] : []),
        ...(c.tier >= 4 ? ['oidc-rbac'] : []),
      ]),
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
  if (usesKyverno(ch)) {
    files.push(
      manifestFile(
        'manifests/policies/kyverno.yaml',
        kyvernoPolicies(c.tier, label) as KubeObject[],
        ['policy-engine'],
      ),
    );
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
  if (addons.some(a => a.id === 'cert-manager')) {
    files.push(
      manifestFile(
        'manifests/certificates/cluster-issuer.yaml',
        [clusterIssuer(c, ctx)],
        ['ingress-tls'],
      ),
    );
  }
  if (ch.secrets === 'external-secrets-vault') {
    files.push(
      manifestFile(
        'manifests/secrets/cluster-secret-store.yaml',
        [
          {
            apiVersion: 'external-secrets.io/v1',
            kind: 'ClusterSecretStore',
            metadata: { name: 'vault', labels: label },
            spec: {
              provider: {
                vault: {
                  server: 'http://vault.vault.svc:8200',
                  path: 'secret',
                  version: 'v2',
                  auth: {
                    kubernetes: {
                      mountPath: 'kubernetes',
                      role: 'external-secrets',
                      serviceAccountRef: {
                        name: 'external-secrets',
                        namespace: 'external-secrets',
                      },
                    },
                  },
                },
              },
            },
          },
        ],
        ['external-secrets-vault'],
      ),
    );
  }
  if (ch.ingress === 'gateway-api') {
    files.push(
      manifestFile(
        'manifests/gateway/gateway.yaml',
        [
          {
            apiVersion: 'gateway.networking.k8s.io/v1',
            kind: 'Gateway',
            metadata: {
              name: 'platform-gateway',
              namespace: 'platform',
              labels: label,
              ...(c.tier >= 2
                ? {
                    annotations: {
                      'cert-manager.io/cluster-issuer': 'letsencrypt',
                    },
                  }
                : {}),
            },
            spec: {
              gatewayClassName: gatewayClassOf(ctx),
              listeners: [
                {
                  name: 'https',
                  protocol: 'HTTPS',
                  port: 443,
                  hostname: `*.${c.domain}`,
                  tls: {
                    mode: 'Terminate',
                    certificateRefs: [
                      { kind: 'Secret', name: 'platform-gateway-tls' },
                    ],
                  },
                  allowedRoutes: { namespaces: { from: 'All' } },
                },
                // Plain HTTP for the ACME HTTP-01 challenge.
                {
                  name: 'http',
                  protocol: 'HTTP',
                  port: 80,
                  hostname: `*.${c.domain}`,
                  allowedRoutes: { namespaces: { from: 'All' } },
                },
              ],
            },
          },
        ],
        ['gateway-api', ...(c.tier >= 2 ? ['ingress-tls'] : [])],
      ),
    );
  }
  if (ch.mesh === 'istio') {
    files.push(
      manifestFile(
        'manifests/mesh/peer-authentication.yaml',
        [
          {
            apiVersion: 'security.istio.io/v1',
            kind: 'PeerAuthentication',
            metadata: {
              name: 'default',
              namespace: 'istio-system',
              labels: label,
            },
            spec: { mtls: { mode: 'STRICT' } },
          },
        ],
        ['service-mesh'],
      ),
    );
  } else if (ch.mesh === 'linkerd') {
    files.push(
      manifestFile(
        'manifests/mesh/linkerd-policy.yaml',
        linkerdPolicy(prodNs.name, 'sample-app'),
        ['service-mesh'],
      ),
    );
  }
  const kustomizePackaging = ch.packaging === 'kustomize';
  if (ch.gitops === 'argocd') {
    files.push(
      manifestFile(
        'manifests/gitops/project.yaml',
        argoProjects(
          c,
          workloadNs.map(n => n.name),
        ),
        ['gitops-app-of-apps'],
      ),
      manifestFile(
        'manifests/gitops/root-application.yaml',
        [
          {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            metadata: {
              name: `${c.name}-root`,
              namespace: 'argocd',
              labels: label,
            },
            spec: {
              project: 'platform',
              // App of apps: this Application syncs the manifests, which hold
              // the other Applications. With packaging kustomize it builds the
              // root kustomization.yaml; otherwise it reads manifests/ as plain YAML.
              source: rootSource(c),
              destination: {
                server: 'https://kubernetes.default.svc',
                namespace: 'argocd',
              },
              // The HPA owns replicas; self-heal must not undo a scale-out.
              ignoreDifferences: [
                {
                  group: 'apps',
                  kind: 'Deployment',
                  jsonPointers: ['/spec/replicas'],
                },
              ],
              syncPolicy: {
                automated: { prune: false, selfHeal: true },
                syncOptions: [
                  'ServerSideApply=true',
                  'RespectIgnoreDifferences=true',
                ],
              },
            },
          },
        ],
        ['argocd-apps', 'gitops-app-of-apps'],
      ),
    );
  }
  if (c.tier >= 2) {
    const workloadNames = workloadNs.map(n => n.name);
    files.push(
      manifestFile(
        'manifests/backup/velero.yaml',
        veleroObjects({
          tier: c.tier,
          bucket: `${c.name}-velero`,
          region: c.region,
          provider: ch.provider,
          workloadNamespaces: workloadNames,
        }),
        ['velero-schedules'],
      ),
    );
    if (c.tier >= 4) {
      files.push(
        manifestFile(
          'manifests/backup/velero-cross-region.yaml',
          veleroCrossRegion({
            bucket: `${c.name}-velero`,
            secondaryRegion: secondaryRegion(c.region),
            provider: ch.provider,
            workloadNamespaces: workloadNames,
          }),
          ['velero-cross-region'],
        ),
      );
    }
  }
  if (c.tier >= 3) {
    files.push(
      manifestFile(
        'manifests/gitops/applicationset.yaml',
        [
          {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'ApplicationSet',
            metadata: {
              name: 'team-workloads',
              namespace: 'argocd',
              labels: label,
            },
            spec: {
              generators: [
                {
                  list: {
                    elements: workloadNs.map(n => ({
                      namespace: n.name,
                      team: n.tenant,
                    })),
                  },
                },
              ],
              template: {
                metadata: { name: '{{namespace}}' },
                spec: {
                  // Teams deploy into their own namespaces only, nothing cluster-wide.
                  project: 'teams',
                  source: {
                    repoURL: c.gitopsRepoUrl,
                    targetRevision: 'main',
                    path: 'teams/{{team}}/{{namespace}}',
                  },
                  destination: {
                    server: 'https://kubernetes.default.svc',
                    namespace: '{{namespace}}',
                  },
                },
              },
            },
          },
        ],
        ['argocd-apps'],
      ),
      manifestFile(
        'manifests/observability/dashboards.yaml',
        [costDashboard()],
        ['kube-prometheus-stack'],
      ),
    );
  }
  if (c.tier >= 4) {
    files.push(
      manifestFile(
        'manifests/gitops/fleet-applicationset.yaml',
        [
          {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'ApplicationSet',
            metadata: {
              name: 'fleet-baseline',
              namespace: 'argocd',
              labels: label,
            },
            spec: {
              // Hub and spokes: the hub's Argo CD syncs the baseline to every
              // registered cluster labelled for the fleet.
              generators: [
                {
                  clusters: {
                    selector: { matchLabels: { 'paved.dev/fleet': c.project } },
                  },
                },
              ],
              template: {
                metadata: { name: '{{name}}-baseline' },
                spec: {
                  project: 'platform',
                  source: {
                    repoURL: c.gitopsRepoUrl,
                    targetRevision: 'main',
                    path: 'clusters/{{name}}/manifests',
                  },
                  destination: { server: '{{server}}', namespace: 'argocd' },
                },
              },
            },
          },
        ],
        ['argocd-hub-spoke'],
      ),
    );
  }
  files.push(
    ...controlPlaneConfig({
      cluster: c.name,
      tier: c.tier,
      region: c.region,
      provider: ch.provider,
    }),
  );
  if (addons.some(a => a.id === 'karpenter')) {
    files.push(
      manifestFile(
        'manifests/karpenter/nodepool.yaml',
        karpenterObjects(c.name),
        ['karpenter'],
      ),
    );
  } else if (c.tier >= 3) {
    files.push(
      textFile(
        'docs/node-autoscaling.md',
        `# Node autoscaling\n\n${providerNotes(c.tier, ch.provider)[0]}\n`,
        ['karpenter'],
      ),
    );
  }
  if (addons.some(a => a.id === 'vpa')) {
    files.push(
      manifestFile(
        'manifests/sample-app/vpa.yaml',
        [sampleAppVpa(prodNs)],
        ['vpa'],
      ),
    );
  }
  if (c.tier >= 5) {
    files.push(
      manifestFile(
        'manifests/policies/supply-chain.yaml',
        [slsaPolicy(c.image)],
        ['slsa-admission'],
      ),
    );
    const crossplane = crossplaneObjects(ch.provider);
    files.push(
      manifestFile(
        'manifests/crossplane/providers.yaml',
        crossplane.providers,
        ['crossplane'],
      ),
      manifestFile('manifests/crossplane/xrd.yaml', crossplane.xrd, [
        'crossplane',
      ]),
    );
  }
  files.push(...addonFiles(addons, ctx));
  if (ch.gitops === 'flux') {
    const plan = installPlan(files, addons);
    files.push(...fluxStages(c, plan));
  }
  let manifests = ch.gitops === 'argocd' ? annotateWaves(files, addons) : files;
  if (kustomizePackaging) {
    // Packaging kustomize: one kustomization.yaml per manifest folder listing
    // its files, and a root one listing the folders (overlays patch these).
    manifests = [...manifests, ...kustomizeTree(manifests)];
  } else if (c.tier >= 2) {
    // A Kustomize base over every manifest, so overlays can patch per environment.
    manifests.push(
      textFile(
        'kustomization.yaml',
        stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: manifests.filter(f => f.objects).map(f => f.path),
        }),
        ['kustomize-base'],
      ),
    );
  }
  if (ch.packaging === 'helm') manifests.push(...helmChart(c));
  for (const [id, plan] of Object.entries(PLANS)) {
    if (plan.tier <= c.tier && !(id === 'sealed-secrets' && c.tier < 3)) {
      const specIds: Record<string, string> = {
        'vault-replication': 'vault-ha',
        'crossplane-compositions': 'crossplane',
        'virtual-clusters': 'vcluster',
      };
      manifests.push(
        textFile(`docs/${id}.md`, `# ${plan.title}\n\n${plan.body}\n`, [
          specIds[id] ?? id,
        ]),
      );
    }
  }
  const notes = providerNotes(c.tier, ch.provider);
  manifests.push(
    renderReadme({
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
      applySteps: applySteps(installPlan(manifests, addons), ch.gitops),
    }),
  );
  return manifests;
}

/** Namespace of the ingress controller or Gateway pods, when the baseline must create it. */
function ingressSourceNamespace(ctx: AddonContext): string[] | undefined {
  const source = ingressSource(ctx);
  return source === 'cilium-ingress' ? undefined : [source.namespace];
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

function clusterIssuer(c: ClusterInput, ctx: AddonContext): KubeObject {
  const solver =
    c.choices.ingress === 'gateway-api'
      ? {
          http01: {
            gatewayHTTPRoute: {
              parentRefs: [
                {
                  name: 'platform-gateway',
                  namespace: 'platform',
                  kind: 'Gateway',
                },
              ],
            },
          },
        }
      : { http01: { ingress: { ingressClassName: 'nginx' } } };
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: 'letsencrypt', labels: label },
    spec: {
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: `platform@${c.domain}`,
        privateKeySecretRef: { name: `letsencrypt-${ctx.cluster}` },
        solvers: [solver],
      },
    },
  };
}

/** The platform project for add-ons, and a least-privilege one for teams. */
function argoProjects(c: ClusterInput, teamNamespaces: string[]): KubeObject[] {
  return [
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
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'teams', namespace: 'argocd', labels: label },
      spec: {
        description:
          "Teams' workloads: their own namespaces, namespaced kinds only",
        sourceRepos: [c.gitopsRepoUrl],
        destinations: teamNamespaces.map(namespace => ({
          server: 'https://kubernetes.default.svc',
          namespace,
        })),
        // No cluster-scoped kind: a team repository cannot create
        // ClusterRoleBindings, CRDs or namespaces.
        clusterResourceWhitelist: [],
        // The platform owns each namespace's guardrails.
        namespaceResourceBlacklist: [
          { group: '', kind: 'ResourceQuota' },
          { group: '', kind: 'LimitRange' },
          { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
          { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
          { group: 'rbac.authorization.k8s.io', kind: 'Role' },
        ],
      },
    },
  ];
}

/**
 * Grafana dashboard of requested CPU and memory per cost centre: one query
 * per unit (adding cores to bytes means nothing), joined on the namespace's
 * cost-center label, which kube-state-metrics exports through its label
 * allow-list (kube-prometheus-stack values).
 */
function costDashboard(): KubeObject {
  const byCostCenter = (resource: string) =>
    `sum by (label_cost_center) (sum by (namespace) (kube_pod_container_resource_requests{resource="${resource}"}) * on(namespace) group_left(label_cost_center) max by (namespace, label_cost_center) (kube_namespace_labels))`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'paved-namespace-dashboard',
      namespace: 'monitoring',
      labels: { ...label, grafana_dashboard: '1' },
    },
    data: {
      'namespace-costs.json': JSON.stringify({
        title: 'Namespaces by team and cost centre',
        panels: [
          {
            type: 'table',
            title: 'Requested CPU (cores) by cost-center',
            targets: [{ expr: byCostCenter('cpu') }],
          },
          {
            type: 'table',
            title: 'Requested memory (bytes) by cost-center',
            targets: [{ expr: byCostCenter('memory') }],
          },
        ],
      }),
    },
  };
}

function karpenterObjects(cluster: string): KubeObject[] {
  return [
    {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'general', labels: label },
      spec: {
        template: {
          spec: {
            nodeClassRef: {
              group: 'karpenter.k8s.aws',
              kind: 'EC2NodeClass',
              name: 'general',
            },
            requirements: [
              {
                key: 'karpenter.sh/capacity-type',
                operator: 'In',
                values: ['spot', 'on-demand'],
              },
              {
                key: 'kubernetes.io/arch',
                operator: 'In',
                values: ['amd64', 'arm64'],
              },
            ],
          },
        },
        limits: { cpu: '10000' },
        disruption: {
          consolidationPolicy: 'WhenEmptyOrUnderutilized',
          consolidateAfter: '1m',
        },
      },
    },
    {
      apiVersion: 'karpenter.k8s.aws/v1',
      kind: 'EC2NodeClass',
      metadata: { name: 'general', labels: label },
      spec: {
        role: `KarpenterNodeRole-${cluster}`,
        amiSelectorTerms: [{ alias: 'al2023@latest' }],
        subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': cluster } }],
        securityGroupSelectorTerms: [
          { tags: { 'karpenter.sh/discovery': cluster } },
        ],
      },
    },
  ];
}

/** VPA in recommendation mode: it sizes requests without fighting the HPA over CPU. */
function sampleAppVpa(ns: NamespaceSpec): KubeObject {
  return {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name: 'sample-app', namespace: ns.name, labels: label },
    spec: {
      targetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'sample-app',
      },
      updatePolicy: { updateMode: 'Off' },
    },
  };
}

/**
 * SLSA provenance at admission for the organisation's own images (the
 * registry and owner of the sample image), not `*`: add-ons' upstream
 * images carry no such attestation. No digest mutation: Argo CD would
 * otherwise fight the webhook over every image field.
 */
function slsaPolicy(image: string): KubeObject {
  const ref = image.split('@')[0];
  const parts = ref.split('/');
  const owner = parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
  return {
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
          exclude: {
            any: [
              {
                resources: {
                  namespaces: ['kube-system', 'kube-public', 'kube-node-lease'],
                },
              },
              {
                resources: {
                  namespaceSelector: {
                    matchLabels: { 'paved.dev/namespace-role': 'platform' },
                  },
                },
              },
            ],
          },
          verifyImages: [
            {
              imageReferences: [`${owner}/*`],
              mutateDigest: false,
              verifyDigest: true,
              attestations: [
                {
                  type: 'https://slsa.dev/provenance/v1',
                  attestors: [
                    {
                      entries: [
                        {
                          keyless: {
                            issuer:
                              'https://token.actions.githubusercontent.com',
                            subject: 'https://github.com/*',
                          },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  };
}

/**
 * Flux: the repository and one Kustomization per step of the install plan,
 * each depending on the one before (wait: true), so CRDs exist before their
 * custom resources. Each stage is a kustomization.yaml under flux/ that lists
 * the step's files (Flux builds with the repository as load root).
 */
function fluxStages(c: ClusterInput, plan: InstallStep[]): RenderedFile[] {
  // One stage per wave, add-ons included: Flux dry-runs a stage as a whole,
  // so a stage may only use kinds that earlier stages installed.
  const stages: Array<{ name: string; resources: string[] }> = [];
  const stageOf = (wave: number) => {
    const name = `wave-${wave < 0 ? `m${-wave}` : wave}`;
    let stage = stages.find(x => x.name === name);
    if (!stage) {
      stage = { name, resources: [] };
      stages.push(stage);
    }
    return stage;
  };
  for (const s of plan) {
    if (s.type === 'addon') {
      stageOf(s.wave).resources.push(
        `../../manifests/platform/${s.addon.id}.yaml`,
      );
    } else if (s.type === 'apply') {
      stageOf(s.wave).resources.push(...s.files.map(f => `../../${f}`));
    }
  }
  const objects: KubeObject[] = [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'platform', namespace: 'flux-system', labels: label },
      spec: { interval: '5m0s', url: c.gitopsRepoUrl, ref: { branch: 'main' } },
    },
    ...stages.map((st, i) => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: `${c.name}-${st.name}`,
        namespace: 'flux-system',
        labels: label,
      },
      spec: {
        interval: '10m0s',
        path: `./clusters/${c.name}/flux/${st.name}`,
        prune: true,
        wait: true,
        sourceRef: { kind: 'GitRepository', name: 'platform' },
        ...(i > 0
          ? { dependsOn: [{ name: `${c.name}-${stages[i - 1].name}` }] }
          : {}),
      },
    })),
  ];
  return [
    manifestFile('manifests/gitops/flux.yaml', objects, ['gitops-flux']),
    ...stages.map(st =>
      textFile(
        `flux/${st.name}/kustomization.yaml`,
        stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: st.resources,
        }),
      ),
    ),
  ];
}
