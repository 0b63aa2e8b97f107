import type { PolicyRule } from '../rbac/types';

/**
 * The two roles every tenant namespace gets, bound to the tenant's identity
 * provider groups by RoleBindings in that namespace only. docs/tenants.md
 * explains each decision; the isolation matrix test in the scaffolder module
 * proves that neither reaches another tenant.
 */
export const TENANT_ROLE_NAMES = ['tenant-admin', 'tenant-developer'] as const;

/** `tenant-admin` or `tenant-developer`. */
export type TenantRoleName = (typeof TENANT_ROLE_NAMES)[number];

const READ = ['get', 'list', 'watch'];
const WRITE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
/**
 * Streaming subresources: kubectl sends `create` (POST) or, over WebSockets,
 * `get`; API servers that check the upgrade want `create` as well.
 */
const CONNECT = ['get', 'create'];

/** Deploying and running workloads: both roles. */
const WORKLOADS: PolicyRule = {
  apiGroups: ['', 'apps', 'batch', 'autoscaling', 'policy'],
  resources: [
    'pods',
    'pods/log',
    'services',
    'configmaps',
    'deployments',
    'statefulsets',
    'replicasets',
    'jobs',
    'cronjobs',
    'horizontalpodautoscalers',
    'poddisruptionbudgets',
  ],
  verbs: WRITE,
};

/** What every runbook's checks read: events, endpoints, quota, claims. */
const DIAGNOSE: PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'events',
      'endpoints',
      'resourcequotas',
      'limitranges',
      'persistentvolumeclaims',
      'serviceaccounts',
    ],
    verbs: READ,
  },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
  {
    apiGroups: ['discovery.k8s.io'],
    resources: ['endpointslices'],
    verbs: READ,
  },
  { apiGroups: ['metrics.k8s.io'], resources: ['pods'], verbs: READ },
  // `kubectl get namespace <own>`: the request names the namespace itself,
  // so a rule in that namespace's Role covers it, and only it.
  { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
  // Who may do what here (the rbac-denied runbook); not secret.
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings'],
    verbs: READ,
  },
  // Status of what add-ons do for the tenant's workloads. Read only: an
  // ExternalSecret or a Certificate could name a cluster-wide store or
  // issuer, which is the platform's to hand out.
  {
    apiGroups: ['external-secrets.io'],
    resources: ['externalsecrets', 'secretstores'],
    verbs: READ,
  },
  {
    apiGroups: ['cert-manager.io'],
    resources: ['certificates', 'certificaterequests', 'issuers'],
    verbs: READ,
  },
  {
    apiGroups: ['acme.cert-manager.io'],
    resources: ['challenges', 'orders'],
    verbs: READ,
  },
];

/** Exposure and traffic: admins manage them, developers read them. */
const TRAFFIC_GROUPS = ['networking.k8s.io', 'gateway.networking.k8s.io'];
const TRAFFIC = ['ingresses', 'networkpolicies', 'httproutes', 'grpcroutes'];

const ROLE_RULES: Record<TenantRoleName, PolicyRule[]> = {
  'tenant-admin': [
    WORKLOADS,
    ...DIAGNOSE,
    {
      apiGroups: [''],
      resources: ['pods/exec', 'pods/attach', 'pods/portforward'],
      verbs: CONNECT,
    },
    {
      // `kubectl debug --target`: a shell, so it goes with exec.
      apiGroups: [''],
      resources: ['pods/ephemeralcontainers'],
      verbs: ['get', 'update', 'patch'],
    },
    {
      apiGroups: [''],
      resources: ['secrets', 'serviceaccounts', 'persistentvolumeclaims'],
      verbs: WRITE,
    },
    { apiGroups: TRAFFIC_GROUPS, resources: TRAFFIC, verbs: WRITE },
    {
      apiGroups: ['rbac.authorization.k8s.io'],
      resources: ['roles', 'rolebindings'],
      verbs: WRITE,
    },
  ],
  'tenant-developer': [
    WORKLOADS,
    ...DIAGNOSE,
    // Port-forward reaches only what a pod already serves; exec and attach
    // would reach the secrets mounted in it, which developers do not read.
    { apiGroups: [''], resources: ['pods/portforward'], verbs: CONNECT },
    { apiGroups: TRAFFIC_GROUPS, resources: TRAFFIC, verbs: READ },
  ],
};

/** The rules of a tenant role, as rendered into each tenant namespace. */
export function tenantRoleRules(role: TenantRoleName): PolicyRule[] {
  return ROLE_RULES[role].map(r => ({
    ...r,
    apiGroups: [...(r.apiGroups ?? [])],
    resources: [...(r.resources ?? [])],
    verbs: [...r.verbs],
  }));
}
