import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { makeContext, listFiles } from '../__testUtils__/actionContext';
import { acmeTenant } from '../__testUtils__/tenantInputs';
import { checkTenantInput, createTenantScaffoldAction } from './tenantScaffold';
import { changedTenantInput } from '../day2/changeTenant';

// Rendering and the first schema load take seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

/*
 * paved:tenant:scaffold's tenant-wide quota (HNC HierarchicalResourceQuota):
 * each bad input is refused with its field named and nothing is written.
 * acme has two namespaces (dev, prod) of cpu 4, memory 8Gi, 20 pods each, so
 * a tenant-wide value must be at least one namespace's and below the sum.
 */

const config = mockServices.rootConfig({ data: {} });
const tier4 = { ...acmeTenant, tier: 4, outputPath: 'tenants/acme' };

const BAD: Array<[string, Record<string, unknown>, string]> = [
  [
    'a tier 3 tenant (no HNC in its baseline)',
    { tier: 3, aggregateQuota: { cpu: '6' } },
    'aggregateQuota',
  ],
  [
    'a tier 2 tenant',
    { tier: 2, gitops: 'none', aggregateQuota: { pods: 30 } },
    'aggregateQuota',
  ],
  ['an aggregate given as text', { aggregateQuota: '6 cpu' }, 'aggregateQuota'],
  [
    'a cpu that is not a quantity',
    { aggregateQuota: { cpu: 'lots' } },
    'aggregateQuota.cpu',
  ],
  [
    'a memory given as a number',
    { aggregateQuota: { memory: 12 } },
    'aggregateQuota.memory',
  ],
  [
    'a cpu below one namespace (3 < 4)',
    { aggregateQuota: { cpu: '3' } },
    'aggregateQuota.cpu',
  ],
  [
    'a cpu equal to the sum (8 = 2 × 4), which never binds',
    { aggregateQuota: { cpu: '8000m' } },
    'aggregateQuota.cpu',
  ],
  [
    'a memory above the sum in other units (17Gi > 16Gi)',
    { aggregateQuota: { memory: '17408Mi' } },
    'aggregateQuota.memory',
  ],
  [
    'pods below one namespace',
    { aggregateQuota: { pods: 19 } },
    'aggregateQuota.pods',
  ],
  [
    'pods that are not whole',
    { aggregateQuota: { pods: 25.5 } },
    'aggregateQuota.pods',
  ],
  [
    'storage when the namespace quota has none',
    { aggregateQuota: { storage: '60Gi' } },
    'aggregateQuota.storage',
  ],
  [
    'a resource the tenant-wide quota does not offer',
    { aggregateQuota: { cpu: '6', gpus: 2 } },
    'aggregateQuota.gpus',
  ],
  [
    'a tenant with one namespace',
    { environments: ['prod'], aggregateQuota: { cpu: '6' } },
    'aggregateQuota',
  ],
  [
    'delivery as one Tenant claim',
    {
      tier: 5,
      gitops: 'none',
      gitopsRepoUrl: undefined,
      delivery: 'claim',
      aggregateQuota: { cpu: '6' },
    },
    'aggregateQuota',
  ],
];

const escape = (field: string) => field.replace(/[.[\]]/g, m => `\\${m}`);

const docs = (text: string) =>
  parseAllDocuments(text).map(d => d.toJS() as Record<string, any>);

describe('paved:tenant:scaffold: tenant-wide quota', () => {
  const action = createTenantScaffoldAction({ config });

  it.each(BAD)(
    'refuses %s, naming the field, and writes nothing',
    async (_what, patch, field) => {
      const { ctx, workspacePath } = await makeContext({ ...tier4, ...patch });
      await expect(action.handler(ctx)).rejects.toThrow(
        new RegExp(`(Invalid input: |; )${escape(field)}: `),
      );
      expect(await fs.readdir(workspacePath)).toEqual([]);
    },
  );

  it.each([
    ['one namespace’s worth (the lower bound)', { cpu: '4' }],
    ['just below the sum', { cpu: '7999m', memory: '15Gi', pods: 39 }],
  ])('accepts %s', async (_what, aggregateQuota) => {
    const { ctx, workspacePath } = await makeContext({
      ...tier4,
      aggregateQuota,
    });
    await action.handler(ctx);
    const dir = path.join(workspacePath, 'tenants/acme');
    expect(await listFiles(dir)).toContain('manifests/aggregate-quota.yaml');
  });

  it('writes the parent namespace, a HierarchyConfiguration per namespace and the HRQ', async () => {
    const { ctx, workspacePath, outputs } = await makeContext({
      ...tier4,
      aggregateQuota: { cpu: '6', memory: '12Gi', pods: 30 },
    });
    await action.handler(ctx);
    const dir = path.join(workspacePath, 'tenants/acme');
    const read = (f: string) => fs.readFile(path.join(dir, f), 'utf8');
    const namespaces = docs(await read('manifests/namespaces.yaml'));
    expect(namespaces.map(n => n.metadata.name)).toEqual([
      'acme',
      'acme-dev',
      'acme-prod',
    ]);
    const hnc = docs(await read('manifests/aggregate-quota.yaml'));
    expect(
      hnc.map(o => [o.kind, o.metadata.namespace, o.metadata.name]),
    ).toEqual([
      ['HierarchyConfiguration', 'acme-dev', 'hierarchy'],
      ['HierarchyConfiguration', 'acme-prod', 'hierarchy'],
      ['HierarchicalResourceQuota', 'acme', 'tenant-aggregate-quota'],
    ]);
    expect(hnc[0].spec).toEqual({ parent: 'acme' });
    expect(hnc[2].spec.hard).toEqual({
      'requests.cpu': '6',
      'requests.memory': '12Gi',
      pods: '30',
    });
    // The parent runs nothing: it is not one of the tenant's namespaces.
    expect(outputs.namespaces).toEqual(['acme-dev', 'acme-prod']);
    expect(await read('README.md')).toContain('Tenant-wide quota: cpu 6');
  });

  it('treats the form’s empty tenant-wide fields as none', async () => {
    const { ctx, workspacePath } = await makeContext({
      ...tier4,
      aggregateQuota: { cpu: '', memory: '', pods: undefined },
    });
    await action.handler(ctx);
    const files = await listFiles(path.join(workspacePath, 'tenants/acme'));
    expect(files).not.toContain('manifests/aggregate-quota.yaml');
  });
});

describe('day 2 change of a tenant with a tenant-wide quota', () => {
  const current = checkTenantInput({
    ...tier4,
    aggregateQuota: { cpu: '6', memory: '12Gi' },
  });

  it('keeps the tenant-wide quota when the change leaves it alone', () => {
    const next = checkTenantInput(
      changedTenantInput(current, { quota: { pods: 25 } }),
    );
    expect(next.aggregateQuota).toEqual({ cpu: '6', memory: '12Gi' });
  });

  it('refuses a per-namespace quota raised above the tenant-wide one, by name', () => {
    expect(() =>
      checkTenantInput(changedTenantInput(current, { quota: { cpu: '7' } })),
    ).toThrow(/aggregateQuota\.cpu: 6 is below one namespace's quota \(7\)/);
  });
});
