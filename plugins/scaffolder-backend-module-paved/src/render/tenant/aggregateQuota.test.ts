import { renderTenant } from '../tenant';
import { validateFiles } from '../../validate/models';
import { manifestFile } from '../yaml';
import { acmeTenant } from '../../__testUtils__/tenantInputs';
import {
  aggregateFromHard,
  aggregateHard,
  aggregateQuotaObjects,
  aggregateQuotaProblems,
} from './aggregateQuota';

jest.setTimeout(30_000);

const quota = { cpu: '4', memory: '8Gi', pods: 20 };

describe('aggregateQuotaProblems', () => {
  it.each([
    [{ cpu: '4' }, 2, []],
    [{ cpu: '11.9' }, 3, []],
    [{ cpu: '12' }, 3, ['aggregateQuota.cpu']],
    [{ memory: '8Gi', pods: 21 }, 2, []],
    [{ memory: '8191Mi' }, 2, ['aggregateQuota.memory']],
    [{}, 2, ['aggregateQuota']],
    [{ cpu: '6' }, 1, ['aggregateQuota']],
  ] as const)('%j over %i namespaces: %j', (aggregate, namespaces, fields) => {
    expect(
      aggregateQuotaProblems({ aggregate, quota, namespaces, tier: 4 }).map(
        ([f]) => f,
      ),
    ).toEqual(fields);
  });
});

describe('the HNC objects', () => {
  const t = {
    ...acmeTenant,
    tier: 4 as const,
    aggregateQuota: { cpu: '6', memory: '12Gi', pods: 30 },
  };

  it('validate against the vendored HNC CRD schemas', async () => {
    expect(await validateFiles(renderTenant(t))).toEqual([]);
  });

  it('are refused by the schemas when misspelt', async () => {
    const [hc, , hrq] = aggregateQuotaObjects({
      tenant: 'acme',
      namespaces: ['acme-dev', 'acme-prod'],
      aggregate: t.aggregateQuota,
      labelsFor: () => ({}),
    });
    const problems = await validateFiles([
      manifestFile('bad.yaml', [
        { ...hc, metadata: { ...hc.metadata, name: 'acme' } },
        { ...hrq, spec: { hardd: { pods: '3' } } },
        { ...hrq, spec: { hard: { pods: 'many' } } },
      ]),
    ]);
    expect(problems).toHaveLength(3);
  });

  it('read back to the same aggregate', () => {
    expect(aggregateFromHard(aggregateHard(t.aggregateQuota))).toEqual(
      t.aggregateQuota,
    );
    expect(aggregateFromHard({})).toBeUndefined();
  });
});
