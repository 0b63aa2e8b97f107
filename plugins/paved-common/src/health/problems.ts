import {
  runbookForReason,
  runbookById,
  runbookUrl,
  RunbookId,
} from '../runbooks/runbooks';
import {
  HealthObjectRef,
  HealthProblem,
  HealthRunbookLink,
  HealthSeverity,
  HealthSignal,
} from './types';

/**
 * The runbook for a reason, falling back to a runbook chosen by the signal
 * when Kubernetes' own reason is not one the catalogue knows (a PDB whose
 * reason is `SufficientPods` but still allows no disruption, say).
 */
export function runbookLink(
  reasons: (string | undefined)[],
  fallback: RunbookId | undefined,
  entityRef: string | undefined,
): HealthRunbookLink | undefined {
  for (const reason of reasons) {
    const found = reason ? runbookForReason(reason) : undefined;
    if (found) {
      return {
        id: found.id,
        title: found.title,
        url: runbookUrl(found, { entityRef }),
      };
    }
  }
  const byId = fallback ? runbookById(fallback) : undefined;
  return byId
    ? { id: byId.id, title: byId.title, url: runbookUrl(byId, { entityRef }) }
    : undefined;
}

/** Ids leave out anything that changes between polls, so cards can diff. */
export function problemId(
  signal: HealthSignal,
  ref: HealthObjectRef,
  qualifier?: string,
): string {
  return [
    signal,
    ref.kind,
    ref.namespace ?? '',
    ref.name,
    ref.container ?? '',
    qualifier ?? '',
  ]
    .join(':')
    .replace(/:+$/, '');
}

export interface ProblemInput {
  signal: HealthSignal;
  severity: HealthSeverity;
  reason: string;
  message: string;
  object: HealthObjectRef;
  count?: number;
  /** Extra reasons to look up before `reason` (more specific first). */
  runbookReasons?: (string | undefined)[];
  fallbackRunbook?: RunbookId;
  /** Tells apart problems of one signal on one object (pressure types). */
  idQualifier?: string;
}

export function makeProblem(
  input: ProblemInput,
  entityRef: string | undefined,
): HealthProblem {
  const runbook = runbookLink(
    [...(input.runbookReasons ?? []), input.reason],
    input.fallbackRunbook,
    entityRef,
  );
  return {
    id: problemId(input.signal, input.object, input.idQualifier),
    signal: input.signal,
    severity: input.severity,
    reason: input.reason,
    message: input.message,
    object: input.object,
    ...(input.count !== undefined ? { count: input.count } : {}),
    ...(runbook ? { runbook } : {}),
  };
}

const SEVERITY_ORDER: Record<HealthSeverity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/** Most severe first, then by id, so output is deterministic. */
export function compareProblems(a: HealthProblem, b: HealthProblem): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.id.localeCompare(b.id)
  );
}

export function sortProblems(problems: HealthProblem[]): HealthProblem[] {
  return [...problems].sort(compareProblems);
}

export function conditionOf(
  obj: { status?: any },
  type: string,
): { status?: string; reason?: string; message?: string } | undefined {
  const conditions: any[] = Array.isArray(obj.status?.conditions)
    ? obj.status.conditions
    : [];
  return conditions.find(c => c?.type === type);
}
