import type { ClusterResult } from '../clusters/results';

/** Where a condition stands; `Absent` when the object does not report it. @public */
export type CrossplaneConditionStatus = 'True' | 'False' | 'Unknown' | 'Absent';

/** One of Crossplane's two conditions on an object. @public */
export interface CrossplaneCondition {
  type: 'Synced' | 'Ready';
  status: CrossplaneConditionStatus;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** How one object is doing, from its conditions and whether it could be read. @public */
export type CrossplaneNodeState =
  | 'ready'
  | 'not-ready'
  | 'unknown'
  | 'deleting'
  | 'missing'
  | 'unreadable';

/** What part an object plays in a claim's tree. @public */
export type CrossplaneNodeRole = 'claim' | 'composite' | 'managed';

/** An object reference as Crossplane writes it (`resourceRef`, `resourceRefs[]`). @public */
export interface CrossplaneObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

/** An event about one object, as shown beside it. @public */
export interface CrossplaneEvent {
  type: string;
  reason: string;
  message: string;
  count: number;
  lastTimestamp?: string;
  source?: string;
}

/** One object of the tree: claim, composite or managed resource. @public */
export interface CrossplaneNode {
  ref: CrossplaneObjectRef;
  role: CrossplaneNodeRole;
  state: CrossplaneNodeState;
  synced: CrossplaneCondition;
  ready: CrossplaneCondition;
  createdAt?: string;
  /** Set while the object is being deleted, with the finalizers holding it. */
  deleting?: { since: string; finalizers: string[] };
  /** Why the object could not be read (missing, forbidden, unknown kind, ...). */
  problem?: string;
  /** The object as YAML, with anything secret-looking redacted. */
  yaml?: string;
  events: CrossplaneEvent[];
  /** Composites' composed resources; not-ready first. */
  children: CrossplaneNode[];
}

/** A Composition or CompositionRevision in use, or why it could not be read. @public */
export interface CrossplaneCompositionInfo {
  name: string;
  found: boolean;
  /** CompositionRevision: its `spec.revision` number. */
  revision?: number;
  /** Composition: its mode (`Pipeline`, `Resources`). */
  mode?: string;
  problem?: string;
}

/** A connection secret: its name and whether it exists, never its data. @public */
export interface CrossplaneConnectionSecret {
  name: string;
  namespace: string;
  /** `undefined` when existence could not be checked (e.g. 403). */
  exists?: boolean;
  problem?: string;
}

/** Counts of one condition type across a claim's tree. @public */
export type CrossplaneConditionCounts = Record<
  CrossplaneConditionStatus,
  number
>;

/** The first thing keeping a claim from being ready. @public */
export interface CrossplaneNotReadyReason {
  ref: CrossplaneObjectRef;
  role: CrossplaneNodeRole;
  condition?: 'Synced' | 'Ready';
  reason: string;
  message?: string;
}

/** Overall status of a claim. @public */
export type CrossplaneClaimStatus =
  | 'ready'
  | 'not-ready'
  | 'deleting'
  | 'unknown';

/**
 * One claim (v1: claim -> composite -> managed), one v2 namespaced
 * composite without a claim, or a v1 composite named directly, with
 * everything Paved could read about it.
 * @public
 */
export interface CrossplaneClaimView {
  shape: 'v1-claim' | 'v1-composite' | 'v2-composite';
  /** How Paved found it: the annotation, or the entity's label selector. */
  foundBy: 'annotation' | 'label-selector';
  root: CrossplaneNode;
  status: CrossplaneClaimStatus;
  counts: {
    synced: CrossplaneConditionCounts;
    ready: CrossplaneConditionCounts;
  };
  firstNotReady?: CrossplaneNotReadyReason;
  composition?: CrossplaneCompositionInfo;
  compositionRevision?: CrossplaneCompositionInfo;
  connectionSecrets: CrossplaneConnectionSecret[];
  /** Runbook route when the claim is not ready. */
  runbookUrl?: string;
}

/** Something Paved could not read in one cluster, said plainly. @public */
export interface CrossplaneReadProblem {
  /** What was being read, e.g. `PostgreSQLInstance payments/payments-db`. */
  subject: string;
  message: string;
  statusCode?: number;
}

/** One cluster's claims for an entity. @public */
export interface CrossplaneClusterClaims {
  claims: CrossplaneClaimView[];
  problems: CrossplaneReadProblem[];
}

/** `GET /api/paved/crossplane/entity/:namespace/:kind/:name`. @public */
export interface CrossplaneEntityResponse {
  entityRef: string;
  /** The claim references from `paved.dev/crossplane-claims`, as written. */
  claimReferences: string[];
  labelSelector: string;
  /** Annotation entries that could not be parsed, with why. */
  invalidReferences: { entry: string; message: string }[];
  clusters: ClusterResult<CrossplaneClusterClaims>[];
  /**
   * Whether the nodes carry their YAML (`paved.crossplane.yaml.read`) and
   * events (`paved.crossplane.events.read`); without the permission they
   * are left out and the tree still shows.
   */
  access?: { yaml: boolean; events: boolean };
}
