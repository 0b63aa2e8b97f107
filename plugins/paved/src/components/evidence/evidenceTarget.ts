import { EVIDENCE_KINDS, HealthProblem } from '@paved/plugin-paved-common';
import type { PavedEvidenceTarget } from '../../api';

/**
 * What to read for a problem in a cluster: its Pod (and container) or its
 * workload. Problems on other objects (nodes, HPAs, PDBs, the cluster) have
 * no evidence drawer.
 */
export function evidenceTargetOf(
  problem: HealthProblem,
  cluster: string,
): PavedEvidenceTarget | undefined {
  const { kind, namespace, name, container } = problem.object;
  if (!namespace || !(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
    return undefined;
  }
  return {
    cluster,
    namespace,
    kind: kind as PavedEvidenceTarget['kind'],
    name,
    ...(kind === 'Pod' && container ? { container } : {}),
  };
}
