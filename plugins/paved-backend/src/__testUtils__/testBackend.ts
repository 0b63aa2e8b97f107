import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { DEFAULT_ADMIN_TOKEN } from '@paved/kubernetes-api-test-double';
import { pavedPlugin } from '../plugin';

/** Decides by permission name and, for user callers, by who is asking. */
export type Deciding = (
  permissionName: string,
  userEntityRef?: string,
) => PolicyDecision['result'];

const userOf = (options: any): string | undefined =>
  options?.credentials?.principal?.userEntityRef;

const isService = (options: any) =>
  options?.credentials?.principal?.type === 'service';

/**
 * A permissions service deciding by permission name, like a simple policy.
 * Like Backstage's own client it allows service principals outright (a
 * plugin calling another plugin is not a person asking), so Paved's reads
 * through the Kubernetes proxy with its own identity pass as they would.
 */
const permissionsDecidedBy = (decide: Deciding) =>
  createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => ({
      authorize: async (requests: any[], options?: any) =>
        requests.map(r => ({
          result: isService(options)
            ? AuthorizeResult.ALLOW
            : (decide(r.permission.name, userOf(options)) as any),
        })),
      authorizeConditional: async (requests: any[], options?: any) =>
        requests.map(r => ({
          result: isService(options)
            ? AuthorizeResult.ALLOW
            : (decide(r.permission.name, userOf(options)) as any),
        })),
    }),
  });

/** The real Kubernetes backend with the doubles as `config` clusters, and Paved. */
export async function startPavedTestBackend(
  entities: Entity[],
  clusters: { name: string; url: string; [key: string]: unknown }[],
  extra: {
    permissions?: AuthorizeResult.ALLOW | AuthorizeResult.DENY | Deciding;
    clusterTimeoutMs?: number;
    /**
     * Extra `paved.health` config (inspectPods); its cluster-read keys
     * (clusterTimeout, cacheTtl, pageSize) go to `paved.clusterAccess`.
     */
    health?: { [key: string]: any };
    /** `paved.cost` config (OpenCost base URLs, timeout, currency). */
    cost?: { [key: string]: any };
    /**
     * Any other `paved` config (features, evidence, costAlerts), passed
     * through; `clusters`, `health` and `cost` come from the options above.
     */
    paved?: { [key: string]: any };
    /** More service factories or features, e.g. a scheduler mock. */
    services?: Parameters<typeof startTestBackend>[0]['features'];
  } = {},
) {
  const {
    clusterTimeout,
    cacheTtl,
    pageSize,
    ...health
  }: { [key: string]: any } = extra.health ?? {};
  const moved = Object.fromEntries(
    Object.entries({ clusterTimeout, cacheTtl, pageSize }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return startTestBackend({
    features: [
      kubernetesPlugin,
      pavedPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: clusters.map(c => ({
                  authProvider: 'serviceAccount',
                  serviceAccountToken: DEFAULT_ADMIN_TOKEN,
                  // @kubernetes/client-node refuses plain http without it.
                  skipTLSVerify: true,
                  ...c,
                })),
              },
            ],
          },
          // Generous by default: the first proxy call loads @kubernetes/client-node.
          paved: {
            ...extra.paved,
            clusterAccess: {
              clusterTimeout: extra.clusterTimeoutMs ?? 30_000,
              // Tests that shorten the timeout measure every call afresh.
              ...(extra.clusterTimeoutMs ? { cacheTtl: 0 } : {}),
              ...moved,
            },
            health,
            // Off unless a test asks: route tests measure every call afresh.
            cost: { cacheTtl: 0, ...extra.cost },
          },
        },
      }),
      ...(typeof extra.permissions === 'function'
        ? [permissionsDecidedBy(extra.permissions)]
        : []),
      ...(typeof extra.permissions === 'string'
        ? [mockServices.permissions.factory({ result: extra.permissions })]
        : []),
      ...(extra.services ?? []),
    ],
  });
}
