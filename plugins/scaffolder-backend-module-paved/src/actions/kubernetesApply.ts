import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { resolveCluster } from '../clusters/configuredClusters';
import { InputError } from '@backstage/errors';
import {
  applyManifests,
  applyOrder,
  ApplyError,
  DEFAULT_CRD_WAIT_SECONDS,
  describeObject,
} from '../apply/applyManifests';
import { readManifests } from '../apply/readManifests';
import { resolveInWorkspace } from './workspace';

export const KUBERNETES_APPLY_ID = 'paved:kubernetes:apply';

export function createKubernetesApplyAction(options: { config: Config }) {
  return createTemplateAction({
    id: KUBERNETES_APPLY_ID,
    description:
      'Server-side applies manifests from the workspace to a cluster configured in the Kubernetes backend (serviceAccount auth), CRDs and namespaces first, reporting each object as created, configured or unchanged.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Apply a tenant to the local cluster',
        example: `steps:
  - id: apply
    action: paved:kubernetes:apply
    input:
      cluster: paved-local
      path: tenants/payments/manifests`,
      },
    ],
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .describe(
              'A cluster name from kubernetes.clusterLocatorMethods (type config)',
            ),
        path: z =>
          z
            .string()
            .default('manifests')
            .describe('File or folder inside the workspace'),
        force: z =>
          z
            .boolean()
            .default(false)
            .describe('Take over fields owned by other field managers'),
        dryRun: z =>
          z
            .boolean()
            .default(false)
            .describe(
              "Use the API server's dryRun=All: validated, nothing stored",
            ),
        crdWaitSeconds: z =>
          z
            .number()
            .default(DEFAULT_CRD_WAIT_SECONDS)
            .describe(
              'How long to wait for applied CRDs to be Established (and, with missingKinds wait, for kinds to be served); 0-600',
            ),
        missingKinds: z =>
          z
            .enum(['fail', 'skip', 'wait'])
            .default('fail')
            .describe(
              'Objects whose kind no CRD serves (on the cluster or in the manifests): fail before applying anything, skip them, or apply the rest and wait for a controller to install the CRDs',
            ),
      },
      output: {
        applied: z =>
          z.array(
            z.object({
              object: z.string(),
              result: z.enum(['created', 'configured', 'unchanged', 'skipped']),
            }),
          ),
        created: z => z.number(),
        configured: z => z.number(),
        unchanged: z => z.number(),
        skipped: z =>
          z
            .number()
            .describe(
              'Objects left out because no CRD serves their kind (missingKinds skip)',
            ),
      },
    },
    async handler(ctx) {
      const cluster = resolveCluster(options.config, ctx.input.cluster);
      const target = resolveInWorkspace(
        ctx.workspacePath,
        ctx.input.path ?? 'manifests',
        'path',
      );
      const crdWaitSeconds =
        ctx.input.crdWaitSeconds ?? DEFAULT_CRD_WAIT_SECONDS;
      if (!(crdWaitSeconds >= 0 && crdWaitSeconds <= 600)) {
        throw new InputError(
          `crdWaitSeconds: ${crdWaitSeconds} must be between 0 and 600`,
        );
      }
      const objects = await readManifests(target);
      if (ctx.isDryRun) {
        // The scaffolder's own dry run never touches a cluster.
        for (const o of applyOrder(objects))
          ctx.logger.info(
            `would apply ${describeObject(o)} to ${cluster.name}`,
          );
        ctx.output('applied', []);
        ctx.output('created', 0);
        ctx.output('configured', 0);
        ctx.output('unchanged', 0);
        ctx.output('skipped', 0);
        return;
      }
      const report = (applied: { result: string }[]) => {
        ctx.output('applied', applied as any);
        for (const r of [
          'created',
          'configured',
          'unchanged',
          'skipped',
        ] as const) {
          ctx.output(r, applied.filter(a => a.result === r).length);
        }
      };
      try {
        const applied = await applyManifests(cluster, objects, {
          force: ctx.input.force ?? false,
          dryRun: ctx.input.dryRun ?? false,
          crdWaitSeconds,
          missingKinds: ctx.input.missingKinds ?? 'fail',
          log: line => ctx.logger.info(line),
        });
        report(applied);
      } catch (e) {
        if (e instanceof ApplyError) report(e.applied);
        throw e;
      }
    },
  });
}
