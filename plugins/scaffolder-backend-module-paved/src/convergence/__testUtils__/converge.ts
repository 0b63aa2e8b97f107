/*
 * Brings a rendered baseline up on a simulated empty cluster in the order
 * of its install plan: add-ons as Helm/Argo CD would install them, the
 * baseline's manifests through Paved's own apply path (server-side apply,
 * unserved kinds fail), then the workloads' Pods through the API.
 */
import { applyManifests, Manifest } from '../../apply/applyManifests';
import { AddonContext, Addon } from '../../render/platform/addonTypes';
import { addonWaves } from '../../render/platform/addons';
import { installPlan, waveOf } from '../../render/platform/installPlan';
import { RenderedFile } from '../../render/types';
import {
  clusterOf,
  Double,
  installAddon,
  reconcileControllers,
  runWorkloads,
  startEmptyCluster,
} from './simulateCluster';

/** One thing done, in order. */
export type ConvergenceStep =
  | { type: 'bootstrap' | 'addon'; addon: string }
  | { type: 'gitops-handover' | 'apply'; wave?: number; file: string }
  | { type: 'controllers'; crds: string[] }
  | { type: 'workloads'; pods: string[] };

export class ConvergenceError extends Error {
  constructor(message: string, readonly done: ConvergenceStep[]) {
    super(message);
    this.name = 'ConvergenceError';
  }
}

export { clusterOf };

/**
 * Walks `installPlan(files, addons)` on the double (a fresh empty cluster
 * unless one is given). Apply steps apply, per file, the objects of that
 * step's wave. Stops at the first failure with a ConvergenceError naming the
 * step and what was done before it.
 */
export async function converge(
  files: RenderedFile[],
  addons: Addon[],
  ctx: AddonContext,
  given?: Double,
): Promise<{ steps: ConvergenceStep[]; double: Double }> {
  const double = given ?? (await startEmptyCluster());
  const cluster = clusterOf(double);
  const waves = addonWaves(addons);
  const byPath = new Map(files.map(f => [f.path, f]));
  const done: ConvergenceStep[] = [];
  const failed = (step: string, e: unknown): never => {
    const label = (d: ConvergenceStep) => {
      if ('addon' in d) return d.addon;
      if ('file' in d) return d.file;
      return d.type;
    };
    const after = done.length
      ? done.map(label).slice(-3).join(', ')
      : 'nothing';
    throw new ConvergenceError(
      `convergence failed at ${step}: ${
        (e as Error).message ?? e
      }\n(last done: ${after})`,
      done,
    );
  };

  for (const step of installPlan(files, addons)) {
    if (step.type === 'bootstrap' || step.type === 'addon') {
      await installAddon(double, step.addon, ctx).catch(e =>
        failed(`${step.type} ${step.addon.id}`, e),
      );
      done.push({ type: step.type, addon: step.addon.id });
      continue;
    }
    for (const path of step.files) {
      const file = byPath.get(path)!;
      const objects = (file.objects ?? []).filter(
        o =>
          step.type === 'gitops-handover' ||
          waveOf(path, o, waves) === step.wave,
      );
      await applyManifests(cluster, objects as unknown as Manifest[], {
        force: true,
        dryRun: false,
        missingKinds: 'fail',
        crdWaitSeconds: 5,
        pollMs: 20,
      }).catch(e =>
        failed(
          `${step.type}${
            step.type === 'apply' ? ` wave ${step.wave}` : ''
          } ${path}`,
          e,
        ),
      );
      done.push({
        type: step.type,
        ...(step.type === 'apply' ? { wave: step.wave } : {}),
        file: path,
      });
    }
    const crds = await reconcileControllers(double).catch(e =>
      failed('controllers', e),
    );
    if (crds.length) done.push({ type: 'controllers', crds });
  }
  const pods = await runWorkloads(double).catch(e => failed('workloads', e));
  done.push({ type: 'workloads', pods });
  return { steps: done, double };
}
