import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { resolveCluster } from '../clusters/configuredClusters';
import { ClaimType, readXrd } from '../claims/readXrd';
import { renderClaim } from '../claims/renderClaim';
import {
  readParameters,
  validateParameters,
} from '../claims/validateParameters';
import { validateClaimEnvelope } from '../validate/claimEnvelope';
import { InputProblems } from '../validate/inputs';
import { resolveInWorkspace, writeFiles } from './workspace';

export const CLAIM_SCAFFOLD_ID = 'paved:claim:scaffold';

const OWNER_REF =
  /^[A-Za-z][A-Za-z0-9-]*:([A-Za-z0-9][-A-Za-z0-9_.]*\/)?[A-Za-z0-9][-A-Za-z0-9_.]*$/;

/**
 * Writes a Crossplane claim (or a v2 namespaced composite) for an XRD read
 * live from a configured cluster, after checking the parameters against the
 * XRD's own schema. Nothing is written unless every field is valid.
 */
export function createClaimScaffoldAction(options: {
  config: Config;
  /** For tests: how the XRD is read. */
  readXrd?: typeof readXrd;
}) {
  const read = options.readXrd ?? readXrd;
  return createTemplateAction({
    id: CLAIM_SCAFFOLD_ID,
    description:
      'Reads a Crossplane XRD from a cluster configured in the Kubernetes backend, validates the parameters against its openAPIV3Schema (required fields, enums, minimum/maximum, patterns, unknown fields), and writes the claim manifest with owner and cost labels into the workspace.',
    supportsDryRun: true,
    examples: [
      {
        description: 'A PostgreSQL database for payments-api',
        example: `steps:
  - id: claim
    action: paved:claim:scaffold
    input:
      cluster: paved-local
      xrd: xpostgresqlinstances.platform.paved.dev
      name: orders-db
      namespace: payments
      owner: group:default/payments-team
      component: payments-api
      parameters: { size: small, storageGB: 20 }
      team: payments-team
      project: shop
      environment: prod
      costCenter: cc-1001`,
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
        xrd: z =>
          z
            .string()
            .describe(
              'Name of the CompositeResourceDefinition, e.g. xpostgresqlinstances.platform.example.org',
            ),
        name: z => z.string().describe('Name of the claim'),
        namespace: z => z.string().describe('Namespace of the claim'),
        owner: z =>
          z
            .string()
            .describe('Owning entity ref, e.g. group:default/payments-team'),
        component: z =>
          z
            .string()
            .optional()
            .describe(
              'Component the claim serves: its backstage.io/kubernetes-id label, so its page shows the claim',
            ),
        parameters: z =>
          z
            .union([z.record(z.unknown()), z.string()])
            .optional()
            .describe("The XRD's parameters, as a mapping or YAML text"),
        composition: z =>
          z
            .string()
            .optional()
            .describe("Composition to use; the XRD's default otherwise"),
        team: z => z.string().describe('Cost label: team'),
        project: z => z.string().describe('Cost label: project'),
        environment: z => z.string().describe('Cost label: environment'),
        costCenter: z => z.string().describe('Cost label: cost-center'),
        outputPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder inside the workspace; claims/<namespace>/<name> by default',
            ),
      },
      output: {
        path: z => z.string(),
        apiVersion: z => z.string(),
        kind: z => z.string(),
        claimReference: z => z.string(),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const p = new InputProblems();
      p.dns1123('name', input.name);
      p.dns1123('namespace', input.namespace);
      p.labelValue('team', input.team);
      p.labelValue('project', input.project);
      p.labelValue('environment', input.environment);
      p.labelValue('costCenter', input.costCenter);
      if (input.component !== undefined && input.component !== '')
        p.dns1123('component', input.component);
      // `kind:[namespace/]name`, as the OwnerPicker writes it.
      if (typeof input.owner !== 'string' || !OWNER_REF.test(input.owner)) {
        p.add(
          'owner',
          `${JSON.stringify(
            input.owner,
          )} is not an entity ref such as group:default/payments-team`,
        );
      }
      if (
        typeof input.xrd !== 'string' ||
        !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(input.xrd)
      ) {
        p.add(
          'xrd',
          `${JSON.stringify(
            input.xrd,
          )} is not an XRD name such as xpostgresqlinstances.platform.example.org`,
        );
      }
      const parameters = readParameters(p, input.parameters);
      const target = resolveInWorkspace(
        ctx.workspacePath,
        input.outputPath || `claims/${input.namespace}/${input.name}`,
      );
      p.throwIfAny();

      // The XRD is read even in a dry run: reading changes nothing, and the
      // parameters cannot be checked without it.
      const cluster = resolveCluster(options.config, input.cluster);
      const type: ClaimType = await read(cluster, input.xrd);
      ctx.logger.info(
        `${input.xrd} offers ${type.kind} (${type.apiVersion}) on ${cluster.name}`,
      );
      const spec = validateParameters(p, type.schema, parameters ?? {});
      p.throwIfAny();

      const { object, file } = renderClaim(type, {
        name: input.name,
        namespace: input.namespace,
        owner: input.owner,
        ...(input.component ? { component: input.component } : {}),
        ...(input.composition ? { composition: input.composition } : {}),
        cost: {
          team: input.team,
          project: input.project,
          environment: input.environment,
          costCenter: input.costCenter,
        },
        spec: spec!,
      });
      if (type.style === 'v1-claim') {
        const envelope = validateClaimEnvelope(object);
        if (envelope) p.add('claim', envelope);
        p.throwIfAny();
      }
      await writeFiles(target, [file]);
      const relative =
        input.outputPath || `claims/${input.namespace}/${input.name}`;
      ctx.logger.info(`wrote ${relative}/claim.yaml`);
      const group = type.apiVersion.split('/')[0];
      ctx.output('path', relative);
      ctx.output('apiVersion', type.apiVersion);
      ctx.output('kind', type.kind);
      // The value for the entity's paved.dev/crossplane-claims annotation.
      ctx.output(
        'claimReference',
        `${type.kind}.${group}/${input.namespace}/${input.name}`,
      );
    },
  });
}
