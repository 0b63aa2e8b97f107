import { ResourceType } from '../resources/types';
import { ObjectStore } from '../store/objectStore';
import { KubeObject } from '../types';

export type AdmissionOperation = 'CREATE' | 'UPDATE';

/** Who sent the request, as admission sees it (`AdmissionRequest.userInfo`). */
export interface AdmissionUserInfo {
  username: string;
  groups: string[];
}

/** What an admission hook is asked to decide. */
export interface AdmissionRequest {
  operation: AdmissionOperation;
  /** The object as it would be stored (defaults, generated name, managedFields applied). */
  object: KubeObject;
  /** The stored object an UPDATE replaces. */
  oldObject?: KubeObject;
  /** Labels of the object's namespace (namespaced kinds only). */
  namespaceLabels?: Record<string, string>;
  store: ObjectStore;
  /** True for `dryRun=All`: admission runs, nothing is stored. */
  dryRun: boolean;
  /** The served resource the request is for. */
  resource: ResourceType;
  userInfo?: AdmissionUserInfo;
}

export type AdmissionResult =
  | { allowed: true; warnings?: string[] }
  | {
      allowed: false;
      /** HTTP status; 400 when unset (what the API server makes of a webhook denial without one). */
      code?: number;
      /** The Status message, verbatim. */
      message: string;
      /** The Status reason; unset like a webhook denial that gives none. */
      reason?: string;
    };

/**
 * A validating admission step run after the built-in ones (Pod Security
 * Admission, Kyverno), e.g. to plug in another policy engine in tests.
 */
export type AdmissionHook = (req: AdmissionRequest) => AdmissionResult;

/** Admission configuration (start options). */
export interface AdmissionOptions {
  /** Namespaces exempt from Pod Security Admission (API server config). */
  podSecurityExemptNamespaces?: string[];
  /** Kyverno's `resourceFilters` (`[Kind,Namespace,Name]`); Kyverno's Helm defaults when unset. */
  kyvernoResourceFilters?: string[];
  hooks?: AdmissionHook[];
}

/** One admission decision's input, as the write handlers hand it over. */
export interface AdmissionAttributes {
  operation: AdmissionOperation;
  resource: ResourceType;
  object: KubeObject;
  oldObject?: KubeObject;
  /** Namespace of the request (the object's namespace for namespaced kinds). */
  namespace?: string;
  name: string;
  userInfo?: AdmissionUserInfo;
  dryRun: boolean;
}

/** What admission found for an allowed request. */
export interface AdmissionOutcome {
  warnings: string[];
}
