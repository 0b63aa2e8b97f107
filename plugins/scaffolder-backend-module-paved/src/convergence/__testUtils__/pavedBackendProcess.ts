/*
 * The child process of `pavedBackend.ts`: runs, one at a time, a real
 * Backstage test backend with the Kubernetes backend, Paved's backend
 * plugin, a catalog of the given entities and permissions that allow
 * everything. Plain Node (run with `--import tsx`), not Jest: the Kubernetes
 * backend loads `@kubernetes/client-node` (ESM only) with a dynamic
 * `import()`, which Jest's CommonJS runtime refuses without
 * --experimental-vm-modules.
 *
 * Protocol over the IPC channel: `{ id, op: 'start', entities, clusters }`
 * answers `{ id, port }` (stopping the backend before it, if any);
 * `{ id, op: 'stop' }` answers `{ id }`; a failure answers `{ id, error }`.
 * The process ends when the parent disconnects.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DEFAULT_ADMIN_TOKEN } from '@paved/kubernetes-api-test-double';
// A test reads the converged cluster through Paved's backend as it runs.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import pavedPlugin from '@paved/plugin-paved-backend';

export type BackendCommand =
  | {
      id: number;
      op: 'start';
      entities: Entity[];
      clusters: Array<{ name: string; url: string }>;
    }
  | { id: number; op: 'stop' };

export type BackendReply = { id: number; port?: number; error?: string };

type Running = Awaited<ReturnType<typeof startTestBackend>>;

function start(
  entities: Entity[],
  clusters: Array<{ name: string; url: string }>,
) {
  return startTestBackend({
    features: [
      kubernetesPlugin,
      pavedPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
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
          paved: {
            // Generous: the first proxy call loads @kubernetes/client-node.
            // No caching: every call reads the cluster afresh.
            health: { clusterTimeout: 30_000, cacheTtl: 0 },
            cost: { clusterTimeout: 30_000, cacheTtl: 0 },
          },
        },
      }),
    ],
  });
}

let running: Running | undefined;
// One command at a time, in order.
let queue: Promise<void> = Promise.resolve();

async function handle(cmd: BackendCommand): Promise<BackendReply> {
  try {
    await running?.stop();
    running = undefined;
    if (cmd.op === 'stop') return { id: cmd.id };
    running = await start(cmd.entities, cmd.clusters);
    return { id: cmd.id, port: running.server.port() };
  } catch (e) {
    return { id: cmd.id, error: (e as Error).stack ?? String(e) };
  }
}

process.on('message', (cmd: BackendCommand) => {
  queue = queue.then(async () => {
    process.send?.(await handle(cmd));
  });
});

process.on('disconnect', () => {
  queue.then(() => running?.stop()).finally(() => process.exit(0));
});
