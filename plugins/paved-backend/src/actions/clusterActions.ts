import { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  COST_WINDOWS,
  pavedConformanceReadPermission,
  pavedCostReadPermission,
  pavedCrossplaneReadPermission,
  pavedHealthReadPermission,
} from '@paved/plugin-paved-common';
import { ConformanceService } from '../service/conformance/ConformanceService';
import { CostService } from '../service/cost/CostService';
import { crossplaneAccess } from '../service/crossplane/access';
import { CrossplaneService } from '../service/crossplane/CrossplaneService';
import { HealthService } from '../service/health/HealthService';
import {
  ALL_FEATURES_ON,
  FeatureSwitches,
  SwitchableFeature,
} from '../features';
import { authorizeAction } from './asUser';
import {
  asOutput,
  clusterResultSchema,
  entityRefSchema,
  problemSchema,
  READ_ONLY,
  Zod,
} from './schemas';

/** The services the cards' routes call; the actions call the same methods. */
export interface ClusterActionServices {
  permissions: PermissionsService;
  health: HealthService;
  conformance: ConformanceService;
  cost: CostService;
  crossplane: CrossplaneService;
  /** `paved.features`: a switched-off feature's actions are not registered. Default all on. */
  features?: FeatureSwitches;
}

const entityInput = (z: Zod) =>
  z.object({
    entityRef: entityRefSchema(
      z,
      'The catalog entity, as kind:namespace/name (e.g. component:default/payments-api)',
    ),
  });

const compoundRef = (entityRef: string) =>
  parseEntityRef(entityRef, { defaultNamespace: 'default' });

/** The ref a route's permission check is made on: the entity, normalised. */
const resourceRefOf = (entityRef: string) =>
  stringifyEntityRef(compoundRef(entityRef));

/**
 * The cost windows an action offers: the card's, less `custom`, whose
 * bounds the cost route does not take either.
 */
const ACTION_COST_WINDOWS = COST_WINDOWS.filter(w => w !== 'custom') as [
  string,
  ...string[],
];

/**
 * Component health, cluster health, conformance, cost and Crossplane claims:
 * each as its card's route gives it, for the calling user, with the route's
 * permission on the same resource.
 */
export function registerClusterActions(
  registry: ActionsRegistryService,
  services: ClusterActionServices,
): void {
  const { permissions, health, conformance, cost, crossplane } = services;
  const on = services.features ?? ALL_FEATURES_ON;
  // A switched-off feature's actions are registered nowhere.
  const skip: ActionsRegistryService = { register() {} };
  const when = (feature: SwitchableFeature) => (on[feature] ? registry : skip);

  when('health').register({
    name: 'get-component-health',
    title: 'Component health',
    description:
      "A component's health in every cluster it runs in, as Paved's health card shows it: availability against target, workloads, Pods by phase and restarts, and problems (crash loops, OOM kills, pending Pods, failed probes) with a runbook link each. A cluster that could not answer says why in its own entry. Needs paved.health.read on the entity.",
    attributes: READ_ONLY,
    schema: {
      input: entityInput,
      output: z =>
        z
          .object({
            entityRef: z.string(),
            labelSelector: z.string(),
            namespace: z.string().optional(),
            clusters: z.array(
              clusterResultSchema(
                z,
                z
                  .object({
                    availability: z.object({}).passthrough(),
                    problems: z.array(problemSchema(z)),
                  })
                  .passthrough(),
              ),
            ),
          })
          .passthrough(),
    },
    examples: [
      {
        title: 'Health of payments-api',
        input: { entityRef: 'component:default/payments-api' },
      },
    ],
    action: async ({ input, credentials }) => {
      const request = await authorizeAction(
        permissions,
        credentials,
        pavedHealthReadPermission,
        resourceRefOf(input.entityRef),
      );
      return {
        output: asOutput(
          await health.componentHealth(compoundRef(input.entityRef), request),
        ),
      };
    },
  });

  when('health').register({
    name: 'get-cluster-health',
    title: 'Cluster health',
    description:
      "A cluster's health as Paved's cluster card shows it: control plane version, nodes (ready, pressure, cordoned), capacity, Pods by phase, grouped warning events and problems with runbook links. The cluster is named as in the Kubernetes backend's config. Needs paved.health.read on the cluster's Resource (resource:default/<cluster>).",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          cluster: z
            .string()
            .min(1)
            .max(253)
            .describe(
              "The cluster's name in the Kubernetes backend's config, e.g. paved-local",
            ),
        }),
      output: z =>
        z.object({
          cluster: clusterResultSchema(
            z,
            z
              .object({
                nodes: z.object({}).passthrough(),
                problems: z.array(problemSchema(z)),
              })
              .passthrough(),
          ),
        }),
    },
    examples: [
      { title: 'The local cluster', input: { cluster: 'paved-local' } },
    ],
    action: async ({ input, credentials }) => {
      const request = await authorizeAction(
        permissions,
        credentials,
        pavedHealthReadPermission,
        stringifyEntityRef({
          kind: 'Resource',
          namespace: 'default',
          name: input.cluster,
        }),
      );
      return {
        output: asOutput(await health.clusterHealth(input.cluster, request)),
      };
    },
  });

  when('conformance').register({
    name: 'get-conformance',
    title: 'Tier conformance',
    description:
      "How a tenant or cluster entity conforms to its Paved tier, per cluster, as the conformance card shows it: a score, and every rule with the objects failing it. The entity's tier comes from its paved.dev/tier annotation. Needs paved.conformance.read on the entity.",
    attributes: READ_ONLY,
    schema: {
      input: entityInput,
      output: z =>
        z
          .object({
            entityRef: z.string(),
            tier: z.number(),
            scope: z.enum(['tenant', 'cluster']),
            namespaces: z.array(z.string()).optional(),
            clusters: z.array(
              clusterResultSchema(
                z,
                z
                  .object({
                    score: z.number().nullable(),
                    checks: z.number(),
                    passed: z.number(),
                    failed: z.number(),
                    rules: z.array(z.object({}).passthrough()),
                  })
                  .passthrough(),
              ),
            ),
          })
          .passthrough(),
    },
    examples: [
      {
        title: "The payments tenant's conformance",
        input: { entityRef: 'resource:default/tenant-payments' },
      },
    ],
    action: async ({ input, credentials }) => {
      const request = await authorizeAction(
        permissions,
        credentials,
        pavedConformanceReadPermission,
        resourceRefOf(input.entityRef),
      );
      return {
        output: asOutput(
          await conformance.entityConformance(
            compoundRef(input.entityRef),
            request,
          ),
        ),
      };
    },
  });

  when('cost').register({
    name: 'get-entity-cost',
    title: 'Cost of an entity',
    description:
      "What a component, system or tenant costs over a window, from OpenCost in each cluster, as Paved's cost card shows it: total, per-cluster figures, efficiency, workloads and right-sizing advice; a tenant also gets its month against its budget. A cluster without OpenCost says so in its own entry. Needs paved.cost.read on the entity.",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefSchema(
            z,
            'The catalog entity, as kind:namespace/name (e.g. component:default/payments-api)',
          ),
          window: z
            .enum(ACTION_COST_WINDOWS)
            .optional()
            .describe('The window; month to date (mtd) when not given'),
          tz: z
            .string()
            .min(1)
            .optional()
            .describe(
              'IANA time zone the window is cut in; UTC when not given',
            ),
        }),
      output: z =>
        z
          .object({
            entityRef: z.string().optional(),
            scope: z.object({ type: z.string() }).passthrough(),
            window: z.object({}).passthrough(),
            currency: z.string(),
            clusters: z.array(
              z
                .object({
                  cluster: z.string(),
                  ok: z.boolean(),
                  summary: z.object({}).passthrough().optional(),
                  error: z
                    .object({ message: z.string(), problem: z.string() })
                    .passthrough()
                    .optional(),
                })
                .passthrough(),
            ),
            total: z.object({}).passthrough().nullable(),
            complete: z.boolean(),
            budget: z.object({}).passthrough().optional(),
          })
          .passthrough(),
    },
    examples: [
      {
        title: 'payments-api over the last 7 days',
        input: {
          entityRef: 'component:default/payments-api',
          window: 'last7d',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const request = await authorizeAction(
        permissions,
        credentials,
        pavedCostReadPermission,
        resourceRefOf(input.entityRef),
      );
      return {
        output: asOutput(
          await cost.entityCost(
            compoundRef(input.entityRef),
            { window: input.window, tz: input.tz },
            request,
          ),
        ),
      };
    },
  });

  when('crossplane').register({
    name: 'get-crossplane-claims',
    title: 'Crossplane claim tree',
    description:
      "The Crossplane claims an entity owns, per cluster, as Paved's Crossplane card shows them: each claim with its composite resource, composed resources, Synced/Ready conditions, the first thing not ready and a runbook link. Connection secrets are named, never read. Needs paved.crossplane.read on the entity; each object's redacted YAML and its events are included only with paved.crossplane.yaml.read and paved.crossplane.events.read.",
    attributes: READ_ONLY,
    schema: {
      input: entityInput,
      output: z =>
        z
          .object({
            entityRef: z.string(),
            claimReferences: z.array(z.string()),
            access: z
              .object({ yaml: z.boolean(), events: z.boolean() })
              .optional()
              .describe(
                'Whether YAML and events are included: each needs its own permission',
              ),
            labelSelector: z.string(),
            invalidReferences: z.array(
              z.object({ entry: z.string(), message: z.string() }),
            ),
            clusters: z.array(
              clusterResultSchema(
                z,
                z
                  .object({
                    claims: z.array(z.object({}).passthrough()),
                    problems: z.array(
                      z
                        .object({ subject: z.string(), message: z.string() })
                        .passthrough(),
                    ),
                  })
                  .passthrough(),
              ),
            ),
          })
          .passthrough(),
    },
    examples: [
      {
        title: "ledger-worker's claims",
        input: { entityRef: 'component:default/ledger-worker' },
      },
    ],
    action: async ({ input, credentials }) => {
      const resourceRef = resourceRefOf(input.entityRef);
      const request = await authorizeAction(
        permissions,
        credentials,
        pavedCrossplaneReadPermission,
        resourceRef,
      );
      // As on the route: YAML and events only with their own permissions.
      const access = await crossplaneAccess(
        permissions,
        request.credentials,
        resourceRef,
      );
      return {
        output: asOutput(
          await crossplane.entityClaims(
            compoundRef(input.entityRef),
            request,
            access,
          ),
        ),
      };
    },
  });
}
