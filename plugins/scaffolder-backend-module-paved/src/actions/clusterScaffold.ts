import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { getTier } from '@paved/plugin-paved-common';
import { ClusterInput, clusterNamespaces, renderClusterBaseline } from '../render/cluster';
import { checkEnvironments, checkResources, InputProblems } from '../validate/inputs';
import { renderValidated } from './tenantScaffold';
import { resolveInWorkspace, writeFiles } from './workspace';

export const CLUSTER_SCAFFOLD_ID = 'paved:cluster:scaffold';

export function checkClusterInput(input: Record<string, any>): ClusterInput {
  const p = new InputProblems();
  p.dns1123('name', input.name);
  p.tier('tier', input.tier);
  p.dns1123('team', input.team);
  p.labelValue('project', input.project);
  p.labelValue('costCenter', input.costCenter);
  if (!Array.isArray(input.teams) || input.teams.length === 0) {
    p.add('teams', 'at least one team is required');
  } else {
    input.teams.forEach((t: unknown, i: number) => {
      if (p.dns1123(`teams[${i}]`, t)) checkEnvironments(p, String(t), input.environments);
    });
  }
  checkEnvironments(p, 'apps', input.environments);
  if (typeof input.domain !== 'string' || !/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/.test(input.domain)) {
    p.add('domain', `${JSON.stringify(input.domain)} is not a DNS domain such as example.com`);
  }
  if (typeof input.gitopsRepoUrl !== 'string' || !/^https:\/\/\S+$/.test(input.gitopsRepoUrl)) {
    p.add('gitopsRepoUrl', `${JSON.stringify(input.gitopsRepoUrl)} must be an https:// URL`);
  }
  if (typeof input.image !== 'string' || /:latest$/.test(input.image) || !/^[\w.\-/:@]+$/.test(input.image)) {
    p.add('image', `${JSON.stringify(input.image)} must be an image reference not tagged latest`);
  }
  checkResources(p, input.quota ?? {}, input.defaults ?? {});
  p.throwIfAny();
  return input as ClusterInput;
}

export function createClusterScaffoldAction() {
  return createTemplateAction({
    id: CLUSTER_SCAFFOLD_ID,
    description:
      'Renders a tiered (1 Foundation to 5 Hyperscale) cluster baseline into the workspace, with a README mapping each file to the tier rule it satisfies; every object is validated against its schema first.',
    supportsDryRun: true,
    examples: [
      {
        description: 'A tier 2 baseline',
        example: `steps:
  - id: baseline
    action: paved:cluster:scaffold
    input:
      name: prod-eu-1
      tier: 2
      team: platform
      project: paved
      costCenter: cc-1234
      outputPath: clusters/prod-eu-1`,
      },
    ],
    schema: {
      input: {
        name: z => z.string().describe('Cluster name (DNS-1123 label)'),
        tier: z => z.number().describe('Tier 1-5'),
        team: z => z.string().describe('Platform team owning the cluster'),
        project: z => z.string().describe('Project cost label'),
        costCenter: z => z.string().describe('Cost centre label'),
        teams: z => z.array(z.string()).default(['team-a']).describe('Teams with namespaces of their own (tier 3+)'),
        environments: z => z.array(z.string()).default(['dev', 'staging', 'prod']),
        domain: z => z.string().default('example.com'),
        region: z => z.string().default('eu-west-1'),
        gitopsRepoUrl: z => z.string().default('https://github.com/example/platform-gitops.git'),
        image: z => z.string().default('ghcr.io/example/sample-app:1.0.0'),
        quota: z =>
          z.object({ cpu: z.string(), memory: z.string(), pods: z.number() })
            .default({ cpu: '8', memory: '16Gi', pods: 50 }),
        defaults: z =>
          z.object({ cpuRequest: z.string(), cpuLimit: z.string(), memoryRequest: z.string(), memoryLimit: z.string() })
            .default({ cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '128Mi', memoryLimit: '512Mi' }),
        adminGroup: z => z.string().default('platform-admins'),
        outputPath: z => z.string().default('.'),
      },
      output: {
        path: z => z.string(),
        files: z => z.array(z.string()),
        namespaces: z => z.array(z.string()),
        tierTitle: z => z.string(),
      },
    },
    async handler(ctx) {
      const input = checkClusterInput(ctx.input);
      const dir = resolveInWorkspace(ctx.workspacePath, ctx.input.outputPath ?? '.');
      const files = await renderValidated(renderClusterBaseline(input));
      const written = await writeFiles(dir, files);
      ctx.logger.info(`Wrote ${written.length} files for a tier ${input.tier} baseline of ${input.name}`);
      ctx.output('path', ctx.input.outputPath ?? '.');
      ctx.output('files', written);
      ctx.output('namespaces', clusterNamespaces(input).map(n => n.name));
      ctx.output('tierTitle', getTier(input.tier).title);
    },
  });
}
