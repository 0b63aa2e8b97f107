import { evaluateAccess, rbacPolicy } from '../rbac/evaluate';
import type { AccessAttributes } from '../rbac/types';
import {
  TENANT_ROLE_NAMES,
  tenantRoleRules,
  TenantRoleName,
} from '../tenancy/tenantRoles';

/**
 * Who can carry out a runbook step on a tenant's namespace: the least tenant
 * role that may, or `platform` when it touches nodes, other namespaces or
 * cluster-wide objects that tenants never get.
 *
 * @public
 */
export type RunbookStepRole = TenantRoleName | 'platform';

/**
 * A step of a runbook that tenants follow, and the API requests it makes in
 * the tenant's namespace (`kubectl describe pod` reads the Pod and lists
 * its events, for instance).
 *
 * @public
 */
export interface RunbookTenantStep {
  readonly section: 'checks' | 'fixes' | 'verify';
  /** The command as the page shows it, placeholders in angle brackets. */
  readonly command: string;
  readonly role: RunbookStepRole;
  /**
   * Without a namespace, a request is made in the tenant's namespace; ''
   * is the cluster scope; any other value is a namespace the tenant does
   * not own.
   */
  readonly requests: readonly AccessAttributes[];
}

const get = (resource: string, group = '') => ({
  verb: 'get',
  group,
  resource,
});
const list = (resource: string, group = '') => ({
  verb: 'list',
  group,
  resource,
});
const sub = (verb: string, resource: string, subresource: string) => ({
  verb,
  group: '',
  resource,
  subresource,
});
const write = (verb: string, resource: string, group = '') => ({
  verb,
  group,
  resource,
});
const EVENTS = list('events');
const describe = (resource: string, group = '') => [
  get(resource, group),
  EVENTS,
];
/** Cluster-scoped: nodes, cluster-wide stores and issuers, API services. */
const cluster = (resource: string, group = '') => ({
  verb: 'get',
  group,
  resource,
  namespace: '',
});
const NODES = cluster('nodes');

const step = (
  section: RunbookTenantStep['section'],
  command: string,
  role: RunbookStepRole,
  ...requests: RunbookTenantStep['requests'][number][]
): RunbookTenantStep => ({ section, command, role, requests });

/**
 * The steps of the runbooks tenants use, each with the role it needs. The
 * roles are stated for people and checked against the rendered tenant roles
 * by the runbooks' tests, so a change to either shows up there.
 *
 * @public
 */
export const RUNBOOK_TENANT_STEPS: Readonly<
  Record<string, readonly RunbookTenantStep[]>
> = {
  'pod-pending': [
    step(
      'checks',
      'kubectl get pods -n <namespace>',
      'tenant-developer',
      list('pods'),
    ),
    step(
      'checks',
      'kubectl describe pod <pod> -n <namespace>',
      'tenant-developer',
      ...describe('pods'),
    ),
    step(
      'checks',
      'kubectl get events -n <namespace>',
      'tenant-developer',
      EVENTS,
    ),
    step(
      'checks',
      'kubectl describe resourcequota -n <namespace>',
      'tenant-developer',
      ...describe('resourcequotas'),
    ),
    step(
      'checks',
      'kubectl describe pvc <claim> -n <namespace>',
      'tenant-developer',
      ...describe('persistentvolumeclaims'),
    ),
    step('checks', 'kubectl describe nodes <node>', 'platform', NODES),
  ],
  'workload-unavailable': [
    step(
      'checks',
      'kubectl describe deploy <deployment> -n <namespace>',
      'tenant-developer',
      ...describe('deployments', 'apps'),
      list('replicasets', 'apps'),
    ),
    step(
      'checks',
      'kubectl get events -n <namespace>',
      'tenant-developer',
      EVENTS,
    ),
    step(
      'fixes',
      'kubectl rollout undo deployment/<deployment> -n <namespace>',
      'tenant-developer',
      write('patch', 'deployments', 'apps'),
      list('replicasets', 'apps'),
    ),
  ],
  crashloopbackoff: [
    step(
      'checks',
      'kubectl logs <pod> -n <namespace> --previous',
      'tenant-developer',
      sub('get', 'pods', 'log'),
    ),
    step(
      'checks',
      'kubectl describe pod <pod> -n <namespace>',
      'tenant-developer',
      ...describe('pods'),
    ),
    step(
      'checks',
      'kubectl debug -it <pod> -n <namespace> --image=busybox:1.36 --target=<container>',
      'tenant-admin',
      sub('patch', 'pods', 'ephemeralcontainers'),
      sub('create', 'pods', 'attach'),
    ),
    step(
      'fixes',
      'kubectl rollout undo deployment/<deployment> -n <namespace>',
      'tenant-developer',
      write('patch', 'deployments', 'apps'),
    ),
  ],
  oomkilled: [
    step(
      'checks',
      'kubectl describe pod <pod> -n <namespace>',
      'tenant-developer',
      ...describe('pods'),
    ),
    step(
      'checks',
      'kubectl top pod <pod> -n <namespace> --containers',
      'tenant-developer',
      get('pods', 'metrics.k8s.io'),
    ),
    step(
      'fixes',
      'kubectl set resources deployment/<deployment> -n <namespace> ...',
      'tenant-developer',
      write('patch', 'deployments', 'apps'),
    ),
    step('checks', 'kubectl describe node <node>', 'platform', NODES),
  ],
  imagepullbackoff: [
    step(
      'checks',
      'kubectl describe pod <pod> -n <namespace>',
      'tenant-developer',
      ...describe('pods'),
    ),
    step(
      'checks',
      'kubectl get serviceaccount <sa> -n <namespace> -o yaml',
      'tenant-developer',
      get('serviceaccounts'),
    ),
    step(
      'fixes',
      'kubectl create secret docker-registry <name> -n <namespace> ...',
      'tenant-admin',
      write('create', 'secrets'),
    ),
    step(
      'fixes',
      'kubectl patch serviceaccount <sa> -n <namespace> ...',
      'tenant-admin',
      write('patch', 'serviceaccounts'),
    ),
    step(
      'checks',
      'kubectl debug node/<node> -it --image=busybox:1.36',
      'platform',
      NODES,
    ),
  ],
  'secret-not-found': [
    step(
      'checks',
      'kubectl describe pod <pod> -n <namespace>',
      'tenant-developer',
      ...describe('pods'),
    ),
    step(
      'checks',
      'kubectl get secret <secret> -n <namespace>',
      'tenant-admin',
      get('secrets'),
    ),
    step(
      'checks',
      'kubectl get externalsecret -n <namespace>',
      'tenant-developer',
      list('externalsecrets', 'external-secrets.io'),
    ),
    step(
      'fixes',
      'kubectl create secret generic <secret> -n <namespace> ...',
      'tenant-admin',
      write('create', 'secrets'),
    ),
    step(
      'fixes',
      'kubectl rollout restart deployment/<deployment> -n <namespace>',
      'tenant-developer',
      write('patch', 'deployments', 'apps'),
    ),
  ],
  'hpa-not-scaling': [
    step(
      'checks',
      'kubectl describe hpa <hpa> -n <namespace>',
      'tenant-developer',
      ...describe('horizontalpodautoscalers', 'autoscaling'),
    ),
    step(
      'checks',
      'kubectl top pods -n <namespace>',
      'tenant-developer',
      list('pods', 'metrics.k8s.io'),
    ),
    step(
      'checks',
      'kubectl get apiservice v1beta1.metrics.k8s.io',
      'platform',
      cluster('apiservices', 'apiregistration.k8s.io'),
    ),
  ],
  'service-without-endpoints': [
    step(
      'checks',
      'kubectl describe service <service> -n <namespace>',
      'tenant-developer',
      ...describe('services'),
    ),
    step(
      'checks',
      'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service>',
      'tenant-developer',
      list('endpointslices', 'discovery.k8s.io'),
    ),
    step(
      'verify',
      'kubectl run svc-test -n <namespace> --rm -it --image=busybox:1.36 -- ...',
      'tenant-admin',
      write('create', 'pods'),
      sub('create', 'pods', 'attach'),
    ),
  ],
  'ingress-502-503': [
    step(
      'checks',
      'kubectl describe ingress <ingress> -n <namespace>',
      'tenant-developer',
      ...describe('ingresses', 'networking.k8s.io'),
    ),
    step(
      'checks',
      'kubectl port-forward -n <namespace> service/<service> 8080:<port>',
      'tenant-developer',
      get('services'),
      list('pods'),
      sub('create', 'pods', 'portforward'),
    ),
    step(
      'fixes',
      'kubectl apply -f ingress.yaml -n <namespace>',
      'tenant-admin',
      write('patch', 'ingresses', 'networking.k8s.io'),
    ),
    step(
      'checks',
      'kubectl logs -n ingress-nginx <controller-pod>',
      'platform',
      { ...sub('get', 'pods', 'log'), namespace: 'ingress-nginx' },
    ),
  ],
  'mesh-503': [
    step(
      'checks',
      'kubectl logs <client-pod> -n <namespace> -c istio-proxy',
      'tenant-developer',
      sub('get', 'pods', 'log'),
    ),
    step(
      'checks',
      'kubectl exec <client-pod> -n <namespace> -c istio-proxy -- pilot-agent request GET stats',
      'tenant-admin',
      sub('create', 'pods', 'exec'),
    ),
    step(
      'checks',
      'kubectl get peerauthentication -n <namespace>',
      'platform',
      list('peerauthentications', 'security.istio.io'),
    ),
  ],
  'networkpolicy-blocking': [
    step(
      'checks',
      'kubectl get networkpolicy -n <namespace>',
      'tenant-developer',
      list('networkpolicies', 'networking.k8s.io'),
    ),
    step(
      'checks',
      'kubectl describe networkpolicy <policy> -n <namespace>',
      'tenant-developer',
      get('networkpolicies', 'networking.k8s.io'),
    ),
    step(
      'checks',
      'kubectl get namespace <namespace> --show-labels',
      'tenant-developer',
      { verb: 'get', group: '', resource: 'namespaces', name: '<namespace>' },
    ),
    step(
      'verify',
      'kubectl run np-test -n <namespace> --rm -it --image=busybox:1.36 -- ...',
      'tenant-admin',
      write('create', 'pods'),
      sub('create', 'pods', 'attach'),
    ),
    step(
      'fixes',
      'kubectl apply -f allow-<peer>.yaml -n <namespace>',
      'tenant-admin',
      write('create', 'networkpolicies', 'networking.k8s.io'),
    ),
  ],
  'rbac-denied': [
    step(
      'checks',
      'kubectl auth can-i <verb> <resource> -n <namespace>',
      'tenant-developer',
      {
        ...write('create', 'selfsubjectaccessreviews', 'authorization.k8s.io'),
        namespace: '',
      },
    ),
    step(
      'checks',
      'kubectl get rolebindings -n <namespace>',
      'tenant-developer',
      list('rolebindings', 'rbac.authorization.k8s.io'),
    ),
    step(
      'checks',
      'kubectl describe role <role> -n <namespace>',
      'tenant-developer',
      get('roles', 'rbac.authorization.k8s.io'),
    ),
    step(
      'fixes',
      'kubectl create rolebinding <name> -n <namespace> --role=<role> ...',
      'tenant-admin',
      write('create', 'rolebindings', 'rbac.authorization.k8s.io'),
    ),
  ],
  'external-secret-sync-failed': [
    step(
      'checks',
      'kubectl describe externalsecret <name> -n <namespace>',
      'tenant-developer',
      ...describe('externalsecrets', 'external-secrets.io'),
    ),
    step(
      'checks',
      'kubectl get secretstore -n <namespace>',
      'tenant-developer',
      list('secretstores', 'external-secrets.io'),
    ),
    step(
      'checks',
      'kubectl describe clustersecretstore <store>',
      'platform',
      cluster('clustersecretstores', 'external-secrets.io'),
    ),
    step(
      'fixes',
      'kubectl annotate externalsecret <name> -n <namespace> force-sync=...',
      'platform',
      write('patch', 'externalsecrets', 'external-secrets.io'),
    ),
  ],
  'certificate-challenge-failed': [
    step(
      'checks',
      'kubectl describe certificate <certificate> -n <namespace>',
      'tenant-developer',
      ...describe('certificates', 'cert-manager.io'),
    ),
    step(
      'checks',
      'kubectl describe challenge <challenge> -n <namespace>',
      'tenant-developer',
      ...describe('challenges', 'acme.cert-manager.io'),
    ),
    step(
      'checks',
      'kubectl describe clusterissuer <issuer>',
      'platform',
      cluster('clusterissuers', 'cert-manager.io'),
    ),
  ],
};

/**
 * The least tenant role allowed every request of a step in a tenant
 * namespace, by the rules the tenant render writes; `platform` if neither is.
 * `selfsubjectaccessreviews` is open to every authenticated user (the API
 * server's `system:basic-user`), so a step that only asks that needs the
 * least role.
 *
 * @public
 */
export function leastTenantRoleFor(
  requests: RunbookTenantStep['requests'],
): RunbookStepRole {
  const namespace = 'tenant-ns';
  const objects: unknown[] = TENANT_ROLE_NAMES.flatMap(name => [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name, namespace },
      rules: tenantRoleRules(name),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace },
      roleRef: { kind: 'Role', name },
      subjects: [{ kind: 'Group', name }],
    },
  ]);
  objects.push(
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'system:basic-user' },
      rules: [
        {
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
          verbs: ['create'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'system:basic-user' },
      roleRef: { kind: 'ClusterRole', name: 'system:basic-user' },
      subjects: [{ kind: 'Group', name: 'system:authenticated' }],
    },
  );
  const policy = rbacPolicy(objects);
  const leastFirst: TenantRoleName[] = ['tenant-developer', 'tenant-admin'];
  for (const role of leastFirst) {
    const user = { username: 'member', groups: [role, 'system:authenticated'] };
    const ok = requests.every(
      r =>
        evaluateAccess(policy, user, {
          ...r,
          namespace: r.namespace ?? namespace,
          name: r.name === '<namespace>' ? namespace : r.name,
        }).allowed,
    );
    if (ok) return role;
  }
  return 'platform';
}
