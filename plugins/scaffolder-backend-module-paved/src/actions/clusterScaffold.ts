import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { getTier, isTierNumber } from '@paved/plugin-paved-common';
import { InputError } from '@backstage/errors';
import {
  addonContext,
  ClusterInput,
  clusterNamespaces,
  renderClusterBaseline,
} from '../render/cluster';
import { addonsFor } from '../render/platform/addons';
import { selfCheck } from '../selfCheck/selfCheck';
import {
  CHOICE_FIELDS,
  CLUSTER_CHOICES,
  choiceProblems,
  combinationProblems,
  resolveChoices,
} from '../render/choices';
import {
  checkEnvironments,
  checkResources,
  InputProblems,
} from '../validate/inputs';
import { renderValidated } from './tenantScaffold';
import { resolveInWorkspace, writeFiles } from './workspace';
import { withDefaults } from './defaults';

export const CLUSTER_SCAFFOLD_ID = 'paved:cluster:scaffold';

/**
 * Defaults of the optional inputs. The scaffolder validates input against the
 * schema but does not fill in its defaults, so the handler does.
 */
export const CLUSTER_INPUT_DEFAULTS = {
  teams: ['team-a'],
  environments: ['dev', 'staging', 'prod'],
  domain: 'example.com',
  region: 'eu-west-1',
  gitopsRepoUrl: 'https://github.com/example/platform-gitops.git',
  image:
    'ghcr.io/example/sample-app:1.0.0@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  defaults: {
    cpuRequest: '100m',
    cpuLimit: '500m',
    memoryRequest: '128Mi',
    memoryLimit: '512Mi',
  },
  adminGroup: 'platform-admins',
  outputPath: '.',
};

export function checkClusterInput(raw: Record<string, any>): ClusterInput {
  const input = withDefaults(CLUSTER_INPUT_DEFAULTS, raw);
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
      if (p.dns1123(`teams[${i}]`, t))
        checkEnvironments(p, String(t), input.environments);
    });
  }
  checkEnvironments(p, 'apps', input.environments);
  if (
    typeof input.domain !== 'string' ||
    !/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/.test(input.domain)
  ) {
    p.add(
      'domain',
      `${JSON.stringify(input.domain)} is not a DNS domain such as example.com`,
    );
  }
  if (
    typeof input.gitopsRepoUrl !== 'string' ||
    !/^https:\/\/\S+$/.test(input.gitopsRepoUrl)
  ) {
    p.add(
      'gitopsRepoUrl',
      `${JSON.stringify(input.gitopsRepoUrl)} must be an https:// URL`,
    );
  }
  if (
    typeof input.image !== 'string' ||
    /:latest$/.test(input.image) ||
    !/^[\w.\-/:@]+$/.test(input.image)
  ) {
    p.add(
      'image',
      `${JSON.stringify(
        input.image,
      )} must be an image reference not tagged latest`,
    );
  } else if (
    Number(input.tier) >= 3 &&
    !/@sha256:[0-9a-f]{64}$/.test(input.image)
  ) {
    // The tier's own admission rule (production-image-digest) would refuse it.
    p.add(
      'image',
      `${JSON.stringify(
        input.image,
      )} must be referenced by digest from tier 3 (name:tag@sha256:<64 hex>), as the tier's require-image-digest-in-production policy admits nothing else in production`,
    );
  }
  checkResources(p, input.quota ?? {}, input.defaults ?? {});
  const bad = choiceProblems(input);
  for (const [field, rule] of bad) p.add(field, rule);
  if (bad.length === 0 && isTierNumber(input.tier)) {
    for (const [field, rule] of combinationProblems(
      input.tier,
      resolveChoices(input.tier, input),
    ))
      p.add(field, rule);
  }
  p.throwIfAny();
  return {
    ...input,
    choices: resolveChoices(input.tier, input),
  } as ClusterInput;
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
        teams: z =>
          z
            .array(z.string())
            .default(['team-a'])
            .describe('Teams with namespaces of their own (tier 3+)'),
        environments: z =>
          z.array(z.string()).default(['dev', 'staging', 'prod']),
        domain: z => z.string().default('example.com'),
        region: z => z.string().default('eu-west-1'),
        gitopsRepoUrl: z =>
          z.string().default('https://github.com/example/platform-gitops.git'),
        image: z =>
          z
            .string()
            .default(
              'ghcr.io/example/sample-app:1.0.0@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
            )
            .describe('Sample workload image; by digest from tier 3'),
        quota: z =>
          z
            .object({ cpu: z.string(), memory: z.string(), pods: z.number() })
            .default({ cpu: '8', memory: '16Gi', pods: 50 }),
        defaults: z =>
          z
            .object({
              cpuRequest: z.string(),
              cpuLimit: z.string(),
              memoryRequest: z.string(),
              memoryLimit: z.string(),
            })
            .default({
              cpuRequest: '100m',
              cpuLimit: '500m',
              memoryRequest: '128Mi',
              memoryLimit: '512Mi',
            }),
        adminGroup: z => z.string().default('platform-admins'),
        ...(Object.fromEntries(
          CHOICE_FIELDS.map(f => [
            f,
            (z: any) =>
              z
                .string()
                .default('default')
                .describe(
                  `default (the tier's) or one of ${CLUSTER_CHOICES[f].join(
                    ', ',
                  )}`,
                ),
          ]),
        ) as Record<(typeof CHOICE_FIELDS)[number], (z: any) => any>),
        outputPath: z => z.string().default('.'),
      },
      output: {
        path: z => z.string(),
        files: z => z.array(z.string()),
        namespaces: z => z.array(z.string()),
        tierTitle: z => z.string(),
        choices: z =>
          z
            .record(z.string())
            .describe('Choices in effect, tier defaults filled in'),
      },
    },
    async handler(ctx) {
      const input = checkClusterInput(ctx.input);
      const outputPath = ctx.input.outputPath || '.';
      const dir = resolveInWorkspace(ctx.workspacePath, outputPath);
      const rendered = renderClusterBaseline(input);
      // Valid objects are not enough: the baseline must converge as a whole.
      const ctxAddons = addonContext(input);
      const problems = selfCheck(rendered, addonsFor(ctxAddons), ctxAddons);
      if (problems.length) {
        throw new InputError(
          `The ${
            input.name
          } baseline would not converge, nothing was written: ${problems
            .map(p => `[${p.check}] ${p.message}`)
            .join('; ')}`,
        );
      }
      const files = await renderValidated(rendered);
      const written = await writeFiles(dir, files);
      ctx.logger.info(
        `Wrote ${written.length} files for a tier ${input.tier} baseline of ${input.name}`,
      );
      ctx.output('path', outputPath);
      ctx.output('files', written);
      ctx.output(
        'namespaces',
        clusterNamespaces(input).map(n => n.name),
      );
      ctx.output('tierTitle', getTier(input.tier).title);
      ctx.output('choices', input.choices);
    },
  });
}
