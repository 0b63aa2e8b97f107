import type { ClusterError } from '../clusters/results';

/** The kinds whose problems have evidence: a Pod, or the workload owning Pods. @public */
export const EVIDENCE_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
] as const;

/** @public */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One event about the object, newest first in a response. @public */
export interface EvidenceEvent {
  type: string;
  reason: string;
  message: string;
  /** Occurrences (`count` / `series.count`), at least 1. */
  count: number;
  lastSeen?: string;
  /** Which part of the object, e.g. `spec.containers{app}`. */
  fieldPath?: string;
  /** Who reported it, e.g. `kubelet`. */
  source?: string;
}

/** The last lines of the previous (terminated) container's log, redacted. @public */
export type PreviousLog =
  | {
      found: true;
      lines: string[];
      /** Lines that had a credential taken out. */
      redactedLines: number;
      /** The byte limit cut the log (the first line may be partial). */
      truncated: boolean;
      tailLines: number;
      limitBytes: number;
    }
  | {
      /** The container has not terminated before: nothing to show. */
      found: false;
      message: string;
    };

/** A part of the evidence that could fail on its own. @public */
export type EvidencePart<T> =
  | { ok: true; value: T }
  | { ok: false; error: ClusterError };

/** Commands that make the same reads with kubectl. @public */
export interface EvidenceCommands {
  events: string;
  /** Only for a Pod's container. */
  previousLog?: string;
}

/**
 * `GET /api/paved/evidence/entity/:namespace/:kind/:name`: the evidence
 * behind one problem of a component's Pod or workload in one cluster.
 *
 * @public
 */
export interface EvidenceResponse {
  entityRef: string;
  cluster: string;
  namespace: string;
  object: { kind: EvidenceKind; name: string };
  /** The container whose previous log was read (Pods only). */
  container?: string;
  /** Containers of the Pod, for choosing another. */
  containers?: string[];
  commands: EvidenceCommands;
  /**
   * The cluster could not be asked whether the object is the component's
   * (it failed, refused or timed out): then nothing else was read.
   */
  error?: ClusterError;
  events?: EvidencePart<EvidenceEvent[]>;
  /** Pods only. */
  previousLog?: EvidencePart<PreviousLog>;
}
