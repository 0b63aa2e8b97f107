import {
  DEFAULT_NODE_POOL_LABEL,
  DEFAULT_TENANT_TAINT_KEY,
  GVISOR_RUNTIME_CLASS,
  isolationIncludes,
  TENANT_LABEL,
  WORKLOAD_IDENTITY_FORMATS,
} from '@paved/plugin-paved-common';
import { stringify } from 'yaml';
import { MANAGED_BY } from '../labels';
import { KubeObject } from '../types';
import { TenantIsolationInput, TenantWorkloadIdentity } from './inputs';

/**
 * What the guardrails need to know of a tenant: enough to write its
 * policies, nothing of its quota or GitOps.
 */
export type GuardrailTenant = {
  name: string;
  namespaces: string[];
  groups: { admin: string; developer: string };
  isolation: TenantIsolationInput;
  /** Service accounts that act for the tenant (Flux's tenant-reconciler). */
  serviceAccounts: Array<{ name: string; namespace: string }>;
  priorityClass?: string;
  workloadIdentity?: TenantWorkloadIdentity & { serviceAccountName: string };
  labelsFor: (namespace: string) => Record<string, string>;
};

/** The kinds a tenant writes: each must carry the tenant label. */
export const TENANT_AUTHORED_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'Ingress',
  'NetworkPolicy',
  'Role',
  'RoleBinding',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'HTTPRoute',
  'GRPCRoute',
];

/** The guardrail policy's name in every tenant namespace. */
export const GUARDRAIL_POLICY = 'tenant-guardrails';

/** The node selector and toleration a dedicated pool asks of Pods. */
export function dedicatedPlacement(t: {
  name: string;
  isolation: TenantIsolationInput;
}):
  | {
      nodeSelector: Record<string, string>;
      toleration: {
        key: string;
        operator: 'Equal';
        value: string;
        effect: string;
      };
    }
  | undefined {
  const iso = t.isolation;
  if (!isolationIncludes(iso.level, 'dedicated-nodes') || !iso.nodePool)
    return undefined;
  const taint = iso.taint ?? {
    key: DEFAULT_TENANT_TAINT_KEY,
    value: t.name,
    effect: 'NoSchedule',
  };
  return {
    nodeSelector: {
      [iso.nodePool.label ?? DEFAULT_NODE_POOL_LABEL]: iso.nodePool.name,
    },
    toleration: {
      key: taint.key,
      operator: 'Equal',
      value: taint.value,
      effect: taint.effect,
    },
  };
}

const tenantSubjects = (t: GuardrailTenant) => [
  { kind: 'Group', name: t.groups.admin },
  { kind: 'Group', name: t.groups.developer },
  ...t.serviceAccounts.map(sa => ({ kind: 'ServiceAccount', ...sa })),
];

const kinds = (list: string[]) => ({ resources: { kinds: list } });

/**
 * The tenant's guardrails as one Kyverno Policy per tenant namespace (a
 * namespaced Policy only ever sees its own namespace, and goes with it).
 * Mutations fill in what the tenant may leave out (its label, the sandbox,
 * the node pool, the priority class); validations refuse what breaks
 * isolation whatever the mutations did.
 */
export function kyvernoGuardrails(t: GuardrailTenant): KubeObject[] {
  return t.namespaces.map(namespace => {
    const rules: Record<string, unknown>[] = [];
    const placement = dedicatedPlacement(t);
    const sandboxed = isolationIncludes(t.isolation.level, 'sandboxed');
    const podMutations: Record<string, unknown> = {
      ...(sandboxed ? { '+(runtimeClassName)': GVISOR_RUNTIME_CLASS } : {}),
      ...(t.priorityClass ? { '+(priorityClassName)': t.priorityClass } : {}),
      // Merged key by key, so the tenant's own selectors stay.
      ...(placement
        ? {
            nodeSelector: Object.fromEntries(
              Object.entries(placement.nodeSelector).map(([k, v]) => [
                `+(${k})`,
                v,
              ]),
            ),
          }
        : {}),
    };
    rules.push({
      name: 'add-tenant-label',
      match: { any: [kinds([...TENANT_AUTHORED_KINDS, 'Pod'])] },
      mutate: {
        patchStrategicMerge: {
          metadata: { labels: { [`+(${TENANT_LABEL})`]: t.name } },
        },
      },
    });
    if (Object.keys(podMutations).length > 0) {
      rules.push({
        name: 'place-tenant-pods',
        match: { any: [kinds(['Pod'])] },
        mutate: { patchStrategicMerge: { spec: podMutations } },
      });
    }
    if (placement) {
      // Tolerations have no merge key: a strategic merge would replace the
      // list. The API server's DefaultTolerationSeconds has already added
      // its two by the time webhooks run, so the list exists to append to.
      rules.push({
        name: 'tolerate-tenant-pool',
        match: { any: [kinds(['Pod'])] },
        mutate: {
          patchesJson6902: stringify([
            {
              op: 'add',
              path: '/spec/tolerations/-',
              value: placement.toleration,
            },
          ]),
        },
      });
    }
    const wi = t.workloadIdentity;
    const wiLabels = wi ? WORKLOAD_IDENTITY_FORMATS[wi.provider].podLabels : {};
    if (wi && Object.keys(wiLabels).length > 0) {
      rules.push({
        name: 'label-workload-identity-pods',
        match: { any: [kinds(['Pod'])] },
        preconditions: {
          all: [
            {
              key: "{{ request.object.spec.serviceAccountName || '' }}",
              operator: 'Equals',
              value: wi.serviceAccountName,
            },
          ],
        },
        mutate: {
          patchStrategicMerge: {
            metadata: {
              labels: Object.fromEntries(
                Object.entries(wiLabels).map(([k, v]) => [`+(${k})`, v]),
              ),
            },
          },
        },
      });
    }
    rules.push({
      name: 'require-tenant-label',
      match: { any: [kinds([...TENANT_AUTHORED_KINDS, 'Pod'])] },
      validate: {
        message: `Every object in ${namespace} carries the label ${TENANT_LABEL}=${t.name}.`,
        pattern: { metadata: { labels: { [TENANT_LABEL]: t.name } } },
      },
    });
    rules.push({
      name: 'require-name-prefix',
      match: {
        any: [
          {
            ...kinds(TENANT_AUTHORED_KINDS),
            subjects: tenantSubjects(t),
          },
        ],
      },
      validate: {
        message: `Names of what tenant ${t.name} creates start with "${t.name}-".`,
        pattern: { metadata: { name: `${t.name}-*` } },
      },
    });
    rules.push({
      name: 'protect-platform-objects',
      match: {
        any: [
          {
            resources: {
              kinds: [...TENANT_AUTHORED_KINDS, 'ResourceQuota', 'LimitRange'],
              operations: ['CREATE', 'UPDATE', 'DELETE'],
            },
            subjects: tenantSubjects(t),
          },
        ],
      },
      validate: {
        message:
          'Objects the platform manages (app.kubernetes.io/managed-by: paved-scaffolder) change through the tenant onboarding, not by hand.',
        // Every managed object "violates" this rule already; without this
        // Kyverno would let updates through as pre-existing violations.
        allowExistingViolations: false,
        deny: {
          conditions: {
            any: [
              {
                key: `{{ request.object.metadata.labels."app.kubernetes.io/managed-by" || '' }}`,
                operator: 'Equals',
                value: MANAGED_BY,
              },
              {
                key: `{{ request.oldObject.metadata.labels."app.kubernetes.io/managed-by" || '' }}`,
                operator: 'Equals',
                value: MANAGED_BY,
              },
            ],
          },
        },
      },
    });
    rules.push(
      {
        name: 'no-cross-namespace-rolebinding-subjects',
        match: { any: [kinds(['RoleBinding'])] },
        validate: {
          message: `RoleBindings in ${namespace} bind service accounts of tenant ${t.name} only.`,
          pattern: {
            '=(subjects)': [
              { '(kind)': 'ServiceAccount', namespace: `${t.name}-*` },
            ],
          },
        },
      },
      {
        name: 'no-external-name-services',
        match: { any: [kinds(['Service'])] },
        validate: {
          message:
            'Services of type ExternalName can point at another namespace; use allowed egress for outside hosts.',
          pattern: { spec: { '=(type)': '!ExternalName' } },
        },
      },
      {
        name: 'no-cross-namespace-route-backends',
        match: { any: [kinds(['HTTPRoute', 'GRPCRoute'])] },
        validate: {
          message: `Route backends are Services in ${namespace}.`,
          pattern: {
            spec: {
              '=(rules)': [
                { '=(backendRefs)': [{ '=(namespace)': namespace }] },
              ],
            },
          },
        },
      },
      {
        name: 'no-cross-namespace-volume-sources',
        match: { any: [kinds(['PersistentVolumeClaim'])] },
        validate: {
          message: `Volumes are populated from ${namespace} only.`,
          pattern: { spec: { '=(dataSourceRef)': { 'X(namespace)': 'null' } } },
        },
      },
      {
        name: 'no-wildcard-tolerations',
        match: { any: [kinds(['Pod'])] },
        validate: {
          message: `Pods of tenant ${t.name} name the taint they tolerate; a toleration without a key tolerates every node pool.`,
          pattern: { spec: { '=(tolerations)': [{ key: '?*' }] } },
        },
      },
      {
        name: 'no-foreign-node-pools',
        match: { any: [kinds(['Pod'])] },
        validate: {
          message: `Pods of tenant ${t.name} tolerate no other tenant's node pool.`,
          pattern: {
            spec: {
              '=(tolerations)': [
                { '(key)': DEFAULT_TENANT_TAINT_KEY, value: t.name },
              ],
            },
          },
        },
      },
    );
    if (sandboxed) {
      rules.push({
        name: 'require-gvisor',
        match: { any: [kinds(['Pod'])] },
        validate: {
          message: `Pods of tenant ${t.name} run in the gVisor sandbox (runtimeClassName: ${GVISOR_RUNTIME_CLASS}).`,
          pattern: { spec: { runtimeClassName: GVISOR_RUNTIME_CLASS } },
        },
      });
    }
    if (placement) {
      rules.push({
        name: 'require-dedicated-pool',
        match: { any: [kinds(['Pod'])] },
        validate: {
          message: `Pods of tenant ${
            t.name
          } run on its node pool (${Object.entries(placement.nodeSelector)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}).`,
          pattern: { spec: { nodeSelector: placement.nodeSelector } },
        },
      });
    }
    return {
      apiVersion: 'kyverno.io/v1',
      kind: 'Policy',
      metadata: {
        name: GUARDRAIL_POLICY,
        namespace,
        labels: t.labelsFor(namespace),
        annotations: {
          // Rules are written for Pods; controllers get them through the
          // Pods they create, so no auto-generated template rules.
          'pod-policies.kyverno.io/autogen-controllers': 'none',
          'policies.kyverno.io/description': `Tenant ${t.name}'s guardrails: its label on everything, its name prefix, no references to other namespaces, and its isolation tier (${t.isolation.level}).`,
        },
      },
      spec: {
        validationFailureAction: 'Enforce',
        background: false,
        rules,
      },
    };
  });
}
