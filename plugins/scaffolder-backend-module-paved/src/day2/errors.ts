import { CustomErrorBase } from '@backstage/errors';

/**
 * Day-2 refusals. Each carries its own `name` so that a template run, a
 * log line or a test can tell them apart. All are thrown before anything
 * is written to the workspace or the cluster.
 */

/** No tenant of that name: no tenant entity in the catalog. */
export class UnknownTenantError extends CustomErrorBase {
  name = 'UnknownTenantError' as const;

  constructor(tenant: string, why: string) {
    super(`name: unknown tenant "${tenant}": ${why}. Nothing was changed`);
  }
}

/** One quota key that would end up below what the namespace already uses. */
export type QuotaShortfall = {
  namespace: string;
  resource: string;
  used: string;
  hard: string;
};

/** The new quota is below the namespace's current use (ResourceQuota status.used). */
export class QuotaBelowUseError extends CustomErrorBase {
  name = 'QuotaBelowUseError' as const;

  constructor(readonly shortfalls: QuotaShortfall[]) {
    super(
      `quota: below current use, nothing was changed: ${shortfalls
        .map(
          s =>
            `${s.namespace} ${s.resource} uses ${s.used}, the new quota allows ${s.hard}`,
        )
        .join('; ')}`,
    );
  }
}

/** A Pod that still runs (phase neither Succeeded nor Failed). */
export type RunningPod = { namespace: string; name: string; phase: string };

/** Offboarding refused: workloads still run in the tenant's namespaces. */
export class WorkloadsRunningError extends CustomErrorBase {
  name = 'WorkloadsRunningError' as const;

  constructor(readonly pods: RunningPod[]) {
    super(
      `force: ${
        pods.length
      } Pod(s) still run in the tenant's namespaces, nothing was deleted (stop them, or set force: true): ${pods
        .map(p => `${p.namespace}/${p.name} (${p.phase})`)
        .join(', ')}`,
    );
  }
}
