import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { resolveCluster } from '../clusters/configuredClusters';
import { renderTenant } from '../render/tenant';
import { objectRef } from '../day2/diff';
import { WorkloadsRunningError } from '../day2/errors';
import { loadTenant, manifestObjects } from '../day2/loadTenant';
import { deletionOrder, runningPods } from '../day2/offboard';
import { TenantCatalog, tenantEntityName } from '../day2/tenantCatalog';
import { TenantCluster } from '../day2/tenantCluster';

export const TENANT_OFFBOARD_ID = 'paved:tenant:offboard';

export function createTenantOffboardAction(options: {
  config: Config;
  catalog: TenantCatalog;
}) {
  return createTemplateAction({
    id: TENANT_OFFBOARD_ID,
    description:
      "Offboards a tenant: lists the objects its onboarding rendered that exist in the cluster, refuses while Pods still run in its namespaces (unless force), deletes those objects (namespaces last, which takes everything in them) and removes the tenant's entity from the catalog. The user needs catalog.entity.delete on the entity.",
    supportsDryRun: true,
    examples: [
      {
        description: 'Offboard the payments tenant',
        example: `steps:
  - id: offboard
    action: paved:tenant:offboard
    input:
      name: payments
      cluster: paved-local`,
      },
    ],
    schema: {
      input: {
        name: z => z.string().describe('The tenant to offboard'),
        cluster: z =>
          z
            .string()
            .describe(
              'The cluster the tenant lives on, from kubernetes.clusterLocatorMethods',
            ),
        force: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Delete even while Pods still run in the tenant namespaces',
            ),
        dryRun: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Only show what would be deleted (as the scaffolder dry run does)',
            ),
      },
      output: {
        deleted: z =>
          z
            .array(z.string())
            .describe(
              'Objects deleted, or that a dry run would delete, in order',
            ),
        entityRef: z => z.string(),
        unregistered: z =>
          z
            .enum(['deleted', 'absent', 'dry-run'])
            .describe('What became of the tenant entity in the catalog'),
      },
    },
    async handler(ctx) {
      const cluster = resolveCluster(options.config, ctx.input.cluster);
      const kube = new TenantCluster(cluster);
      const credentials = await ctx.getInitiatorCredentials();
      const tenant = await loadTenant({
        tenant: ctx.input.name,
        cluster: kube,
        catalog: options.catalog,
        credentials,
      });
      const entityRef = `resource:default/${tenantEntityName(
        tenant.input.name,
      )}`;
      ctx.output('entityRef', entityRef);
      const existing = [];
      for (const o of manifestObjects(renderTenant(tenant.input))) {
        if (await kube.exists(o)) existing.push(o);
      }
      const plan = deletionOrder(existing);
      const namespaces = plan
        .filter(o => o.kind === 'Namespace')
        .map(o => o.metadata.name);
      const running = runningPods(await kube.pods(namespaces));
      if (running.length && ctx.input.force !== true) {
        throw new WorkloadsRunningError(running);
      }
      const dryRun = ctx.isDryRun || ctx.input.dryRun === true;
      ctx.logger.info(
        `Tenant ${tenant.input.name}: ${plan.length} objects ${
          dryRun ? 'would be' : 'are'
        } deleted, namespaces last (with everything in them)${
          running.length ? `; ${running.length} Pods still run (force)` : ''
        }`,
      );
      if (dryRun) {
        for (const o of plan) ctx.logger.info(`would delete ${objectRef(o)}`);
        ctx.logger.info(`would remove ${entityRef} from the catalog`);
        ctx.output('deleted', plan.map(objectRef));
        ctx.output('unregistered', 'dry-run');
        return;
      }
      const deleted: string[] = [];
      for (const o of plan) {
        const result = await kube.delete(o);
        ctx.logger.info(`delete ${objectRef(o)} ${result}`);
        if (result === 'deleted') deleted.push(objectRef(o));
      }
      ctx.output('deleted', deleted);
      const unregistered = await options.catalog.unregisterTenant(
        tenant.input.name,
        credentials,
      );
      ctx.logger.info(
        unregistered === 'deleted'
          ? `${entityRef} removed from the catalog`
          : `${entityRef} was not registered through Paved's tenant route; remove its catalog-info.yaml from the GitOps repository`,
      );
      ctx.output('unregistered', unregistered);
    },
  });
}
