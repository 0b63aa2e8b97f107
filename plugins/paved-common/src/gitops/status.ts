import { gitopsProblem, sortGitOpsProblems } from './problems';
import type {
  GitOpsClusterSummary,
  GitOpsFoundBy,
  GitOpsHealth,
  GitOpsKind,
  GitOpsObjectStatus,
  GitOpsProblem,
  GitOpsSync,
} from './types';

/** The API group, version and plural of each kind Paved reads. @public */
export const GITOPS_KINDS: Record<
  GitOpsKind,
  { group: string; version: string; plural: string; tool: 'argocd' | 'flux' }
> = {
  Application: {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
    tool: 'argocd',
  },
  Kustomization: {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    plural: 'kustomizations',
    tool: 'flux',
  },
  HelmRelease: {
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    plural: 'helmreleases',
    tool: 'flux',
  },
};

/** Options of {@link gitopsStatusOf}. @public */
export interface GitOpsStatusOptions {
  /** Entity whose TechDocs hold the runbooks (default `system:default/paved`). */
  runbookEntityRef?: string;
}

const SYNCS: readonly GitOpsSync[] = ['Synced', 'OutOfSync', 'Unknown'];
const HEALTHS: readonly GitOpsHealth[] = [
  'Healthy',
  'Progressing',
  'Degraded',
  'Suspended',
  'Missing',
  'Unknown',
];

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

const conditionsOf = (obj: any): any[] =>
  Array.isArray(obj?.status?.conditions) ? obj.status.conditions : [];

const conditionOf = (obj: any, type: string) =>
  conditionsOf(obj).find(c => c?.type === type);

/** Argo CD's error conditions, whose message says why a sync or comparison failed. */
const ARGO_ERROR_CONDITION = /Error$|Warning$/;

function argoSource(spec: any): string | undefined {
  const source =
    spec?.source ??
    (Array.isArray(spec?.sources) ? spec.sources[0] : undefined);
  if (!source) return undefined;
  const repo = str(source.repoURL);
  const where = str(source.path) ?? str(source.chart);
  const at = str(source.targetRevision);
  if (!repo) return undefined;
  return `${repo}${where ? ` ${where}` : ''}${at ? ` @ ${at}` : ''}`;
}

function argoStatus(obj: any, options: GitOpsStatusOptions) {
  const status = obj?.status ?? {};
  const rawSync = str(status.sync?.status);
  const rawHealth = str(status.health?.status);
  const sync: GitOpsSync = SYNCS.includes(rawSync as GitOpsSync)
    ? (rawSync as GitOpsSync)
    : 'Unknown';
  const health: GitOpsHealth = HEALTHS.includes(rawHealth as GitOpsHealth)
    ? (rawHealth as GitOpsHealth)
    : 'Unknown';
  const operation = status.operationState ?? {};
  const phase = str(operation.phase);
  const operationFailed = phase === 'Failed' || phase === 'Error';
  const errorCondition = conditionsOf(obj).find(c =>
    ARGO_ERROR_CONDITION.test(String(c?.type ?? '')),
  );
  const revision =
    str(status.sync?.revision) ??
    (Array.isArray(status.sync?.revisions)
      ? str(status.sync.revisions[0])
      : undefined);
  const message =
    (operationFailed ? str(operation.message) : undefined) ??
    str(errorCondition?.message) ??
    str(status.health?.message) ??
    str(operation.message);
  const object = {
    kind: 'Application' as const,
    namespace: str(obj?.metadata?.namespace),
    name: String(obj?.metadata?.name ?? ''),
  };
  const name = `Argo CD Application ${object.name}`;
  const problems: GitOpsProblem[] = [];
  const add = (p: Omit<Parameters<typeof gitopsProblem>[0], 'object'>) =>
    problems.push(gitopsProblem({ ...p, object }, options.runbookEntityRef));
  if (sync === 'OutOfSync') {
    add({
      signal: 'gitops-out-of-sync',
      severity: 'warning',
      reason: 'OutOfSync',
      message: `${name} is out of sync with Git${
        revision ? ` (${revision.slice(0, 7)})` : ''
      }`,
    });
  }
  if (health === 'Degraded') {
    add({
      signal: 'gitops-degraded',
      severity: 'critical',
      reason: 'Degraded',
      message: `${name} is Degraded${
        str(status.health?.message) ? `: ${status.health.message}` : ''
      }`,
    });
  }
  if (health === 'Missing') {
    add({
      signal: 'gitops-missing',
      severity: 'critical',
      reason: 'Missing',
      message: `${name}: the resources Git describes do not exist on the cluster`,
    });
  }
  if (sync === 'Unknown' || health === 'Unknown') {
    add({
      signal: 'gitops-unknown',
      severity: 'warning',
      reason: str(errorCondition?.type) ?? 'Unknown',
      message: `Argo CD cannot tell the ${
        sync === 'Unknown' ? 'sync state' : 'health'
      } of ${object.name}${
        str(errorCondition?.message) ? `: ${errorCondition.message}` : ''
      }`,
    });
  }
  if (operationFailed) {
    add({
      signal: 'gitops-sync-failed',
      severity: 'critical',
      reason: 'SyncError',
      message: `The last sync of ${object.name} failed${
        str(operation.message) ? `: ${operation.message}` : ''
      }`,
    });
  }
  return {
    sync,
    health,
    suspended: false,
    ...(revision ? { revision } : {}),
    lastSyncTime: str(operation.finishedAt) ?? str(operation.startedAt),
    message,
    source: argoSource(obj?.spec),
    problems,
  };
}

function fluxSource(kind: GitOpsKind, spec: any): string | undefined {
  if (kind === 'HelmRelease') {
    const chart = spec?.chart?.spec;
    const chartName = str(chart?.chart);
    const from = str(chart?.sourceRef?.name);
    if (chartName) {
      return `${chartName}${str(chart?.version) ? `@${chart.version}` : ''}${
        from ? ` from ${chart.sourceRef.kind ?? 'source'} ${from}` : ''
      }`;
    }
    const ref = str(spec?.chartRef?.name);
    return ref ? `${spec.chartRef.kind ?? 'chart'} ${ref}` : undefined;
  }
  const ref = spec?.sourceRef;
  const name = str(ref?.name);
  if (!name) return undefined;
  return `${str(ref?.kind) ?? 'source'} ${name}${
    str(spec?.path) ? ` ${spec.path}` : ''
  }`;
}

/** Flux reasons that mean the last apply did not happen (rather than a health check). */
const FLUX_HEALTH_REASONS = new Set(['HealthCheckFailed']);

function fluxStatus(kind: GitOpsKind, obj: any, options: GitOpsStatusOptions) {
  const status = obj?.status ?? {};
  const ready = conditionOf(obj, 'Ready');
  const stalled = conditionOf(obj, 'Stalled');
  const suspended = obj?.spec?.suspend === true;
  const readyStatus = str(ready?.status);
  const reason = str(ready?.reason);
  const isStalled = str(stalled?.status) === 'True';
  const history = Array.isArray(status.history) ? status.history : [];
  const revision =
    str(status.lastAppliedRevision) ?? str(history[0]?.chartVersion);
  const attempted = str(status.lastAttemptedRevision);
  let sync: GitOpsSync;
  let health: GitOpsHealth;
  if (readyStatus === 'True') {
    sync = 'Synced';
    health = 'Healthy';
  } else if (readyStatus === 'False') {
    // Applied but unhealthy stays in sync; anything else failed to apply.
    const applied =
      !!reason && FLUX_HEALTH_REASONS.has(reason) && revision === attempted;
    sync = applied ? 'Synced' : 'OutOfSync';
    health = 'Degraded';
  } else if (readyStatus === 'Unknown') {
    sync = 'Unknown';
    health = 'Progressing';
  } else {
    sync = 'Unknown';
    health = 'Unknown';
  }
  if (suspended) health = 'Suspended';
  const object = {
    kind,
    namespace: str(obj?.metadata?.namespace),
    name: String(obj?.metadata?.name ?? ''),
  };
  const name = `Flux ${kind} ${object.name}`;
  const problems: GitOpsProblem[] = [];
  const add = (p: Omit<Parameters<typeof gitopsProblem>[0], 'object'>) =>
    problems.push(gitopsProblem({ ...p, object }, options.runbookEntityRef));
  const said = str(ready?.message) ?? str(stalled?.message);
  if (isStalled) {
    add({
      signal: 'gitops-stalled',
      severity: 'critical',
      reason: str(stalled?.reason) ?? 'Stalled',
      message: `${name} is stalled: Flux will not retry until its source or spec changes${
        said ? ` (${said})` : ''
      }`,
    });
  } else if (readyStatus === 'False') {
    add({
      signal: 'gitops-not-ready',
      severity: 'critical',
      reason: reason ?? 'NotReady',
      message: `${name} is not ready${said ? `: ${said}` : ''}`,
    });
  } else if (!ready) {
    add({
      signal: 'gitops-unknown',
      severity: 'warning',
      reason: 'Unknown',
      message: `${name} reports no Ready condition: Flux has not reconciled it yet`,
    });
  }
  if (suspended) {
    add({
      signal: 'gitops-suspended',
      severity: 'info',
      reason: 'Suspended',
      message: `${name} is suspended: Flux does not apply changes from Git until it is resumed`,
    });
  }
  return {
    sync,
    health,
    suspended,
    ...(revision ? { revision } : {}),
    ...(attempted && attempted !== revision
      ? { attemptedRevision: attempted }
      : {}),
    lastSyncTime: str(ready?.lastTransitionTime),
    message: said,
    source: fluxSource(kind, obj?.spec),
    problems,
  };
}

/**
 * One Argo CD Application, Flux Kustomization or HelmRelease as Paved shows
 * it: sync and health in Argo CD's words (Flux's Ready condition mapped onto
 * them), revision, last sync time and message, and its problems, each with
 * the `gitops-sync-failed` runbook (or a more specific one for its reason).
 *
 * @public
 */
export function gitopsStatusOf(
  kind: GitOpsKind,
  obj: unknown,
  foundBy: GitOpsFoundBy[],
  options: GitOpsStatusOptions = {},
): GitOpsObjectStatus {
  const o = obj as any;
  const parts =
    kind === 'Application'
      ? argoStatus(o, options)
      : fluxStatus(kind, o, options);
  const out: GitOpsObjectStatus = {
    tool: GITOPS_KINDS[kind].tool,
    kind,
    namespace: String(o?.metadata?.namespace ?? ''),
    name: String(o?.metadata?.name ?? ''),
    sync: parts.sync,
    health: parts.health,
    suspended: parts.suspended,
    foundBy: [...new Set(foundBy)],
    problems: sortGitOpsProblems(parts.problems),
  };
  for (const key of [
    'revision',
    'attemptedRevision',
    'source',
    'lastSyncTime',
    'message',
  ] as const) {
    const value = (parts as Partial<Record<typeof key, string>>)[key];
    if (value) out[key] = value;
  }
  return out;
}

const WORST_FIRST: Record<GitOpsHealth, number> = {
  Degraded: 0,
  Missing: 1,
  Unknown: 2,
  Progressing: 3,
  Suspended: 4,
  Healthy: 5,
};

/**
 * One cluster's summary: objects worst first (by problem severity, then
 * health, then name), every problem once, and the kinds not served.
 *
 * @public
 */
export function summarizeGitOps(
  objects: GitOpsObjectStatus[],
  notServed: GitOpsKind[] = [],
): GitOpsClusterSummary {
  const rank = (o: GitOpsObjectStatus) => {
    if (o.problems.some(p => p.severity === 'critical')) return 0;
    return o.problems.some(p => p.severity === 'warning') ? 1 : 2;
  };
  const sorted = [...objects].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      WORST_FIRST[a.health] - WORST_FIRST[b.health] ||
      `${a.kind}/${a.namespace}/${a.name}`.localeCompare(
        `${b.kind}/${b.namespace}/${b.name}`,
      ),
  );
  return {
    objects: sorted,
    problems: sortGitOpsProblems(sorted.flatMap(o => o.problems)),
    notServed,
  };
}
