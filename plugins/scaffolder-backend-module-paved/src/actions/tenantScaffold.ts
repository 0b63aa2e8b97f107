import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parse as parseYaml } from 'yaml';
import { readConfiguredClusters } from '../clusters/configuredClusters';
import {
  renderTenant,
  TenantInput,
  tenantNamespaceName,
} from '../render/tenant';
import {
  checkEgress,
  checkEnvironments,
  checkResources,
  InputProblems,
} from '../validate/inputs';
import { validateFiles } from '../validate/models';
import { resolveInWorkspace, writeFiles } from './workspace';
import { withDefaults } from './defaults';
import { RenderedFile } from '../render/types';
import { checkTenancyInput } from './tenantIsolationInput';
import { renderTenantClaim } from '../render/tenant/claimDelivery';
import { PlatformContractInput } from '../render/tenant/platformContract';
import {
  aggregateQuotaProblems,
  normalizeAggregateQuota,
} from '../render/tenant/aggregateQuota';

export const TENANT_SCAFFOLD_ID = 'paved:tenant:scaffold';

const CLAIM_API_VERSION =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+\/v[0-9]+((alpha|beta)[0-9]+)?$/;

/** Checks raw input field by field; returns a render input or throws InputError. */
export function checkTenantInput(
  input: Record<string, any>,
  knownClusters?: string[],
): TenantInput {
  const p = new InputProblems();
  p.dns1123('name', input.name);
  p.dns1123('team', input.team);
  p.labelValue('project', input.project);
  p.labelValue('costCenter', input.costCenter);
  p.tier('tier', input.tier);
  checkEnvironments(p, String(input.name), input.environments);
  checkResources(p, input.quota ?? {}, input.defaults ?? {});
  for (const g of ['admin', 'developer'] as const) {
    const v = input.groups?.[g];
    if (typeof v !== 'string' || !/^[^\s]{1,253}$/.test(v)) {
      p.add(
        `groups.${g}`,
        `${JSON.stringify(v)} must be a group name without spaces`,
      );
    }
  }
  checkEgress(p, input.allowedEgress);
  if (
    input.monthlyBudget !== undefined &&
    !(typeof input.monthlyBudget === 'number' && input.monthlyBudget >= 0)
  ) {
    p.add(
      'monthlyBudget',
      `${JSON.stringify(input.monthlyBudget)} must be a number of at least 0`,
    );
  }
  if (!['argocd', 'flux', 'none'].includes(input.gitops)) {
    p.add(
      'gitops',
      `${JSON.stringify(input.gitops)} must be argocd, flux or none`,
    );
  }
  if (input.gitops === 'flux' && !input.gitopsRepoUrl) {
    p.add(
      'gitopsRepoUrl',
      'is required with gitops flux: the tenant reconciles from it',
    );
  }
  const claims = (Array.isArray(input.claims) ? input.claims : []).map(
    (c: any, i: number) => {
      if (!p.dns1123(`claims[${i}].name`, c?.name)) return c;
      if (typeof c.kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(c.kind)) {
        p.add(
          `claims[${i}].kind`,
          `${JSON.stringify(
            c.kind,
          )} must be a claim kind in UpperCamelCase, e.g. PostgreSQLInstance`,
        );
      }
      if (
        typeof c.apiVersion !== 'string' ||
        !CLAIM_API_VERSION.test(c.apiVersion)
      ) {
        p.add(
          `claims[${i}].apiVersion`,
          `${JSON.stringify(
            c.apiVersion,
          )} must be <group with a dot>/<version> of an XRD, e.g. database.example.org/v1alpha1`,
        );
      }
      // Blank form fields arrive as empty strings.
      const environment =
        c.environment === '' || c.environment === null
          ? undefined
          : c.environment;
      if (
        environment !== undefined &&
        !(input.environments ?? []).includes(environment)
      ) {
        p.add(
          `claims[${i}].environment`,
          `"${environment}" is not one of the tenant's environments`,
        );
      }
      return {
        ...c,
        environment,
        parameters: claimParameters(p, `claims[${i}].parameters`, c.parameters),
      };
    },
  );
  if (input.claims !== undefined && !Array.isArray(input.claims)) {
    p.add('claims', 'must be a list of claims');
  }
  if (
    input.cluster !== undefined &&
    knownClusters &&
    !knownClusters.includes(input.cluster)
  ) {
    p.add(
      'cluster',
      `"${
        input.cluster
      }" is not a cluster in kubernetes.clusterLocatorMethods (known: ${
        knownClusters.join(', ') || 'none'
      })`,
    );
  }
  const tenancy = checkTenancyInput(p, input);
  // A form left blank sends an object of empty parts: no tenant-wide quota.
  const aggregate = isBlankAggregate(input.aggregateQuota)
    ? undefined
    : input.aggregateQuota;
  if (aggregate !== undefined) {
    for (const [field, message] of aggregateQuotaProblems({
      aggregate,
      quota: input.quota ?? {},
      namespaces: Array.isArray(input.environments)
        ? input.environments.length
        : 0,
      tier: typeof input.tier === 'number' ? input.tier : undefined,
      delivery: input.delivery,
    }))
      p.add(field, message);
  }
  p.throwIfAny();
  const {
    isolation: _i,
    workloadIdentity: _w,
    priorityClass: _p,
    policyEngine: _e,
    guardrails: _g,
    observability: _o,
    delivery: _d,
    aggregateQuota: _a,
    ...rest
  } = input;
  return {
    ...rest,
    ...(aggregate !== undefined
      ? { aggregateQuota: normalizeAggregateQuota(aggregate) }
      : {}),
    ...(Array.isArray(input.claims) ? { claims } : {}),
    ...tenancy,
  } as TenantInput;
}

function isBlankAggregate(a: unknown): boolean {
  if (a === undefined || a === null || a === '') return true;
  return (
    typeof a === 'object' &&
    !Array.isArray(a) &&
    Object.values(a as object).every(
      v => v === undefined || v === null || v === '',
    )
  );
}

/**
 * A claim's parameters: a mapping, or (from the form's text box) YAML that
 * holds one, so numbers and booleans keep their types for the XRD's schema.
 */
function claimParameters(
  p: InputProblems,
  field: string,
  value: unknown,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = parseYaml(value);
    } catch (e) {
      p.add(field, `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    p.add(
      field,
      'must be a mapping of parameter names to values, e.g. "storageGB: 20"',
    );
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

/** Render and validate in memory; throws before anything would be written. */
export async function renderValidated(
  files: RenderedFile[],
): Promise<RenderedFile[]> {
  const problems = await validateFiles(files);
  if (problems.length > 0) {
    throw new InputError(
      `Generated manifests failed schema validation, nothing was written: ${problems
        .map(x => `${x.file} ${x.object}: ${x.message}`)
        .join('; ')}`,
    );
  }
  return files;
}

/** The platform's contacts for tenants' PLATFORM.md (`paved.tenants.contract`). */
export function readPlatformContract(config: Config): PlatformContractInput {
  const c = config.getOptionalConfig('paved.tenants.contract');
  return {
    platformTeam: c?.getOptionalString('platformTeam'),
    supportChannel: c?.getOptionalString('supportChannel'),
    onCall: c?.getOptionalString('onCall'),
  };
}

export function createTenantScaffoldAction(options: { config: Config }) {
  return createTemplateAction({
    id: TENANT_SCAFFOLD_ID,
    description:
      'Renders a tenant onboarding (namespaces per environment, quota, limit range, default-deny network policy, roles, Pod Security labels, GitOps project, isolation tier, workload identity, PriorityClass quota and Kyverno guardrails) into the workspace, validated against the Kubernetes schemas.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Onboard the payments tenant on a tier 3 cluster',
        example: `steps:
  - id: tenant
    action: paved:tenant:scaffold
    input:
      name: payments
      team: payments-team
      project: checkout
      costCenter: cc-42
      tier: 3
      environments: [dev, prod]
      quota: { cpu: '8', memory: 16Gi, pods: 50 }
      defaults: { cpuRequest: 100m, cpuLimit: 500m, memoryRequest: 128Mi, memoryLimit: 512Mi }
      groups: { admin: payments-admins, developer: payments-developers }
      outputPath: tenants/payments`,
      },
    ],
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              'Tenant name (DNS-1123 label); namespaces are <name>-<environment>',
            ),
        team: z =>
          z
            .string()
            .describe(
              'Owning team (DNS-1123 label), written as the team cost label',
            ),
        project: z => z.string().describe('Project cost label'),
        costCenter: z => z.string().describe('Cost centre label'),
        tier: z =>
          z.number().describe('Cluster tier 1-5; sets Pod Security level'),
        environments: z =>
          z
            .array(z.string())
            .default(['dev', 'staging', 'prod'])
            .describe('Environments, one namespace each'),
        quota: z =>
          z
            .object({
              cpu: z.string(),
              memory: z.string(),
              pods: z.number(),
              storage: z.string().optional(),
              objects: z.record(z.number()).optional(),
            })
            .describe(
              'ResourceQuota hard limits per namespace: CPU, memory, pods, optional storage and object counts (services, configmaps, secrets, persistentvolumeclaims, services.loadbalancers)',
            ),
        defaults: z =>
          z
            .object({
              cpuRequest: z.string(),
              cpuLimit: z.string(),
              memoryRequest: z.string(),
              memoryLimit: z.string(),
            })
            .describe('LimitRange defaults per container'),
        groups: z =>
          z
            .object({ admin: z.string(), developer: z.string() })
            .describe(
              'Identity-provider groups bound to tenant-admin and tenant-developer',
            ),
        gitops: z =>
          z
            .enum(['argocd', 'flux', 'none'])
            .default('argocd')
            .describe(
              'Argo CD AppProject and Applications, or Flux GitRepository and Kustomization per environment',
            ),
        gitopsRepoUrl: z =>
          z
            .string()
            .optional()
            .describe('Repository the AppProject may deploy from'),
        cluster: z =>
          z
            .string()
            .optional()
            .describe(
              'Target cluster; must be configured in the Kubernetes backend',
            ),
        allowedEgress: z =>
          z
            .array(
              z.object({
                cidr: z.string(),
                ports: z.array(z.number()).optional(),
              }),
            )
            .optional()
            .describe(
              'Egress allowed beyond the tenant and DNS: CIDRs with optional TCP ports',
            ),
        monthlyBudget: z =>
          z
            .number()
            .optional()
            .describe(
              "Monthly budget in the portal's currency, written for the cost card",
            ),
        aggregateQuota: z =>
          z
            .object({
              cpu: z.string().optional(),
              memory: z.string().optional(),
              pods: z.number().optional(),
              storage: z.string().optional(),
            })
            .passthrough()
            .optional()
            .describe(
              "Tenant-wide quota (tier 4+, HNC HierarchicalResourceQuota): a ceiling over all the tenant's namespaces together; each value at least one namespace's quota and below their sum; see docs/tenants.md",
            ),
        claims: z =>
          z
            .array(
              z.object({
                apiVersion: z.string(),
                kind: z.string(),
                name: z.string(),
                environment: z.string().optional(),
                parameters: z
                  .union([z.record(z.unknown()), z.string()])
                  .optional()
                  .describe(
                    'XRD parameters: a mapping, or YAML text holding one',
                  ),
                compositionSelector: z
                  .object({ matchLabels: z.record(z.string()) })
                  .optional(),
              }),
            )
            .optional()
            .describe(
              'Crossplane claims to start the tenant with, e.g. a database',
            ),
        isolation: z =>
          z
            .object({
              level: z.enum([
                'namespace',
                'sandboxed',
                'dedicated-nodes',
                'virtual-cluster',
              ]),
              nodePool: z
                .object({
                  name: z.string().optional(),
                  label: z.string().optional(),
                })
                .optional(),
              taint: z
                .object({
                  key: z.string(),
                  value: z.string(),
                  effect: z.enum([
                    'NoSchedule',
                    'PreferNoSchedule',
                    'NoExecute',
                  ]),
                })
                .optional(),
              vclusterVersion: z.string().optional(),
            })
            .optional()
            .describe(
              'Isolation tier: namespace (RBAC), sandboxed (+ gVisor), dedicated-nodes (+ a tainted node pool), virtual-cluster (+ vCluster); see docs/tenants.md',
            ),
        workloadIdentity: z =>
          z
            .object({
              provider: z.string().optional(),
              identity: z.string().optional(),
              serviceAccountName: z.string().optional(),
              azureTenantId: z.string().optional(),
            })
            .optional()
            .describe(
              'A ServiceAccount per namespace bound to a cloud identity: aws-eks (IAM role ARN), gke (GCP service account e-mail), aks (Azure client id)',
            ),
        priorityClass: z =>
          z
            .string()
            .optional()
            .describe(
              "One of the platform's tenant PriorityClasses (paved-tenant-low, -standard, -high)",
            ),
        policyEngine: z =>
          z
            .enum(['none', 'kyverno', 'gatekeeper', 'kyverno-and-gatekeeper'])
            .optional()
            .describe(
              "The cluster's policy engine, when it differs from the tier's default",
            ),
        guardrails: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Tenant guardrail policies (label, name prefix, no cross-namespace references, isolation); on wherever Kyverno runs',
            ),
        observability: z =>
          z
            .object({
              metrics: z.boolean().optional(),
              logs: z.boolean().optional(),
              dashboards: z.boolean().optional(),
              alerts: z
                .object({
                  receiver: z
                    .object({
                      type: z.string().optional(),
                      channel: z.string().optional(),
                      to: z.string().optional(),
                      secretName: z.string().optional(),
                      secretKey: z.string().optional(),
                    })
                    .passthrough()
                    .optional(),
                })
                .optional(),
            })
            .optional()
            .describe(
              'Per-tenant observability, each part optional: the tenant label on its series (metrics), a Loki tenant and datasource (logs, tier 3+), a Grafana folder with default dashboards (dashboards), default alerts routed to a receiver whose credential stays in a Secret named here (alerts); see docs/tenants.md',
            ),
        delivery: z =>
          z
            .enum(['manifests', 'claim'])
            .optional()
            .describe(
              "manifests (the default): every object as a manifest; claim: one Tenant claim that the cluster's Tenant Composition expands (tiers with Crossplane)",
            ),
        outputPath: z =>
          z.string().default('.').describe('Folder inside the workspace'),
      },
      output: {
        path: z =>
          z.string().describe('Folder written, relative to the workspace'),
        files: z => z.array(z.string()).describe('Files written'),
        namespaces: z =>
          z.array(z.string()).describe('Namespaces the manifests create'),
      },
    },
    async handler(ctx) {
      const known = readConfiguredClusters(options.config).map(c => c.name);
      // The scaffolder validates against the schema but fills no defaults.
      const input = checkTenantInput(
        withDefaults(
          {
            environments: ['dev', 'staging', 'prod'],
            // A claim's tenant has no GitOps project of its own.
            gitops: ctx.input.delivery === 'claim' ? 'none' : 'argocd',
          },
          ctx.input,
        ),
        known,
      );
      const dir = resolveInWorkspace(
        ctx.workspacePath,
        ctx.input.outputPath ?? '.',
      );
      const render = { contract: readPlatformContract(options.config) };
      const files = await renderValidated(
        input.delivery === 'claim'
          ? renderTenantClaim(input, render)
          : renderTenant(input, render),
      );
      const written = await writeFiles(dir, files);
      ctx.logger.info(`Wrote ${written.length} files for tenant ${input.name}`);
      ctx.output('path', ctx.input.outputPath ?? '.');
      ctx.output('files', written);
      ctx.output(
        'namespaces',
        input.environments.map(e => tenantNamespaceName(input.name, e)),
      );
    },
  });
}
