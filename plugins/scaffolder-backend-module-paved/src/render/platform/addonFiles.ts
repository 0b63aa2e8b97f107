import { stringify } from 'yaml';
import { MANAGED_BY } from '../labels';
import { KubeObject, RenderedFile } from '../types';
import { manifestFile, textFile } from '../yaml';
import { Addon, AddonContext, addonObjects } from './addonTypes';
import { InstallStep, WAVES } from './installPlan';

const labels = {
  'app.kubernetes.io/managed-by': MANAGED_BY,
  'app.kubernetes.io/part-of': 'paved-platform',
};

/** An add-on as an Argo CD Application of the platform project. */
function argoApplication(a: Addon, ctx: AddonContext): KubeObject {
  if (a.source.type === 'manifests')
    throw new Error(`${a.id}: a manifests add-on has no Application`);
  const values = a.values ? a.values(ctx) : {};
  const source =
    a.source.type === 'helm'
      ? {
          repoURL: a.source.repoURL.replace(/^oci:\/\//, ''),
          chart: a.source.chart,
          targetRevision: a.source.version,
          helm: { releaseName: a.id, valuesObject: values },
        }
      : {
          repoURL: a.source.repoURL,
          path: a.source.path,
          targetRevision: a.source.version,
          ...(a.source.images?.length
            ? {
                kustomize: {
                  images: a.source.images.map(
                    i => `${i.name}=${i.newName}:${i.newTag}`,
                  ),
                },
              }
            : {}),
        };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: a.id, namespace: 'argocd', labels },
    spec: {
      project: 'platform',
      source,
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: a.namespace,
      },
      syncPolicy: {
        automated: { prune: false, selfHeal: true },
        // Namespaces come from the baseline, labelled for cost and Pod Security.
        syncOptions: ['ServerSideApply=true'],
      },
    },
  };
}

/** An add-on as Flux objects: its source and a HelmRelease (or Kustomization for Git). */
function fluxRelease(a: Addon, ctx: AddonContext, all: Addon[]): KubeObject[] {
  const meta = { name: a.id, namespace: 'flux-system', labels };
  const dependsOn = (a.after ?? [])
    .filter(d => all.some(x => x.id === d && !x.bootstrap))
    .map(name => ({ name }));
  if (a.source.type === 'manifests')
    throw new Error(`${a.id}: a manifests add-on has no Flux release`);
  if (a.source.type === 'git') {
    return [
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: meta,
        spec: {
          interval: '1h',
          url: a.source.repoURL,
          ref: { tag: a.source.version },
        },
      },
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: meta,
        spec: {
          interval: '1h',
          path: a.source.path,
          prune: false,
          wait: true,
          sourceRef: { kind: 'GitRepository', name: a.id },
          ...(a.source.images?.length ? { images: a.source.images } : {}),
          ...(dependsOn.length ? { dependsOn } : {}),
        },
      },
    ];
  }
  const oci = a.source.repoURL.startsWith('oci://');
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: meta,
      spec: {
        interval: '1h',
        url: a.source.repoURL,
        ...(oci ? { type: 'oci' } : {}),
      },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: meta,
      spec: {
        interval: '1h',
        releaseName: a.id,
        targetNamespace: a.namespace,
        chart: {
          spec: {
            chart: a.source.chart,
            version: a.source.version,
            sourceRef: { kind: 'HelmRepository', name: a.id },
          },
        },
        install: { crds: 'CreateReplace' },
        upgrade: { crds: 'CreateReplace' },
        ...(dependsOn.length ? { dependsOn } : {}),
        values: a.values ? a.values(ctx) : {},
      },
    },
  ];
}

/**
 * The files that install the add-ons: Argo CD Applications or Flux releases
 * under manifests/platform, and, for every chart add-on, its values under
 * platform/ (what `helm upgrade --install -f` reads without GitOps, and the
 * GitOps engine's own bootstrap values). An add-on of plain manifests is its
 * objects in manifests/platform/<id>.yaml whatever the GitOps choice: Argo CD
 * syncs them in the add-on's wave, Flux's add-ons stage applies them with the
 * folder, and without GitOps the README applies the file.
 */
export function addonFiles(addons: Addon[], ctx: AddonContext): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const a of addons) {
    if (a.source.type === 'helm') {
      files.push(
        textFile(
          `platform/${a.id}/values.yaml`,
          `# Values of the ${a.source.chart} chart ${a.source.version} for ${
            ctx.cluster
          }.\n${stringify(a.values ? a.values(ctx) : {})}`,
          a.bootstrap ? a.satisfies : [],
        ),
      );
    }
    if (a.bootstrap) continue;
    if (a.source.type === 'manifests') {
      files.push(
        manifestFile(
          `manifests/platform/${a.id}.yaml`,
          addonObjects(a, ctx),
          a.satisfies,
        ),
      );
    } else if (ctx.choices.gitops === 'argocd') {
      files.push(
        manifestFile(
          `manifests/platform/${a.id}.yaml`,
          [argoApplication(a, ctx)],
          a.satisfies,
        ),
      );
    } else if (ctx.choices.gitops === 'flux') {
      files.push(
        manifestFile(
          `manifests/platform/${a.id}.yaml`,
          fluxRelease(a, ctx, addons),
          a.satisfies,
        ),
      );
    }
  }
  return files;
}

/** The shell command that installs one add-on by hand. */
export function helmCommand(a: Addon): string {
  if (a.source.type === 'manifests') {
    return `kubectl apply --server-side --field-manager=paved-scaffolder -f manifests/platform/${a.id}.yaml`;
  }
  if (a.source.type === 'git') {
    const url = `${a.source.repoURL}/${a.source.path}?ref=${a.source.version}`;
    if (!a.source.images?.length) {
      return `kubectl apply --server-side -k "${url}"`;
    }
    // kubectl cannot override a remote folder's images: build, swap, apply.
    const swaps = a.source.images
      .map(i => `-e 's|image: ${i.name}:.*|image: ${i.newName}:${i.newTag}|'`)
      .join(' ');
    return `kubectl kustomize "${url}" | sed ${swaps} | kubectl apply --server-side -f -`;
  }
  const chart = a.source.repoURL.startsWith('oci://')
    ? `${a.source.repoURL}/${a.source.chart}`
    : `${a.source.chart} --repo ${a.source.repoURL}`;
  return `helm upgrade --install ${a.id} ${chart} --version ${a.source.version} --namespace ${a.namespace} --values platform/${a.id}/values.yaml --wait`;
}

const applyCommand = (files: string[]) =>
  `kubectl apply --server-side --field-manager=paved-scaffolder ${files
    .map(f => `-f ${f}`)
    .join(' ')}`;

const waveTitle = (wave: number) => {
  if (wave === WAVES.namespaces) return 'namespaces';
  if (wave === WAVES.tenancy)
    return 'quotas, limit ranges, RBAC and network policies';
  if (wave === WAVES.config) return "the add-ons' configuration";
  if (wave === WAVES.derivedConfig)
    return 'kinds created by earlier configuration (Gatekeeper constraints, provider configs)';
  if (wave === WAVES.workloads) return 'workloads';
  return `add-ons, wave ${wave}`;
};

/**
 * The README's apply section: the install plan as numbered steps. Each step
 * names what it applies in backticks, in the order the convergence test
 * applies it.
 */
export function applySteps(plan: InstallStep[], gitops: string): string[] {
  const lines: string[] = [];
  let n = 0;
  const step = (text: string, command?: string) => {
    n++;
    lines.push(`${n}. ${text}`);
    if (command) lines.push('', '   ```sh', `   ${command}`, '   ```', '');
  };
  for (const s of plan) {
    if (s.type === 'bootstrap') {
      step(
        `Install the GitOps engine, add-on \`${s.addon.id}\` (${s.addon.title}), by hand:`,
        helmCommand(s.addon),
      );
    } else if (s.type === 'gitops-handover') {
      step(
        `Hand the cluster to ${
          gitops === 'flux' ? 'Flux' : 'Argo CD'
        }: ${s.files.map(f => `\`${f}\``).join(', ')}.`,
        applyCommand(s.files),
      );
      lines.push(
        gitops === 'flux'
          ? 'Flux then applies the remaining steps itself, each stage Kustomization after the one it depends on:'
          : 'Argo CD then syncs the remaining steps itself, wave by wave (`argocd.argoproj.io/sync-wave`), each wave once the one before it is healthy:',
        '',
      );
    } else if (s.type === 'addon') {
      const how = gitops === 'none' ? ':' : ` (wave ${s.wave}):`;
      step(
        `Add-on \`${s.addon.id}\` (${s.addon.title})${how}`,
        gitops === 'none' ? helmCommand(s.addon) : undefined,
      );
    } else {
      step(
        `${waveTitle(s.wave)} (wave ${s.wave}): ${s.files
          .map(f => `\`${f}\``)
          .join(', ')}`,
        gitops === 'none' ? applyCommand(s.files) : undefined,
      );
    }
  }
  return lines;
}

/** Reads back the order of a README's apply steps: add-on ids and files, as written. */
export function readApplyOrder(readme: string): string[] {
  const section = readme.split('## Apply')[1] ?? '';
  const out: string[] = [];
  for (const line of section.split('\n')) {
    if (!/^\d+\. /.test(line)) continue;
    for (const m of line.matchAll(/`([^`]+)`/g)) out.push(m[1]);
  }
  return out;
}
