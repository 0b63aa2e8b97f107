import { Addon } from './addonTypes';
import { addonWaves } from './addons';
import { KubeObject, RenderedFile } from '../types';
import { manifestFile } from '../yaml';

/*
 * The order a baseline converges in. Every object gets a wave; add-ons
 * install in waves of their own between the namespaces and the objects that
 * use their kinds. Argo CD reads the waves from `argocd.argoproj.io/sync-wave`,
 * Flux from the stage Kustomizations' dependsOn, and the README lists the
 * same steps for a cluster without GitOps; the convergence test walks them
 * in this order.
 */

export const WAVES = {
  /** Namespaces (labelled for Pod Security before any pod lands in them). */
  namespaces: -2,
  /** Quotas, limit ranges, RBAC and network policies: built-in kinds only. */
  tenancy: -1,
  /** Add-ons take waves 1..9, each after the ones it needs. */
  firstAddon: 1,
  /** Custom resources that configure the add-ons. */
  config: 10,
  /** Custom resources whose kinds an earlier config object creates (Gatekeeper constraints, provider configs). */
  derivedConfig: 11,
  /** Applications: the sample workload. */
  workloads: 20,
} as const;

/** Kinds created at run time by other objects of the baseline, not by a chart's CRDs. */
export function isDerivedKind(apiVersion: string): boolean {
  const group = apiVersion.split('/')[0];
  // Provider packages serve their ProviderConfig kinds once installed.
  return (
    group === 'constraints.gatekeeper.sh' ||
    group.endsWith('.upbound.io') ||
    group === 'kubernetes.crossplane.io'
  );
}

/** Files applied by hand to hand the cluster to its GitOps engine. */
export const GITOPS_BOOTSTRAP_FILES = [
  'manifests/gitops/project.yaml',
  'manifests/gitops/root-application.yaml',
  'manifests/gitops/flux.yaml',
];

const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'node.k8s.io',
  'rbac.authorization.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
]);

const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.split('/')[0] : '';

/** Kinds every API server serves: no add-on installs them. */
export const isBuiltinApiVersion = (apiVersion: string) =>
  BUILTIN_GROUPS.has(groupOf(apiVersion));

/** The wave of one object of a manifest file. */
export function waveOf(
  file: string,
  o: KubeObject,
  addonWave: Map<string, number>,
): number {
  if (file.startsWith('manifests/platform/')) {
    const id = file.slice('manifests/platform/'.length).replace(/\.yaml$/, '');
    const wave = addonWave.get(id);
    if (wave === undefined)
      throw new Error(`${file}: no add-on ${id} in this baseline`);
    return wave;
  }
  if (file.startsWith('manifests/sample-app/')) return WAVES.workloads;
  if (o.kind === 'Namespace') return WAVES.namespaces;
  if (isDerivedKind(o.apiVersion)) return WAVES.derivedConfig;
  if (BUILTIN_GROUPS.has(groupOf(o.apiVersion))) return WAVES.tenancy;
  return WAVES.config;
}

/** One step of bringing a baseline up on an empty cluster. */
export type InstallStep =
  | { type: 'bootstrap'; addon: Addon }
  | { type: 'gitops-handover'; files: string[] }
  | { type: 'addon'; wave: number; addon: Addon }
  | { type: 'apply'; wave: number; files: string[] };

/**
 * The steps in order. The GitOps engine is installed by hand, then given its
 * root objects; from there on each wave waits for the one before it (Argo CD
 * waits for health, Flux for dependsOn, a person for the README's `--wait`).
 */
export function installPlan(
  files: RenderedFile[],
  addons: Addon[],
): InstallStep[] {
  const waves = addonWaves(addons);
  const steps: InstallStep[] = addons
    .filter(a => a.bootstrap)
    .map(addon => ({ type: 'bootstrap' as const, addon }));
  const handover = files
    .filter(f => f.objects && GITOPS_BOOTSTRAP_FILES.includes(f.path))
    .map(f => f.path);
  if (handover.length) steps.push({ type: 'gitops-handover', files: handover });

  const byWave = new Map<number, Set<string>>();
  for (const f of files) {
    if (!f.objects || GITOPS_BOOTSTRAP_FILES.includes(f.path)) continue;
    if (f.path.startsWith('manifests/platform/')) continue;
    for (const o of f.objects) {
      const w = waveOf(f.path, o, waves);
      byWave.set(w, (byWave.get(w) ?? new Set()).add(f.path));
    }
  }
  for (const a of addons) {
    if (!a.bootstrap)
      byWave.set(waves.get(a.id)!, byWave.get(waves.get(a.id)!) ?? new Set());
  }
  for (const wave of [...byWave.keys()].sort((x, y) => x - y)) {
    for (const addon of addons.filter(
      a => !a.bootstrap && waves.get(a.id) === wave,
    )) {
      steps.push({ type: 'addon', wave, addon });
    }
    const paths = [...(byWave.get(wave) ?? [])];
    if (paths.length) steps.push({ type: 'apply', wave, files: paths });
  }
  return steps;
}

/**
 * Argo CD: every object carries its sync wave; custom resources whose CRDs
 * an add-on of the same sync installs (including the objects of an add-on
 * of plain manifests) skip the dry run that would otherwise fail the whole
 * sync before those CRDs exist.
 */
export function annotateWaves(
  files: RenderedFile[],
  addons: Addon[],
): RenderedFile[] {
  const waves = addonWaves(addons);
  // Add-ons of plain manifests: their objects are custom resources too.
  const manifestAddonFiles = new Set(
    addons
      .filter(a => a.source.type === 'manifests')
      .map(a => `manifests/platform/${a.id}.yaml`),
  );
  return files.map(f => {
    if (!f.objects || GITOPS_BOOTSTRAP_FILES.includes(f.path)) return f;
    const objects = f.objects.map(o => {
      const wave = waveOf(f.path, o, waves);
      const custom =
        !BUILTIN_GROUPS.has(groupOf(o.apiVersion)) &&
        (!f.path.startsWith('manifests/platform/') ||
          manifestAddonFiles.has(f.path));
      return {
        ...o,
        metadata: {
          ...o.metadata,
          annotations: {
            ...o.metadata.annotations,
            'argocd.argoproj.io/sync-wave': String(wave),
            ...(custom
              ? {
                  'argocd.argoproj.io/sync-options':
                    'SkipDryRunOnMissingResource=true',
                }
              : {}),
          },
        },
      };
    });
    return {
      ...manifestFile(f.path, objects, f.satisfies),
      ...(f.validateAs ? { validateAs: f.validateAs } : {}),
    };
  });
}
