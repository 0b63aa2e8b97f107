import {
  outputSpecForTier,
  TENANT_LABEL,
  TENANT_PRIORITY_CLASSES,
  TIER_NUMBERS,
  TierNumber,
} from '@paved/plugin-paved-common';
import { MANAGED_BY } from '../labels';
import { COUNTED_OBJECTS, KubeObject } from '../types';

/**
 * "A single tenant claim": the Tenant XRD and its Composition, which the
 * cluster baseline ships where Crossplane runs, and the claim the tenant
 * action writes instead of the manifests (`delivery: claim`).
 *
 * The Composition composes, per environment, the objects the manifests
 * delivery renders for a tenant of the supported shape (namespace, quota,
 * limit range, PriorityClass quota, network policies, roles and bindings,
 * PodMonitor, guardrail Policy), each as a provider-kubernetes Object. Its
 * go-template is generated from the same renderer (`renderTenant`) with
 * placeholder values, so the two deliveries cannot drift; a test evaluates
 * the template for a claim and compares the result with the manifests.
 * Inputs the template cannot express are refused for `delivery: claim`
 * (CLAIM_UNSUPPORTED).
 */

export const TENANT_XRD_GROUP = 'platform.paved.dev';
export const TENANT_XRD_VERSION = 'v1alpha1';
export const TENANT_CLAIM_API_VERSION = `${TENANT_XRD_GROUP}/${TENANT_XRD_VERSION}`;
export const TENANT_CLAIM_KIND = 'Tenant';
export const TENANT_XR_KIND = 'XTenant';
export const TENANT_XRD_NAME = `xtenants.${TENANT_XRD_GROUP}`;
/** Where Tenant claims live: a platform namespace, not the tenant's own. */
export const TENANT_CLAIM_NAMESPACE = 'paved-tenants';
/** The provider-kubernetes ProviderConfig the composed Objects use. */
export const KUBERNETES_PROVIDER_CONFIG = 'default';

/** Tiers whose baseline installs Crossplane, from paved-common's output spec. */
export const CROSSPLANE_TIERS: readonly TierNumber[] = TIER_NUMBERS.filter(t =>
  outputSpecForTier(t).some(i => i.id === 'crossplane'),
);
export const tierHasCrossplane = (tier: TierNumber) =>
  CROSSPLANE_TIERS.includes(tier);

const blank = (v: unknown) =>
  v === undefined || v === null || v === '' || v === false;
const nonEmpty = (v: unknown) => {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length > 0;
  return !blank(v);
};

/** Inputs the Tenant Composition does not compose, with why. */
export const CLAIM_UNSUPPORTED: Array<{
  field: string;
  given: (input: Record<string, any>) => boolean;
  why: string;
}> = [
  {
    field: 'isolation.level',
    given: i => !blank(i.isolation?.level) && i.isolation.level !== 'namespace',
    why: 'the claim composes isolation tier namespace only; deliver the manifests for gVisor, node pools or vCluster',
  },
  {
    field: 'workloadIdentity',
    given: i =>
      !blank(i.workloadIdentity?.provider) &&
      i.workloadIdentity.provider !== 'none',
    why: 'workload identity ServiceAccounts are not composed; deliver the manifests',
  },
  {
    field: 'allowedEgress',
    given: i => nonEmpty(i.allowedEgress),
    why: 'egress beyond the tenant and DNS is not composed; deliver the manifests',
  },
  {
    field: 'claims',
    given: i => nonEmpty(i.claims),
    why: "the tenant's own Crossplane claims are not composed; add them after onboarding",
  },
  {
    field: 'gitops',
    given: i => !blank(i.gitops) && i.gitops !== 'none',
    why: 'the GitOps project and applications live in the GitOps namespaces and are not composed; use gitops none (the claim itself can go through GitOps)',
  },
  {
    field: 'observability',
    given: i =>
      typeof i.observability === 'object' &&
      i.observability !== null &&
      Object.values(i.observability).some(
        v =>
          v === true ||
          (typeof v === 'object' &&
            v !== null &&
            !blank((v as any).receiver?.type) &&
            (v as any).receiver.type !== 'none'),
      ),
    why: 'per-tenant observability is not composed yet; deliver the manifests',
  },
];

/** What a Tenant claim carries: the tenant's input of the supported shape. */
export type TenantClaimSpec = {
  tenant: string;
  team: string;
  project: string;
  costCenter: string;
  tier: TierNumber;
  environments: string[];
  quota: {
    cpu: string;
    memory: string;
    pods: number;
    storage?: string;
    objects?: Partial<Record<(typeof COUNTED_OBJECTS)[number], number>>;
  };
  defaults: {
    cpuRequest: string;
    cpuLimit: string;
    memoryRequest: string;
    memoryLimit: string;
  };
  groups: { admin: string; developer: string };
  priorityClass?: string;
  guardrails: boolean;
};

/** The one object `delivery: claim` writes. */
export function tenantClaim(spec: TenantClaimSpec): KubeObject {
  return {
    apiVersion: TENANT_CLAIM_API_VERSION,
    kind: TENANT_CLAIM_KIND,
    metadata: {
      name: spec.tenant,
      namespace: TENANT_CLAIM_NAMESPACE,
      labels: {
        'app.kubernetes.io/managed-by': MANAGED_BY,
        [TENANT_LABEL]: spec.tenant,
      },
    },
    spec: {
      ...spec,
      ...(spec.priorityClass ? {} : { priorityClass: '' }),
      compositionRef: { name: TENANT_XRD_NAME },
    },
  };
}

const str = (extra: Record<string, unknown> = {}) => ({
  type: 'string',
  ...extra,
});
/** No quotes or backslashes: the values go into the template's JSON strings. */
const PLAIN = '^[^\\s"\\\\{}]+$';
const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const QUANTITY = '^[0-9]+(\\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$';

/** The Tenant XRD: a claim per tenant, cluster-scoped XTenant behind it. */
export function tenantXrd(labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'CompositeResourceDefinition',
    metadata: { name: TENANT_XRD_NAME, labels },
    spec: {
      group: TENANT_XRD_GROUP,
      names: { kind: TENANT_XR_KIND, plural: 'xtenants' },
      claimNames: { kind: TENANT_CLAIM_KIND, plural: 'tenants' },
      defaultCompositionRef: { name: TENANT_XRD_NAME },
      defaultCompositeDeletePolicy: 'Foreground',
      versions: [
        {
          name: TENANT_XRD_VERSION,
          served: true,
          referenceable: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: [
                    'tenant',
                    'team',
                    'project',
                    'costCenter',
                    'environments',
                    'quota',
                    'defaults',
                    'groups',
                  ],
                  properties: {
                    tenant: str({ pattern: DNS_LABEL, maxLength: 40 }),
                    team: str({ pattern: DNS_LABEL, maxLength: 63 }),
                    project: str({ pattern: PLAIN, maxLength: 63 }),
                    costCenter: str({ pattern: PLAIN, maxLength: 63 }),
                    tier: { type: 'integer', minimum: 1, maximum: 5 },
                    environments: {
                      type: 'array',
                      minItems: 1,
                      items: str({ pattern: DNS_LABEL, maxLength: 20 }),
                    },
                    quota: {
                      type: 'object',
                      required: ['cpu', 'memory', 'pods'],
                      properties: {
                        cpu: str({ pattern: QUANTITY }),
                        memory: str({ pattern: QUANTITY }),
                        pods: { type: 'integer', minimum: 1 },
                        storage: str({ pattern: QUANTITY }),
                        objects: {
                          type: 'object',
                          properties: Object.fromEntries(
                            COUNTED_OBJECTS.map(r => [
                              r,
                              { type: 'integer', minimum: 0 },
                            ]),
                          ),
                        },
                      },
                    },
                    defaults: {
                      type: 'object',
                      required: [
                        'cpuRequest',
                        'cpuLimit',
                        'memoryRequest',
                        'memoryLimit',
                      ],
                      properties: Object.fromEntries(
                        [
                          'cpuRequest',
                          'cpuLimit',
                          'memoryRequest',
                          'memoryLimit',
                        ].map(k => [k, str({ pattern: QUANTITY })]),
                      ),
                    },
                    groups: {
                      type: 'object',
                      required: ['admin', 'developer'],
                      properties: {
                        admin: str({ pattern: PLAIN, maxLength: 253 }),
                        developer: str({ pattern: PLAIN, maxLength: 253 }),
                      },
                    },
                    priorityClass: str({
                      enum: ['', ...TENANT_PRIORITY_CLASSES.map(c => c.name)],
                      default: '',
                    }),
                    guardrails: { type: 'boolean', default: true },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
}
