import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IApplicationSource } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSource';
import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import type { IKustomization as IFluxKustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import type { IGitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { stringify } from 'yaml';
import { installPlan, InstallStep } from '../platform/installPlan';
import { KubeObject, manifest, RenderedFile } from '../types';
import { manifestFile, textFile } from '../yaml';
import type { BaselineContext } from './context';
import { ClusterInput, label } from './input';

/**
 * GitOps choice argocd: the platform and teams projects, and the root
 * Application (app of apps) that syncs the baseline.
 */
export function argoCdFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (c.choices.gitops !== 'argocd') return [];
  return [
    manifestFile(
      'manifests/gitops/project.yaml',
      argoProjects(
        c,
        b.workloadNs.map(n => n.name),
      ),
      ['gitops-app-of-apps'],
    ),
    manifestFile(
      'manifests/gitops/root-application.yaml',
      [
        manifest<IApplication>({
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
        }),
      ],
      ['argocd-apps', 'gitops-app-of-apps'],
    ),
  ];
}

/**
 * What the Argo CD root Application syncs, by packaging: the root
 * kustomization (kustomize), the baseline's own Helm chart (helm), or the
 * manifests folder as plain YAML (raw).
 */
function rootSource(c: ClusterInput): IApplicationSource {
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

/** The platform project for add-ons, and a least-privilege one for teams. */
function argoProjects(c: ClusterInput, teamNamespaces: string[]): KubeObject[] {
  return [
    manifest<IAppProject>({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'platform', namespace: 'argocd', labels: label },
      spec: {
        description: 'Cluster add-ons owned by the platform team',
        sourceRepos: ['*'],
        destinations: [{ server: '*', namespace: '*' }],
        clusterResourceWhitelist: [{ group: '*', kind: '*' }],
      },
    }),
    manifest<IAppProject>({
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
    }),
  ];
}

/** Tier 3: one Argo CD Application per team namespace, in the teams project. */
export function teamApplicationSetFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (c.tier < 3) return [];
  return [
    manifestFile(
      'manifests/gitops/applicationset.yaml',
      [
        manifest<IApplicationSet>({
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
                  elements: b.workloadNs.map(n => ({
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
        }),
      ],
      ['argocd-apps'],
    ),
  ];
}

/** Tier 4: hub and spokes, the baseline synced to every cluster of the fleet. */
export function fleetApplicationSetFiles(b: BaselineContext): RenderedFile[] {
  const c = b.input;
  if (c.tier < 4) return [];
  return [
    manifestFile(
      'manifests/gitops/fleet-applicationset.yaml',
      [
        manifest<IApplicationSet>({
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
        }),
      ],
      ['argocd-hub-spoke'],
    ),
  ];
}

/** GitOps choice flux: stages over the install plan of the files so far. */
export function fluxFiles(
  b: BaselineContext,
  files: RenderedFile[],
): RenderedFile[] {
  if (b.input.choices.gitops !== 'flux') return [];
  return fluxStages(b.input, installPlan(files, b.addons));
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
    manifest<IGitRepository>({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'platform', namespace: 'flux-system', labels: label },
      spec: { interval: '5m0s', url: c.gitopsRepoUrl, ref: { branch: 'main' } },
    }),
    ...stages.map((st, i) =>
      manifest<IFluxKustomization>({
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
      }),
    ),
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
