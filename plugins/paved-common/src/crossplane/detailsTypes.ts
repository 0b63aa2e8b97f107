import type { ClusterResult } from '../clusters/results';
import type {
  CrossplaneConditionStatus,
  CrossplaneEvent,
  CrossplaneObjectRef,
} from './types';

/**
 * One panel's content, or why it could not be read (a 403 on that object
 * type, a missing object): one panel failing never hides the others.
 * @public
 */
export type CrossplanePanel<T> =
  | { ok: true; value: T }
  | { ok: false; problem: string; statusCode?: number };

/** A package condition (`Installed`, `Healthy`) as a package reports it. @public */
export interface CrossplanePackageCondition {
  status: CrossplaneConditionStatus;
  reason?: string;
  message?: string;
}

/** One version an XRD defines. @public */
export interface CrossplaneXrdVersion {
  name: string;
  served: boolean;
  referenceable: boolean;
  /** The schema's top-level `spec` properties, e.g. `parameters`. */
  specProperties: string[];
}

/** The CompositeResourceDefinition behind a claim. @public */
export interface CrossplaneXrdInfo {
  name: string;
  group: string;
  kind: string;
  claimKind?: string;
  scope?: string;
  defaultComposition?: string;
  established: CrossplanePackageCondition;
  offered: CrossplanePackageCondition;
  versions: CrossplaneXrdVersion[];
}

/** A step of a pipeline-mode Composition. @public */
export interface CrossplanePipelineStep {
  step: string;
  functionRef: string;
}

/** The Composition a composite runs. @public */
export interface CrossplaneCompositionDetails {
  name: string;
  /** `Pipeline` or `Resources` (Crossplane v1's patch-and-transform). */
  mode: string;
  compositeType?: string;
  steps: CrossplanePipelineStep[];
  /** Resources mode: the names of the resource templates. */
  resources: string[];
}

/** The CompositionRevision a composite is pinned to. @public */
export interface CrossplaneRevisionInfo {
  name: string;
  revision?: number;
  mode?: string;
  /** The newest revision of the same Composition, when it could be listed. */
  latestRevision?: number;
}

/** A Provider whose kinds the claim's managed resources use. @public */
export interface CrossplaneProviderInfo {
  name: string;
  package?: string;
  installed: CrossplanePackageCondition;
  healthy: CrossplanePackageCondition;
  currentRevision?: string;
  /** `spec.revision` of the current ProviderRevision. */
  revision?: number;
  /** The managed resources' API groups this provider serves. */
  groups: string[];
}

/** The providers behind a claim's managed resources. @public */
export interface CrossplaneProvidersInfo {
  providers: CrossplaneProviderInfo[];
  /** Managed resources' API groups no installed provider says it serves. */
  unmatchedGroups: string[];
}

/** A composition Function a pipeline step calls. @public */
export interface CrossplaneFunctionInfo {
  name: string;
  found: boolean;
  package?: string;
  installed: CrossplanePackageCondition;
  healthy: CrossplanePackageCondition;
  currentRevision?: string;
  /** The pipeline steps that call it. */
  steps: string[];
}

/** Everything behind one claim: its XRD, Composition, revision, providers, functions. @public */
export interface CrossplaneClaimDetails {
  claim: CrossplaneObjectRef;
  xrd: CrossplanePanel<CrossplaneXrdInfo>;
  composition?: CrossplanePanel<CrossplaneCompositionDetails>;
  compositionRevision?: CrossplanePanel<CrossplaneRevisionInfo>;
  providers: CrossplanePanel<CrossplaneProvidersInfo>;
  /** Absent when the Composition is not in Pipeline mode (or unreadable). */
  functions?: CrossplanePanel<CrossplaneFunctionInfo[]>;
}

/** `GET /api/paved/crossplane/entity/:namespace/:kind/:name/details`. @public */
export interface CrossplaneDetailsResponse {
  entityRef: string;
  clusters: ClusterResult<{ claims: CrossplaneClaimDetails[] }>[];
}

/** One object's redacted YAML. @public */
export interface CrossplaneObjectYaml {
  ref: CrossplaneObjectRef;
  yaml: string;
}

/** `GET /api/paved/crossplane/entity/:namespace/:kind/:name/yaml`. @public */
export interface CrossplaneYamlResponse {
  entityRef: string;
  clusters: ClusterResult<{ objects: CrossplaneObjectYaml[] }>[];
}

/** One object's events. @public */
export interface CrossplaneObjectEvents {
  ref: CrossplaneObjectRef;
  events: CrossplaneEvent[];
}

/** `GET /api/paved/crossplane/entity/:namespace/:kind/:name/events`. @public */
export interface CrossplaneEventsResponse {
  entityRef: string;
  clusters: ClusterResult<{ objects: CrossplaneObjectEvents[] }>[];
}
