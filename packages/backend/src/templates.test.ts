/*
 * Every template the portal registers (templates/all.yaml), checked against
 * the actions this backend really registers: each step's action exists, its
 * required inputs are given, it is given no input the action does not know,
 * and every `parameters.x` and `steps.x` a template refers to exists.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderPavedModule from '@paved/plugin-scaffolder-backend-module-paved';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const templatesDir = path.resolve(__dirname, '../../../templates');
const location = parse(
  readFileSync(path.join(templatesDir, 'all.yaml'), 'utf8'),
);
const templates: Array<[string, any]> = location.spec.targets.map(
  (t: string) => [t, parse(readFileSync(path.join(templatesDir, t), 'utf8'))],
);

type ActionInfo = {
  id: string;
  schema?: {
    input?: {
      required?: string[];
      properties?: Record<string, unknown>;
      additionalProperties?: unknown;
    };
  };
};

let actions: Map<string, ActionInfo>;
let stop: () => Promise<void>;

beforeAll(async () => {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderGithubModule,
      scaffolderPavedModule,
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  stop = () => backend.stop();
  const res = await fetch(
    `http://localhost:${backend.server.port()}/api/scaffolder/v2/actions`,
    { headers: { Authorization: mockCredentials.user.header() } },
  );
  if (res.status !== 200) throw new Error(`actions: ${res.status}`);
  const list: ActionInfo[] = await res.json();
  actions = new Map(list.map(a => [a.id, a]));
}, 60_000);

afterAll(() => stop?.());

it('reads the actions with their input schemas', () => {
  // Guards the checks below against a schema shape they cannot read.
  expect(actions.get('paved:tenant:scaffold')?.schema?.input?.required).toEqual(
    expect.arrayContaining(['name', 'quota', 'defaults']),
  );
  expect(
    actions.get('publish:github:pull-request')?.schema?.input?.required,
  ).toEqual(expect.arrayContaining(['repoUrl', 'branchName']));
});

/** Every property a template's form can set, dependencies included. */
function parameterNames(template: any): Set<string> {
  const names = new Set<string>();
  const walk = (schema: any) => {
    if (!schema || typeof schema !== 'object') return;
    Object.keys(schema.properties ?? {}).forEach(k => names.add(k));
    for (const dep of Object.values(schema.dependencies ?? {}) as any[]) {
      (dep.oneOf ?? dep.anyOf ?? [dep]).forEach(walk);
    }
    (schema.allOf ?? []).forEach(walk);
  };
  const pages = template.spec.parameters;
  (Array.isArray(pages) ? pages : [pages]).forEach(walk);
  return names;
}

const expressions = (value: unknown): string[] =>
  JSON.stringify(value).match(/\$\{\{.*?\}\}/g) ?? [];

describe.each(templates)('template %s', (_file, template) => {
  const steps: Array<{ id: string; action: string; input?: any }> =
    template.spec.steps;

  it('uses only registered actions, with their required inputs', () => {
    const problems: string[] = [];
    for (const step of steps) {
      const action = actions.get(step.action);
      if (!action) {
        problems.push(`${step.id}: action ${step.action} is not registered`);
        continue;
      }
      const schema = action.schema?.input ?? {};
      const given = Object.keys(step.input ?? {});
      for (const r of schema.required ?? []) {
        if (!given.includes(r))
          problems.push(`${step.id}: required input ${r} missing`);
      }
      if (schema.properties && schema.additionalProperties === false) {
        for (const g of given) {
          if (!(g in schema.properties))
            problems.push(`${step.id}: ${step.action} has no input ${g}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refers only to parameters it defines and to earlier steps', () => {
    const params = parameterNames(template);
    const problems: string[] = [];
    const seen: string[] = [];
    const check = (where: string, value: unknown) => {
      for (const expr of expressions(value)) {
        for (const [, name] of expr.matchAll(/parameters\.([A-Za-z0-9_]+)/g)) {
          if (!params.has(name))
            problems.push(`${where}: unknown parameter ${name}`);
        }
        for (const [, a, b] of expr.matchAll(
          /steps(?:\.([A-Za-z0-9_]+)|\[\\?['"]([^'"\\]+)\\?['"]\])/g,
        )) {
          if (!seen.includes(a ?? b))
            problems.push(`${where}: step ${a ?? b} is not an earlier step`);
        }
      }
    };
    for (const step of steps) {
      check(step.id, step);
      seen.push(step.id);
    }
    check('output', template.spec.output);
    expect(problems).toEqual([]);
  });
});

// The cluster and tenant templates (those that can apply to a cluster).
const delivering = templates.filter(([, t]) =>
  t.spec.steps.some((s: any) => s.action === 'paved:kubernetes:apply'),
);

describe.each(delivering)('template %s', (_file, template) => {
  it('ends in a GitOps pull request or a direct apply, chosen by delivery', () => {
    const byAction = (id: string) =>
      template.spec.steps.find((s: any) => s.action === id);
    expect(byAction('publish:github:pull-request')?.if).toBe(
      "${{ parameters.delivery === 'gitops' }}",
    );
    expect(byAction('paved:kubernetes:apply')?.if).toBe(
      "${{ parameters.delivery === 'apply' }}",
    );
  });
});
