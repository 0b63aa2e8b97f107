import { ResourceType, Subresource, NameRule, Verb } from './types';

/** Every verb a plain REST resource serves (built-ins and custom resources). */
export const ALL_VERBS: Verb[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const READ_ONLY: Verb[] = ['get', 'list'];

interface Extra {
  cluster?: boolean;
  shortNames?: string[];
  categories?: string[];
  sub?: Subresource[];
  verbs?: Verb[];
  name?: NameRule;
  plural?: string;
}

function res(
  groupVersion: string,
  kind: string,
  extra: Extra = {},
): ResourceType {
  const [group, version] = groupVersion.includes('/')
    ? groupVersion.split('/')
    : ['', groupVersion];
  const singular = kind.toLowerCase();
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural: extra.plural ?? `${singular}s`,
    singular,
    namespaced: !extra.cluster,
    verbs: extra.verbs ?? ALL_VERBS,
    shortNames: extra.shortNames,
    categories: extra.categories,
    subresources: extra.sub,
    nameRule: extra.name ?? 'dns1123Subdomain',
  };
}

const ALL = ['all'];
const RBAC_NAME: NameRule = 'pathSegment';

/**
 * The built-in catalogue, close to what a v1.30 kube-apiserver serves. Only
 * the subresources the double implements are listed, so discovery never
 * advertises something that would then 404.
 */
export const BUILTIN_RESOURCES: ResourceType[] = [
  res('v1', 'Namespace', {
    cluster: true,
    shortNames: ['ns'],
    sub: ['status'],
    name: 'dns1123Label',
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  res('v1', 'Node', { cluster: true, shortNames: ['no'], sub: ['status'] }),
  res('v1', 'Pod', {
    shortNames: ['po'],
    categories: ALL,
    sub: ['status', 'log'],
  }),
  res('v1', 'Service', {
    shortNames: ['svc'],
    categories: ALL,
    sub: ['status'],
    name: 'dns1035Label',
  }),
  res('v1', 'ConfigMap', { shortNames: ['cm'] }),
  res('v1', 'Secret'),
  res('v1', 'Event', { shortNames: ['ev'] }),
  res('v1', 'ResourceQuota', { shortNames: ['quota'], sub: ['status'] }),
  res('v1', 'LimitRange', { shortNames: ['limits'] }),
  res('v1', 'ServiceAccount', { shortNames: ['sa'] }),
  res('v1', 'PersistentVolumeClaim', { shortNames: ['pvc'], sub: ['status'] }),
  res('v1', 'PersistentVolume', {
    cluster: true,
    shortNames: ['pv'],
    sub: ['status'],
  }),
  res('v1', 'Endpoints', { plural: 'endpoints', shortNames: ['ep'] }),
  res('apps/v1', 'Deployment', {
    shortNames: ['deploy'],
    categories: ALL,
    sub: ['status', 'scale'],
  }),
  res('apps/v1', 'ReplicaSet', {
    shortNames: ['rs'],
    categories: ALL,
    sub: ['status', 'scale'],
  }),
  res('apps/v1', 'StatefulSet', {
    shortNames: ['sts'],
    categories: ALL,
    sub: ['status', 'scale'],
  }),
  res('apps/v1', 'DaemonSet', {
    shortNames: ['ds'],
    categories: ALL,
    sub: ['status'],
  }),
  res('batch/v1', 'Job', { categories: ALL, sub: ['status'] }),
  res('batch/v1', 'CronJob', {
    shortNames: ['cj'],
    categories: ALL,
    sub: ['status'],
  }),
  res('autoscaling/v2', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ALL,
    sub: ['status'],
  }),
  res('autoscaling/v1', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ALL,
    sub: ['status'],
  }),
  res('policy/v1', 'PodDisruptionBudget', {
    shortNames: ['pdb'],
    sub: ['status'],
  }),
  res('networking.k8s.io/v1', 'NetworkPolicy', {
    shortNames: ['netpol'],
    plural: 'networkpolicies',
  }),
  res('networking.k8s.io/v1', 'Ingress', {
    shortNames: ['ing'],
    sub: ['status'],
    plural: 'ingresses',
  }),
  res('rbac.authorization.k8s.io/v1', 'Role', { name: RBAC_NAME }),
  res('rbac.authorization.k8s.io/v1', 'RoleBinding', { name: RBAC_NAME }),
  res('rbac.authorization.k8s.io/v1', 'ClusterRole', {
    cluster: true,
    name: RBAC_NAME,
  }),
  res('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', {
    cluster: true,
    name: RBAC_NAME,
  }),
  res('events.k8s.io/v1', 'Event', { shortNames: ['ev'] }),
  // Access reviews are create-only and never stored: authorization/
  // accessReview.ts answers them before the registry is consulted, and
  // discovery lists them so that `kubectl auth can-i` finds the group.
  res('authorization.k8s.io/v1', 'SelfSubjectAccessReview', {
    cluster: true,
    verbs: ['create'],
  }),
  res('authorization.k8s.io/v1', 'SelfSubjectRulesReview', {
    cluster: true,
    verbs: ['create'],
  }),
  res('authorization.k8s.io/v1', 'SubjectAccessReview', {
    cluster: true,
    verbs: ['create'],
  }),
  // What tenant isolation references: the platform's PriorityClasses and
  // the gVisor RuntimeClass.
  res('scheduling.k8s.io/v1', 'PriorityClass', {
    cluster: true,
    shortNames: ['pc'],
    plural: 'priorityclasses',
  }),
  res('node.k8s.io/v1', 'RuntimeClass', {
    cluster: true,
    plural: 'runtimeclasses',
  }),
  res('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
    cluster: true,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    sub: ['status'],
  }),
  res('metrics.k8s.io/v1beta1', 'PodMetrics', {
    plural: 'pods',
    verbs: READ_ONLY,
  }),
  res('metrics.k8s.io/v1beta1', 'NodeMetrics', {
    cluster: true,
    plural: 'nodes',
    verbs: READ_ONLY,
  }),
].map(fixSingular);

// Metrics kinds reuse the plural of pods/nodes; their singular follows suit.
function fixSingular(rt: ResourceType): ResourceType {
  if (rt.group === 'metrics.k8s.io')
    return { ...rt, singular: rt.plural.slice(0, -1) };
  return rt;
}
