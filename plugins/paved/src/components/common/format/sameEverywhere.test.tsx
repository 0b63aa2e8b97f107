import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ConformanceSummary } from '@paved/plugin-paved-common';
// A test reads the cards' sources from disk; the browser never does.
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync, statSync } from 'fs';
// eslint-disable-next-line no-restricted-imports
import { join, relative } from 'path';
import {
  PavedCostApi,
  pavedCostApiRef,
  pavedCrossplaneApiRef,
  PavedHealthApi,
  pavedHealthApiRef,
} from '../../../api';
import { EntityConformanceCard } from '../../conformance/EntityConformanceCard';
import { EntityCostCard } from '../../cost/EntityCostCard';
import { tenantResponse, ZONE } from '../../cost/fixtures.testutil';
import { EntityClusterHealthCard } from '../../health/EntityClusterHealthCard';
import { EntityWorkloadHealthCard } from '../../health/EntityWorkloadHealthCard';
import {
  clusterEntity,
  clusterResponse,
  healthyComponent,
} from '../../health/fixtures.testutil';
import { EntityPavedSummaryCard } from '../../summary/EntityPavedSummaryCard';

/*
 * The same quantity reads the same on every card: a quarter of a core is
 * "250m", one and a half gibibytes "1.5 GiB", a ratio of 0.453 "45.3%",
 * wherever it shows.
 */
const QUARTER_CORE = 0.25;
const GIB_AND_A_HALF = 1.5 * 2 ** 30;
const RATIO = 0.453;

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'payments-api',
      'paved.dev/tier': '3',
      'paved.dev/namespaces': 'payments',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments-team' },
};

function costResponse() {
  const r = tenantResponse();
  const total = r.total!;
  total.efficiency.cpu = RATIO;
  total.rightSizing = [
    {
      ...total.rightSizing[0],
      advice: 'fits',
      cpu: { ...total.rightSizing[0].cpu, requested: QUARTER_CORE },
      ram: { ...total.rightSizing[0].ram, requested: GIB_AND_A_HALF },
    },
  ];
  return r;
}

function clusterHealth() {
  const r = structuredClone(clusterResponse);
  if (!r.cluster.ok) throw new Error('fixture');
  const node = r.cluster.data.nodes.items[0];
  node.capacity.requested = { cpu: QUARTER_CORE, memory: GIB_AND_A_HALF };
  node.capacity.cpuRequestedRatio = RATIO;
  return r;
}

const conformance: ConformanceSummary = {
  tier: 3,
  tierTitle: 'Production',
  podSecurityLevel: 'restricted',
  namespaces: ['payments'],
  productionNamespaces: ['payments'],
  score: RATIO,
  checks: 1000,
  passed: 453,
  failed: 547,
  rules: [],
};

const healthApi: PavedHealthApi = {
  getClusterHealth: async () => clusterHealth(),
  getEntityHealth: async () => ({
    entityRef: 'component:default/payments-api',
    labelSelector: 'backstage.io/kubernetes-id=payments-api',
    clusters: [
      {
        cluster: 'paved-local',
        ok: true,
        data: {
          ...healthyComponent,
          availability: {
            ...healthyComponent.availability,
            ratio: RATIO,
            meetsTarget: false,
          },
        },
      },
    ],
  }),
  getEntityConformance: async () => ({
    entityRef: 'component:default/payments-api',
    tier: 3,
    scope: 'tenant',
    namespaces: ['payments'],
    clusters: [{ cluster: 'paved-local', ok: true, data: conformance }],
  }),
};
const costApi: Partial<PavedCostApi> = {
  getEntityCost: async () => costResponse(),
};

async function render(ui: React.ReactElement, entity: Entity) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pavedHealthApiRef, healthApi],
        [pavedCostApiRef, costApi],
        [
          pavedCrossplaneApiRef,
          { getEntityClaims: () => new Promise<never>(() => {}) },
        ],
      ]}
    >
      <EntityProvider entity={entity}>{ui}</EntityProvider>
    </TestApiProvider>,
  );
}

// The first card rendered pays for loading MUI, recharts and the cards.
jest.setTimeout(30_000);

describe('every card formats the same quantity the same way', () => {
  it('the cluster health card', async () => {
    await render(<EntityClusterHealthCard />, clusterEntity);
    const nodes = await screen.findByRole('table', { name: 'Nodes' });
    const row = within(nodes).getAllByRole('row')[1];
    expect(row).toHaveTextContent(`250m / 3.92 cores (45.3%)`);
    expect(row).toHaveTextContent('1.5 GiB / 14.4 GiB');
    const chart = screen.getByRole('table', {
      name: 'CPU requested vs allocatable per node',
    });
    expect(within(chart).getAllByRole('row')[1]).toHaveTextContent('250m');
  });

  it('the cost card', async () => {
    await render(<EntityCostCard zone={ZONE} />, component);
    // The cost card renders its chart first; under load that takes a while.
    const advice = await screen.findByRole(
      'list',
      { name: 'Right-sizing' },
      { timeout: 10_000 },
    );
    expect(advice).toHaveTextContent('of 250m CPU');
    expect(advice).toHaveTextContent('of 1.5 GiB memory');
    expect(
      screen.getByText(/Efficiency \(usage over requests\)/).parentElement,
    ).toHaveTextContent('CPU 45.3%');
  });

  it('the conformance card', async () => {
    await render(<EntityConformanceCard />, component);
    expect(
      await screen.findByText(/453 of 1000 checks pass/),
    ).toHaveTextContent('45.3%');
  });

  it('the workload health card', async () => {
    await render(<EntityWorkloadHealthCard />, component);
    expect(await screen.findByText(/Availability/)).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Cluster paved-local' }),
    ).toHaveTextContent('(45.3%');
  });

  it('the summary', async () => {
    await render(<EntityPavedSummaryCard zone={ZONE} />, component);
    const chip = screen.getByTestId('summary-conformance');
    expect(
      await within(chip).findByText(/45\.3% · tier 3/),
    ).toBeInTheDocument();
  });

  it('no card formats numbers on its own', () => {
    // Formatting lives in common/format; a card that calls toFixed or
    // Intl.NumberFormat itself would drift from the others.
    const root = join(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.tsx?$/.test(name) &&
          !/\.test\.tsx?$|\.testutil\.ts$/.test(name) &&
          !path.startsWith(join(root, 'common', 'format'))
        ) {
          const text = readFileSync(path, 'utf8');
          if (/\.toFixed\(|Intl\.NumberFormat|toLocaleString\(/.test(text)) {
            offenders.push(relative(root, path));
          }
        }
      }
    };
    for (const area of [
      'health',
      'conformance',
      'cost',
      'crossplane',
      'summary',
      'fleet',
      'tenant',
      'gitops',
      'drift',
      'evidence',
    ]) {
      walk(join(root, area));
    }
    expect(offenders).toEqual([]);
  });
});
