import {
  runbookForReason,
  runbookById,
  runbookUrl,
} from '../runbooks/runbooks';
import type { HealthRunbookLink, HealthSeverity } from '../health/types';
import type { GitOpsKind, GitOpsProblem, GitOpsSignal } from './types';

const SEVERITY_ORDER: Record<HealthSeverity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/**
 * The runbook for a GitOps problem: the one covering the controller's own
 * reason where the catalogue knows it, else `gitops-sync-failed`, the
 * runbook every GitOps problem belongs to.
 */
function gitopsRunbook(
  reason: string,
  runbookEntityRef: string | undefined,
): HealthRunbookLink {
  const found = runbookForReason(reason) ?? runbookById('gitops-sync-failed')!;
  return {
    id: found.id,
    title: found.title,
    url: runbookUrl(found, { entityRef: runbookEntityRef }),
  };
}

/** One problem of one GitOps object; the id leaves out anything that changes between polls. */
export function gitopsProblem(
  input: {
    signal: GitOpsSignal;
    severity: HealthSeverity;
    reason: string;
    message: string;
    object: { kind: GitOpsKind; namespace?: string; name: string };
  },
  runbookEntityRef?: string,
): GitOpsProblem {
  const { kind, namespace, name } = input.object;
  return {
    id: [input.signal, kind, namespace ?? '', name].join(':'),
    signal: input.signal,
    severity: input.severity,
    reason: input.reason,
    message: input.message,
    object: { kind, ...(namespace ? { namespace } : {}), name },
    runbook: gitopsRunbook(input.reason, runbookEntityRef),
  };
}

/** Most severe first, then by id, so output is deterministic. @public */
export function sortGitOpsProblems(problems: GitOpsProblem[]): GitOpsProblem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.id.localeCompare(b.id),
  );
}
