/**
 * The parts of Kubernetes RBAC objects (rbac.authorization.k8s.io/v1) the
 * evaluator reads. Structural, so manifests parsed from YAML, objects from a
 * test double's store and kubernetes-models instances all fit.
 */

/** A rule of a Role or ClusterRole. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface RbacLabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface RbacLabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: RbacLabelSelectorRequirement[];
}

export interface RbacObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}

export interface RbacRole {
  kind: 'Role';
  metadata: RbacObjectMeta;
  rules?: PolicyRule[] | null;
}

export interface RbacClusterRole {
  kind: 'ClusterRole';
  metadata: RbacObjectMeta;
  rules?: PolicyRule[] | null;
  aggregationRule?: { clusterRoleSelectors?: RbacLabelSelector[] } | null;
}

/** A binding's subject. `namespace` only for ServiceAccount. */
export interface RbacSubject {
  kind: 'User' | 'Group' | 'ServiceAccount' | string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RbacRoleRef {
  apiGroup?: string;
  kind: 'Role' | 'ClusterRole' | string;
  name: string;
}

export interface RbacRoleBinding {
  kind: 'RoleBinding';
  metadata: RbacObjectMeta;
  subjects?: RbacSubject[] | null;
  roleRef: RbacRoleRef;
}

export interface RbacClusterRoleBinding {
  kind: 'ClusterRoleBinding';
  metadata: RbacObjectMeta;
  subjects?: RbacSubject[] | null;
  roleRef: RbacRoleRef;
}

export type RbacObject =
  | RbacRole
  | RbacClusterRole
  | RbacRoleBinding
  | RbacClusterRoleBinding;

/**
 * Who asks: an authenticated user as the API server sees it, with every group
 * it belongs to (the authenticator adds `system:authenticated`, and for
 * service accounts `system:serviceaccounts` and
 * `system:serviceaccounts:<namespace>`; see {@link rbacUserFor}).
 */
export interface RbacUser {
  username: string;
  groups: string[];
}

/**
 * What is asked, in the shape of a SubjectAccessReview: either a resource
 * request (`resource` set) or a non-resource URL (`path` set).
 */
export interface AccessAttributes {
  verb: string;
  /** API group; '' (or omitted) is the core group. */
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** Omitted or '' for cluster-scoped requests and lists across all namespaces. */
  namespace?: string;
  /** A non-resource URL such as `/healthz`. */
  path?: string;
}

/** The binding, role and rule that allowed a request. */
export interface AccessGrant {
  binding: {
    kind: 'RoleBinding' | 'ClusterRoleBinding';
    name: string;
    namespace?: string;
  };
  role: { kind: 'Role' | 'ClusterRole'; name: string; namespace?: string };
  subject: RbacSubject;
  rule: PolicyRule;
}

export interface AccessDecision {
  allowed: boolean;
  /** In the RBAC authorizer's words, for `status.reason` and 403 messages. */
  reason: string;
  /** Set when allowed. */
  grant?: AccessGrant;
  /**
   * Problems met on the way that may have hidden a grant: a binding whose
   * role does not exist. The API server reports these as `evaluationError`.
   */
  errors: string[];
}
