/*
 * The proof that a refactor of the renderers changes no output: every
 * baseline and tenant render, file by file (path, order, text, objects),
 * against golden.json. After an intended output change, regenerate with
 *   UPDATE_GOLDEN=1 yarn backstage-cli package test src/render/__golden__
 * and review the diff of golden.json with the change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { TIER_NUMBERS } from '@paved/plugin-paved-common';
import { allBaselines } from '../../__testUtils__/clusterInputs';
import { renderClusterBaseline } from '../cluster';
import { renderTenant, TenantInput } from '../tenant';
import { RenderedFile } from '../types';
import { ordersTenant } from '../../__testUtils__/tenantInputs';
import { renderTenantClaim } from '../tenant/claimDelivery';
import { tenantCompositionObjects } from '../tenant/composition';
import { manifestFile } from '../yaml';

/**
 * Every render the golden pins: each baseline the tests enumerate (tiers 1-5
 * with their defaults and each allowed single change of a choice) and a set
 * of tenants (each tier; GitOps argocd, flux, none; egress; claims).
 */
function goldenRenders(): Array<[string, () => RenderedFile[]]> {
  const tenant = ordersTenant;
  const repo = 'https://github.com/acme/orders-deploy';
  const tenants: Array<[string, TenantInput]> = [
    ...TIER_NUMBERS.map(
      tier =>
        [`tenant tier ${tier}`, { ...tenant, tier }] as [string, TenantInput],
    ),
    ['tenant argocd repo', { ...tenant, gitopsRepoUrl: repo }],
    ['tenant flux repo', { ...tenant, gitops: 'flux', gitopsRepoUrl: repo }],
    ['tenant gitops none', { ...tenant, gitops: 'none' }],
    ['tenant no egress', { ...tenant, allowedEgress: [] }],
    [
      'tenant claims',
      {
        ...tenant,
        claims: [
          {
            apiVersion: 'database.paved.dev/v1alpha1',
            kind: 'PostgreSQLInstance',
            name: 'orders-db',
            environment: 'prod',
            parameters: { storageGB: 20 },
          },
        ],
      },
    ],
    [
      'tenant aggregate quota',
      {
        ...tenant,
        tier: 4,
        aggregateQuota: {
          cpu: '6',
          memory: '12Gi',
          pods: 30,
          storage: '150Gi',
        },
      },
    ],
    [
      'tenant observability',
      {
        ...tenant,
        tier: 3,
        observability: {
          metrics: true,
          logs: true,
          dashboards: true,
          alerts: {
            receiver: {
              type: 'slack',
              channel: '#orders',
              secretName: 'orders-alerting',
            },
          },
        },
      },
    ],
  ];
  const claimTenant: TenantInput = {
    ...tenant,
    tier: 5,
    gitops: 'none',
    allowedEgress: [],
    quota: { cpu: '4', memory: '8Gi', pods: 20 },
    priorityClass: 'paved-tenant-standard',
    delivery: 'claim',
  };
  return [
    ...allBaselines().map(
      ([id, input]) =>
        [`baseline ${id}`, () => renderClusterBaseline(input)] as [
          string,
          () => RenderedFile[],
        ],
    ),
    ...tenants.map(
      ([id, t]) =>
        [id, () => renderTenant(t)] as [string, () => RenderedFile[]],
    ),
    ['tenant claim', () => renderTenantClaim(claimTenant)],
    [
      'tier 5 Tenant composition',
      () => [
        manifestFile(
          'manifests/crossplane/tenant-composition.yaml',
          tenantCompositionObjects(5, {}),
        ),
      ],
    ],
  ];
}

const sha = (s: string) =>
  createHash('sha256').update(s).digest('hex').slice(0, 16);

/**
 * One render as path → sha256 (first 16 hex digits), in output order. The hash covers the file's
 * text and everything else a render hands on (the objects as JSON, which
 * the apply action sends; satisfies, which the README lists; validateAs).
 */
function fingerprint(files: RenderedFile[]): Record<string, string> {
  return Object.fromEntries(
    files.map(f => [
      f.path,
      sha(
        JSON.stringify([
          f.content,
          f.objects ?? null,
          f.satisfies ?? null,
          f.validateAs ?? null,
        ]),
      ),
    ]),
  );
}

function goldenOf(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    goldenRenders().map(([id, render]) => [id, fingerprint(render())]),
  );
}

const file = path.join(__dirname, 'golden.json');

describe('rendered output is unchanged (golden)', () => {
  const actual = goldenOf();

  if (process.env.UPDATE_GOLDEN) {
    fs.writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
  }
  const golden: Record<string, Record<string, string>> = JSON.parse(
    fs.readFileSync(file, 'utf8'),
  );

  it('renders the same set of baselines and tenants', () => {
    expect(Object.keys(actual)).toEqual(Object.keys(golden));
  });

  it.each(Object.keys(golden))('%s: same files, same order, same bytes', id => {
    expect(Object.keys(actual[id] ?? {})).toEqual(Object.keys(golden[id]));
    expect(actual[id]).toEqual(golden[id]);
  });
});
