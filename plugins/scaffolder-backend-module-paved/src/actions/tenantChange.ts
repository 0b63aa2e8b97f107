import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  readConfiguredClusters,
  resolveCluster,
} from '../clusters/configuredClusters';
import { applyManifests, ApplyError } from '../apply/applyManifests';
import { renderTenant } from '../render/tenant';
import { changedTenantInput, TenantChange } from '../day2/changeTenant';
import {
  describeDiff,
  diffTenantObjects,
  objectRef,
  withLiveChanges,
} from '../day2/diff';
import { QuotaBelowUseError } from '../day2/errors';
import { loadTenant, manifestObjects } from '../day2/loadTenant';
import { deletionOrder } from '../day2/offboard';
import { quotaShortfalls, QuotaUse } from '../day2/quota';
import { TenantCatalog } from '../day2/tenantCatalog';
import { TenantCluster } from '../day2/tenantCluster';
import { checkTenantInput, renderValidated } from './tenantScaffold';
import { resolveInWorkspace, writeFiles } from './workspace';

export const TENANT_CHANGE_ID = 'paved:tenant:change';

export function createTenantChangeAction(options: {
  config: Config;
  catalog: TenantCatalog;
}) {
  return createTemplateAction({
    id: TENANT_CHANGE_ID,
    description:
      "Changes an onboarded tenant's quota, groups or isolation tier: reads the tenant back from the catalog and the cluster, renders it with the new inputs exactly as onboarding would, refuses a quota below current use, shows the objects added, changed and removed, writes the tenant's files to the workspace and, with delivery apply, applies them and deletes what the change removes.",
    supportsDryRun: true,
    examples: [
      {
        description:
          'Double the payments tenant quota, showing the change first',
        example: `steps:
  - id: change
    action: paved:tenant:change
    input:
      name: payments
      cluster: paved-local
      quota: { cpu: '16', memory: 32Gi }
      delivery: apply`,
      },
    ],
    schema: {
      input: {
        name: z => z.string().describe('The tenant to change'),
        cluster: z =>
          z
            .string()
            .describe(
              'The cluster the tenant lives on, from kubernetes.clusterLocatorMethods',
            ),
        quota: z =>
          z
            .object({
              cpu: z.string().optional(),
              memory: z.string().optional(),
              // A blank form field arrives as '' rather than a number.
              pods: z.union([z.number(), z.string()]).optional(),
              storage: z.string().optional(),
              objects: z.record(z.number()).optional(),
            })
            .optional()
            .describe(
              'New ResourceQuota hard limits per namespace; left out or blank keeps the current value',
            ),
        groups: z =>
          z
            .object({
              admin: z.string().optional(),
              developer: z.string().optional(),
            })
            .optional()
            .describe('New groups bound to tenant-admin and tenant-developer'),
        isolation: z =>
          z
            .object({
              level: z.string().optional(),
              nodePool: z
                .object({
                  name: z.string().optional(),
                  label: z.string().optional(),
                })
                .optional(),
              vclusterVersion: z.string().optional(),
            })
            .optional()
            .describe(
              'New isolation tier (namespace, sandboxed, dedicated-nodes, virtual-cluster) and node pool',
            ),
        delivery: z =>
          z
            .enum(['apply', 'pull-request'])
            .default('apply')
            .describe(
              'apply: server-side apply and delete what the change removes; pull-request: only write the files for a publish step',
            ),
        dryRun: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Only show what would change (as the scaffolder dry run does); nothing is written or applied',
            ),
        outputPath: z =>
          z
            .string()
            .optional()
            .describe('Folder inside the workspace; tenants/<name> by default'),
      },
      output: {
        added: z => z.array(z.string()),
        changed: z => z.array(z.string()),
        removed: z => z.array(z.string()),
        unchanged: z => z.number(),
        removedFiles: z =>
          z
            .array(z.string())
            .describe(
              'Files of the tenant folder the change no longer renders (to delete from a GitOps repository)',
            ),
        path: z => z.string(),
      },
    },
    async handler(ctx) {
      const cluster = resolveCluster(options.config, ctx.input.cluster);
      const kube = new TenantCluster(cluster);
      const known = readConfiguredClusters(options.config).map(c => c.name);
      const tenant = await loadTenant({
        tenant: ctx.input.name,
        cluster: kube,
        catalog: options.catalog,
        credentials: await ctx.getInitiatorCredentials(),
      });
      // Onboarding's own check: a changed tenant must be one it would accept.
      const next = checkTenantInput(
        changedTenantInput(tenant.input, ctx.input as TenantChange),
        known,
      );
      const beforeFiles = renderTenant(tenant.input);
      const afterFiles = await renderValidated(renderTenant(next));
      const after = manifestObjects(afterFiles);

      const use: QuotaUse[] = tenant.objects
        .filter(o => o.kind === 'ResourceQuota')
        .map(o => ({
          namespace: o.metadata.namespace!,
          name: o.metadata.name,
          used: ((o as any).status?.used ?? {}) as Record<string, string>,
        }));
      const shortfalls = quotaShortfalls(after, use);
      if (shortfalls.length) throw new QuotaBelowUseError(shortfalls);

      const diff = withLiveChanges(
        diffTenantObjects(manifestObjects(beforeFiles), after),
        after,
        tenant.objects,
      );
      // Only what the cluster has can be removed from it.
      const removedObjects = [];
      for (const o of manifestObjects(beforeFiles)) {
        if (diff.removed.includes(objectRef(o)) && (await kube.exists(o)))
          removedObjects.push(o);
      }
      diff.removed = removedObjects.map(objectRef);
      const removedFiles = beforeFiles
        .map(f => f.path)
        .filter(p => !afterFiles.some(f => f.path === p));

      const lines = describeDiff(diff);
      ctx.logger.info(
        `Tenant ${next.name}: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged`,
      );
      for (const line of lines) ctx.logger.info(line);
      ctx.output('added', diff.added);
      ctx.output(
        'changed',
        diff.changed.map(c => c.object),
      );
      ctx.output('removed', diff.removed);
      ctx.output('unchanged', diff.unchanged);
      ctx.output('removedFiles', removedFiles);
      const outputPath = ctx.input.outputPath ?? `tenants/${next.name}`;
      ctx.output('path', outputPath);

      const dryRun = ctx.isDryRun || ctx.input.dryRun === true;
      if (dryRun && !ctx.isDryRun) {
        ctx.logger.info('dryRun: nothing was written or applied');
        return;
      }
      const dir = resolveInWorkspace(ctx.workspacePath, outputPath);
      await writeFiles(dir, afterFiles);
      if (ctx.isDryRun || (ctx.input.delivery ?? 'apply') !== 'apply') {
        if (ctx.isDryRun)
          ctx.logger.info(`would apply the change to ${cluster.name}`);
        return;
      }
      try {
        await applyManifests(cluster, after, {
          force: false,
          dryRun: false,
          log: line => ctx.logger.info(`apply ${line}`),
        });
      } catch (e) {
        if (e instanceof ApplyError) {
          throw new Error(`${e.message}. Nothing was deleted`);
        }
        throw e;
      }
      for (const o of deletionOrder(removedObjects)) {
        ctx.logger.info(`delete ${objectRef(o)} ${await kube.delete(o)}`);
      }
    },
  });
}
